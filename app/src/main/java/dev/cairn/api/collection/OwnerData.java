package dev.cairn.api.collection;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A collection's part of a user's data (GDPR): the export holds every item as its owner sees it;
 * erasure deletes every row of the owner's partition, the server's own rows (facet and item
 * counts) with the items.
 */
final class OwnerData {
    private final CollectionStore store;
    private final ItemView view;
    private final List<String> keyAttributes;

    /** @param keyAttributes the table's key attributes, owner and id */
    OwnerData(CollectionStore store, ItemView view, List<String> keyAttributes) {
        this.store = store;
        this.view = view;
        this.keyAttributes = List.copyOf(keyAttributes);
    }

    /** The owner's items as the owner sees them, oldest first. */
    List<JsonNode> export(String owner) {
        List<JsonNode> all = new ArrayList<>();
        store.forEachItem(owner, item -> all.add(view.of(item)));
        return all;
    }

    /** Deletes everything of the owner's in the collection; erasing what is already gone is no error. */
    void erase(String owner) {
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        store.forEachRow(owner, rows::add);
        store.deleteAll(keys(rows, keyAttributes));
    }

    /** The table keys of these rows, in their order. */
    static List<Map<String, AttributeValue>> keys(List<Map<String, AttributeValue>> rows, List<String> keyAttributes) {
        return rows.stream().map(row -> StoredItem.keyOf(row, keyAttributes)).toList();
    }
}
