package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.TableNames;
import dev.cairn.contract.Blueprints;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reindex's checks before it reaches the engine; its steps run in the end-to-end tests. */
class SearchReindexTest {
    private final SearchReindex reindex =
            new SearchReindex(null, null, Blueprints.RECIPE_ARCHIVE, new TableNames(Map.of("recipes", "test-recipes")));
    private final SearchReindexHandler handler = new SearchReindexHandler(reindex, null);

    @Test
    void aStepMustNameAKnownStepAndAnIndexOfTheBlueprint() {
        assertThatThrownBy(() -> handler.run(null, () -> 0)).hasMessageContaining("must name a step");
        assertThatThrownBy(() -> handler.run(new SearchReindexHandler.Step("begin", null, null, null, null), () -> 0))
                .hasMessageContaining("must name a step");
        assertThatThrownBy(() ->
                        handler.run(new SearchReindexHandler.Step("rebuild", "recipes", null, null, null), () -> 0))
                .hasMessageContaining("begin, segment, finish, abort");
        assertThatThrownBy(
                        () -> handler.run(new SearchReindexHandler.Step("begin", "guitars", null, null, null), () -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[recipes]")
                .hasMessageContaining("guitars");
        assertThatThrownBy(
                        () -> handler.run(new SearchReindexHandler.Step("segment", "recipes", 1, null, null), () -> 0))
                .hasMessageContaining("segment and segments");
        assertThatThrownBy(() -> handler.run(new SearchReindexHandler.Step("segment", "recipes", 4, 4, null), () -> 0))
                .hasMessageContaining("segment must be 0..3");
    }

    @Test
    void whereASegmentStoppedIsTextThatReadsBackAsTheSameKey() {
        Map<String, AttributeValue> key =
                Map.of("userId", AttributeValue.fromS("user:1"), "order", AttributeValue.fromN("12.5"));

        Map<String, String> encoded = SearchReindex.encodeKey(key);

        assertThat(encoded).containsEntry("userId", "S:user:1").containsEntry("order", "N:12.5");
        assertThat(SearchReindex.decodeKey(encoded)).isEqualTo(key);
        assertThatThrownBy(() -> SearchReindex.decodeKey(Map.of("userId", "user-1")))
                .hasMessageContaining("S:TEXT or N:NUMBER");
    }

    @Test
    void indexNamesCarryTheAliasTheVersionAndTheTime() {
        assertThat(SearchMappings.indexName(reindex.index("recipes"), 1764720000000L))
                .isEqualTo("recipes-v1-1764720000000");
        assertThat(SearchMappings.nextAlias(reindex.index("recipes"))).isEqualTo("recipes-next");
    }
}
