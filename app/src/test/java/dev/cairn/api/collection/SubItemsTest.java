package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SubItemsTest {
    private final SubItems subItems = new SubItems(Thing.COLLECTION, new CollectionErrors("thing", "Thing"));

    @Test
    void anEntryIsStoredWithItsIdFirstAndItsCreationTimeLast() {
        JsonNode fields = JsonNode.createObjectNode(Map.of("text", JsonNode.createStringNode("New strings")));

        AttributeValue entry = SubItems.entry("e-1", fields, "2026-01-02T03:04:05Z");

        assertThat(entry.m().keySet()).containsExactly("id", "text", "createdAt");
        assertThat(entry.m().get("id").s()).isEqualTo("e-1");
        assertThat(entry.m().get("text").s()).isEqualTo("New strings");
        assertThat(entry.m().get("createdAt").s()).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void anEntryIsFoundByItsId() {
        AttributeValue list = AttributeValue.fromL(List.of(
                AttributeValue.fromS("not an entry"),
                AttributeValue.fromM(Map.of("text", AttributeValue.fromS("no id"))),
                AttributeValue.fromM(Map.of("id", AttributeValue.fromS("e-1"))),
                AttributeValue.fromM(Map.of("id", AttributeValue.fromS("e-2")))));

        assertThat(SubItems.positionOf(list, "e-2")).isEqualTo(3);
        assertThat(SubItems.positionOf(list, "e-3")).isEqualTo(-1);
        assertThat(SubItems.positionOf(null, "e-1")).isEqualTo(-1);
        assertThat(SubItems.positionOf(AttributeValue.fromS("x"), "e-1")).isEqualTo(-1);
    }

    @Test
    void onlyManagedAttributesHoldSubItems() {
        subItems.requireManaged("notes");
        assertThatThrownBy(() -> subItems.requireManaged("tags"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a managed attribute of thing: tags");
    }

    @Test
    void aFullListIsAValidationErrorNamingTheList() {
        ApiException full = subItems.full("notes");

        assertThat(full.status()).isEqualTo(400);
        assertThat(full.code()).isEqualTo("THING_VALIDATION_ERROR");
        assertThat(full.getMessage()).isEqualTo("A thing holds at most " + SubItems.MAX_ENTRIES + " notes");
        assertThat(full.details())
                .containsExactly(new ApiError.FieldError("notes", "has " + SubItems.MAX_ENTRIES + " entries already"));
    }
}
