package dev.cairn.endtoend;

import org.junit.jupiter.api.Test;

/**
 * Seed 001's main journey through the generated TypeScript client (@cairn/guitar-collection-client):
 * sign in, create, list by brand, read, merge-patch, a note added and deleted, delete, and the
 * typed errors (GUITAR_NOT_FOUND, GUITAR_VALIDATION_ERROR with its fields, a missing token).
 */
class GuitarCollectionClientJourneyTest extends EndToEnd {

    @Test
    void theGeneratedClientRunsTheJourney() throws Exception {
        ClientJourneys.run("guitar-collection");
    }
}
