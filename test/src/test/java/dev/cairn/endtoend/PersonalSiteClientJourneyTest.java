package dev.cairn.endtoend;

import org.junit.jupiter.api.Test;

/**
 * Seed 004's main journey through the generated TypeScript client (@cairn/personal-site-client):
 * notes (pinned first, tags, merge patch), bookmarks, the typed validation errors, and a read-only
 * API key set on the client.
 */
@StackBlueprint("personal-site")
class PersonalSiteClientJourneyTest extends EndToEnd {

    @Test
    void theGeneratedClientRunsTheJourney() throws Exception {
        ClientJourneys.run("personal-site");
    }
}
