package dev.cairn.api.collection;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A collection's facets: attributes whose distinct values the server counts per owner, so that
 * they are one small query away. A write moves the counts of the values it changes: one down for
 * the value an item had, one up for the value it has now. A blank or non-string value is no value.
 */
final class Facets {
    private final String resource;
    private final List<String> attributes;

    Facets(String resource, List<String> attributes) {
        this.resource = resource;
        this.attributes = List.copyOf(attributes);
    }

    /** A facet value's count moving by {@code delta}. */
    record Move(String facet, String value, int delta) {}

    /** @throws IllegalArgumentException if {@code attribute} is not one of the facets */
    void require(String attribute) {
        if (!attributes.contains(attribute)) {
            throw new IllegalArgumentException("Not a facet of " + resource + ": " + attribute);
        }
    }

    /** The facet values of a stored item, by facet. */
    Map<String, String> of(Map<String, AttributeValue> item) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String facet : attributes) {
            AttributeValue value = item.get(facet);
            if (value != null && value.s() != null && !value.s().isBlank()) {
                values.put(facet, value.s());
            }
        }
        return values;
    }

    /** The facet values of a document (an item's client fields), by facet. */
    Map<String, String> of(JsonNode document) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String facet : attributes) {
            JsonNode value = document.get(facet);
            if (value != null && value.isString() && !value.getStringValue().isBlank()) {
                values.put(facet, value.getStringValue());
            }
        }
        return values;
    }

    /** The counts to move when an item's facet values go from {@code before} to {@code after}. */
    List<Move> moves(Map<String, String> before, Map<String, String> after) {
        List<Move> moves = new ArrayList<>();
        for (String facet : attributes) {
            String old = before.get(facet);
            String now = after.get(facet);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (old != null) {
                moves.add(new Move(facet, old, -1));
            }
            if (now != null) {
                moves.add(new Move(facet, now, 1));
            }
        }
        return moves;
    }

    /** Values as clients get them: case-insensitively sorted, ties in code point order. */
    static List<String> sorted(Collection<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        return sorted;
    }
}
