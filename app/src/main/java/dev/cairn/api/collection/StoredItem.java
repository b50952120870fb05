package dev.cairn.api.collection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every stored item holds besides the client's fields: its key (owner and id), its version
 * (1 when created, one more on every write) and its timestamps; and how to read those.
 */
final class StoredItem {
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    private StoredItem() {}

    /** Attributes only the server sets: clients neither write them nor see them among the fields. */
    static Set<String> serverAttributes(OwnedCollection<?> collection) {
        return Set.of("id", collection.ownerAttribute(), collection.idAttribute(), VERSION, CREATED_AT, UPDATED_AT);
    }

    /** The item's version; 0 for a row that has none. */
    static long version(Map<String, AttributeValue> item) {
        AttributeValue version = item.get(VERSION);
        return version == null ? 0 : Long.parseLong(version.n());
    }

    /** Whether {@code id} can be an item's id: a UUID in its canonical 36 characters. */
    static boolean isId(String id) {
        try {
            UUID.fromString(id);
            return id.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The item's key on the table or on an index: its values of {@code attributes}, in their order. */
    static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, List<String> attributes) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String attribute : attributes) {
            key.put(attribute, item.get(attribute));
        }
        return key;
    }
}
