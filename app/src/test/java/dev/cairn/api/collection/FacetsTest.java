package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FacetsTest {
    private final Facets facets = new Facets("guitar", List.of("brand", "type"));

    @Test
    void aChangedValueMovesOneCountDownAndTheOtherUp() {
        List<Facets.Move> moves = facets.moves(
                Map.of("brand", "Fender", "type", "electric"), Map.of("brand", "Gibson", "type", "electric"));

        assertThat(moves)
                .containsExactly(new Facets.Move("brand", "Fender", -1), new Facets.Move("brand", "Gibson", 1));
    }

    @Test
    void creatingAndDeletingCountEachValueOnce() {
        assertThat(facets.moves(Map.of(), Map.of("brand", "Fender")))
                .containsExactly(new Facets.Move("brand", "Fender", 1));
        assertThat(facets.moves(Map.of("type", "bass"), Map.of())).containsExactly(new Facets.Move("type", "bass", -1));
        assertThat(facets.moves(Map.of("brand", "Fender"), Map.of("brand", "Fender")))
                .isEmpty();
    }

    @Test
    void blankAndNonStringValuesAreNoValue() {
        Map<String, AttributeValue> item = Map.of(
                "brand", AttributeValue.fromS(" "),
                "type", AttributeValue.fromS("bass"),
                "other", AttributeValue.fromS("x"));
        JsonNode document = JsonNode.createObjectNode(
                Map.of("brand", JsonNode.createNumberNode(3), "type", JsonNode.createStringNode("acoustic")));

        assertThat(facets.of(item)).containsExactly(Map.entry("type", "bass"));
        assertThat(facets.of(document)).containsExactly(Map.entry("type", "acoustic"));
    }

    @Test
    void valuesSortCaseInsensitivelyThenByCodePoint() {
        assertThat(Facets.sorted(List.of("gibson", "Fender", "Gibson", "alvarez")))
                .containsExactly("alvarez", "Fender", "Gibson", "gibson");
    }

    @Test
    void onlyDeclaredFacetsCanBeAskedFor() {
        facets.require("brand");
        assertThatThrownBy(() -> facets.require("year"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a facet of guitar: year");
    }
}
