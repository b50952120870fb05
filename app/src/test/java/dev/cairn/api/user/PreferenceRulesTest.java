package dev.cairn.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.http.ApiError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferenceRulesTest {

    @Test
    void eachBlueprintChecksTheKeysItKnows() {
        PreferenceRules guitars = new PreferenceRules("guitar-collection");
        PreferenceRules audio = new PreferenceRules("retreat-audio");

        assertThat(fields(guitars, Map.of("currency", "EUR", "units", "metric", "theme", "dark")))
                .isEmpty();
        assertThat(fields(guitars, Map.of("currency", "EURO"))).containsExactly("preferences.currency");
        assertThat(fields(audio, Map.of("playbackSpeed", 1.5, "language", "pt")))
                .isEmpty();
        assertThat(fields(audio, Map.of("playbackSpeed", 5))).containsExactly("preferences.playbackSpeed");
        assertThat(fields(audio, Map.of("language", "de"))).containsExactly("preferences.language");
        assertThat(fields(guitars, Map.of("language", "de"))).isEmpty();
    }

    @Test
    void unknownKeysAreFreeWithinTheSharedLimits() {
        PreferenceRules site = new PreferenceRules("personal-site");

        assertThat(fields(site, Map.of("favouriteColour", "teal", "fontSize", 14, "compact", true)))
                .isEmpty();
        assertThat(fields(site, Map.of("nested", Map.of("a", 1)))).containsExactly("preferences.nested");
        assertThat(fields(site, Map.of("bad key", "x"))).containsExactly("preferences.bad key");
        assertThat(fields(site, Map.of("note", "x".repeat(501)))).containsExactly("preferences.note");
        assertThat(fields(site, Map.of("timezone", "Mars/Olympus"))).containsExactly("preferences.timezone");
    }

    @Test
    void anUnknownBlueprintStillHasTheCommonRules() {
        PreferenceRules custom = new PreferenceRules("my-own-app");

        assertThat(custom.knownKeys()).containsExactlyInAnyOrder("language", "theme", "timezone", "emailNotifications");
        assertThat(fields(custom, Map.of("theme", "neon"))).containsExactly("preferences.theme");
    }

    private static java.util.List<String> fields(PreferenceRules rules, Map<String, Object> preferences) {
        return rules.violations(preferences).stream()
                .map(ApiError.FieldError::field)
                .toList();
    }
}
