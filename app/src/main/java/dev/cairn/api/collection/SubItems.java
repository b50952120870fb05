package dev.cairn.api.collection;

import static dev.cairn.api.collection.StoredItem.CREATED_AT;

import dev.cairn.api.http.ApiException;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sub-items: entries (e.g. a guitar's notes) kept in a managed list attribute of their item, each
 * with its own {@code id} and {@code createdAt}, at most {@link #MAX_ENTRIES} per list; and the
 * managed attributes that hold them, which only the server writes.
 */
final class SubItems {
    /** Entries a list holds at most, keeping an item well inside DynamoDB's 400 KB. */
    static final int MAX_ENTRIES = 200;

    private final OwnedCollection<?> collection;
    private final CollectionErrors errors;

    SubItems(OwnedCollection<?> collection, CollectionErrors errors) {
        this.collection = collection;
        this.errors = errors;
    }

    /** @throws IllegalArgumentException if {@code attribute} is not a managed attribute of the collection */
    void requireManaged(String attribute) {
        if (!collection.managed().contains(attribute)) {
            throw new IllegalArgumentException(
                    "Not a managed attribute of " + collection.resource() + ": " + attribute);
        }
    }

    /** A new entry as stored: {@code id} first, then the entry's fields, then {@code createdAt}. */
    static AttributeValue entry(String id, JsonNode fields, String createdAt) {
        Map<String, JsonNode> entry = new LinkedHashMap<>();
        entry.put("id", JsonNode.createStringNode(id));
        fields.entries().forEach(e -> entry.put(e.getKey(), e.getValue()));
        entry.put(CREATED_AT, JsonNode.createStringNode(createdAt));
        return ItemCodec.toAttribute(JsonNode.createObjectNode(entry));
    }

    /** Where the entry with {@code entryId} is in a stored list (null: no list), or -1. */
    static int positionOf(AttributeValue list, String entryId) {
        if (list == null || !list.hasL()) {
            return -1;
        }
        for (int i = 0; i < list.l().size(); i++) {
            AttributeValue entry = list.l().get(i);
            if (entry.hasM()
                    && entry.m().containsKey("id")
                    && entryId.equals(entry.m().get("id").s())) {
                return i;
            }
        }
        return -1;
    }

    /** 400 for a list that holds {@link #MAX_ENTRIES} already. */
    ApiException full(String attribute) {
        return errors.validation(
                "A " + collection.resource() + " holds at most " + MAX_ENTRIES + " " + attribute,
                attribute,
                "has " + MAX_ENTRIES + " entries already");
    }
}
