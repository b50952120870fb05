package dev.cairn.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlueprintsTest {

    @Test
    void everyBlueprintHasTheCoreTablesFirstThenItsFeaturesThenItsOwn() {
        assertThat(Blueprints.PERSONAL_SITE.allTables().stream().map(TableDefinition::name))
                .containsExactly("users", "images", "notes", "bookmarks", "files", "api-keys");
        assertThat(Blueprints.RECIPE_ARCHIVE.allTables().stream().map(TableDefinition::name))
                .containsExactly("users", "images", "recipes", "recipe-revisions");
        assertThat(Blueprints.PERSONAL_SITE.table("api-keys").timeToLive()).isEqualTo("expiresAt");
        assertThat(Blueprints.PERSONAL_SITE.table("api-keys").environmentVariable())
                .isEqualTo("DYNAMODB_TABLE_API_KEYS");
    }

    @Test
    void retreatAudiosBookmarksTableDoesNotSwitchOnThePersonalSitesBookmarks() {
        Blueprint retreat = Blueprints.RETREAT_AUDIO;
        assertThat(retreat.allTables().stream().map(TableDefinition::name)).contains("bookmarks");
        assertThat(retreat.features()).isEmpty();
        assertThat(Blueprints.featuresOf(retreat.name())).doesNotContain(Feature.BOOKMARKS);
        assertThat(RoutePolicy.apiKeyGatewayRoutes(retreat)).isEmpty();
    }

    @Test
    void privateMediaFollowsTheFeaturesAreas() {
        assertThat(Blueprints.GUITAR_COLLECTION.privateMediaAreas()).containsExactly(MediaLayout.RECEIPTS_AREA);
        assertThat(Blueprints.PERSONAL_SITE.privateMediaAreas()).containsExactly(MediaLayout.FILES_AREA);
        assertThat(Blueprints.RETREAT_AUDIO.privateMedia()).isTrue();
        assertThat(Blueprints.RECIPE_ARCHIVE.privateMedia()).isFalse();
        assertThat(Blueprints.PHOTO_PORTFOLIO.privateMedia()).isFalse();
    }

    @Test
    void limitsDefaultToWhatTheAppAlwaysAllowedAndBecomeItsEnvironment() {
        for (Blueprint blueprint : Blueprints.all()) {
            if (blueprint != Blueprints.PHOTO_PORTFOLIO) {
                assertThat(blueprint.limits()).as(blueprint.name()).isEqualTo(new Blueprint.Limits(20, 1L << 30, 1000));
            }
        }
        // The portfolio's admins upload every photo of the site.
        assertThat(Blueprints.PHOTO_PORTFOLIO.limits()).isEqualTo(new Blueprint.Limits(20, 50L << 30, 10_000));
        assertThat(Blueprints.PHOTO_PORTFOLIO.limits().environment())
                .containsEntry("CAIRN_LIMITS_STORED_BYTES", "53687091200")
                .containsEntry("CAIRN_LIMITS_FILES", "10000");
        assertThat(Blueprint.Limits.DEFAULTS.environment())
                .containsEntry("CAIRN_LIMITS_API_KEYS", "20")
                .containsEntry("CAIRN_LIMITS_STORED_BYTES", "1073741824")
                .containsEntry("CAIRN_LIMITS_FILES", "1000");
        assertThatThrownBy(() -> new Blueprint.Limits(0, 1, 1)).hasMessage("apiKeys must be at least 1 (value: 0)");
    }

    @Test
    void namesAreLookedUpOrRefusedNamingTheChoices() {
        assertThat(Blueprints.named("guitar-collection")).isSameAs(Blueprints.GUITAR_COLLECTION);
        assertThat(Blueprints.find("chess-club")).isEmpty();
        assertThat(Blueprints.featuresOf("chess-club")).isEmpty();
        assertThat(Blueprints.featuresOf(null)).isEmpty();
        assertThatThrownBy(() -> Blueprints.named("chess-club"))
                .hasMessage("blueprint must be one of " + Blueprints.names() + " (value: chess-club)");
    }

    @Test
    void aTableNameMayAppearOnceInABlueprint() {
        assertThatThrownBy(() -> Blueprint.builder("x", "x")
                        .features(Feature.NOTES)
                        .extraTables(TableDefinition.of("notes", "a", null))
                        .build())
                .hasMessage("tables of blueprint x must have unique names (value: notes)");
        assertThatThrownBy(() -> Blueprints.GUITAR_COLLECTION.table("notes"))
                .hasMessage("table of blueprint guitar-collection must be one of "
                        + List.of("users", "images", "guitars") + " (value: notes)");
    }
}
