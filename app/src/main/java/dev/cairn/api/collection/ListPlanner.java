package dev.cairn.api.collection;

import dev.cairn.api.data.Cursors;
import dev.cairn.api.data.DynamoNumbers;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * How a list request becomes a Query, and its pages one page of the API. The first filter with an
 * index becomes the key condition on that index; without one, the collection's order index is
 * read, or else the table (newest first, the server's rows left out). The other filters become the
 * filter expression. A page is filled from up to {@link #MAX_QUERY_PAGES} query pages, and its
 * cursor is the key to continue from, signed for this owner, index and filters.
 */
final class ListPlanner {
    /** Items per page when the request names no {@code limit}. */
    static final int DEFAULT_LIMIT = 20;

    static final int MAX_LIMIT = 100;
    /** Query pages read at most for one page of items: a filter matching little ends a page early. */
    static final int MAX_QUERY_PAGES = 10;
    /** Longest filter value accepted. */
    static final int MAX_FILTER_LENGTH = 200;

    private final OwnedCollection<?> collection;
    private final Cursors cursors;
    private final CollectionErrors errors;

    ListPlanner(OwnedCollection<?> collection, Cursors cursors, CollectionErrors errors) {
        this.collection = collection;
        this.cursors = cursors;
        this.errors = errors;
    }

    /**
     * A planned list: the query (naming no table), the key attributes of what it reads, the scope
     * its cursors are signed for, and the page size.
     */
    record Plan(QueryRequest query, List<String> keyAttributes, String scope, int limit) {}

    /** The items of one page, and the key to continue from (null on the last page). */
    record Filled(
            List<Map<String, AttributeValue>> items,
            @Nullable Map<String, AttributeValue> next) {}

    /** The query for the owner's list with these request parameters. 400 for a bad one. */
    Plan plan(String owner, Map<String, String> parameters) {
        int limit = limit(parameters.get("limit"));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#owner", collection.ownerAttribute());
        values.put(":owner", AttributeValue.fromS(owner));
        List<String> filterTerms = new ArrayList<>();
        String keyCondition = null;
        String index = null;
        TreeMap<String, String> used = new TreeMap<>();
        int n = 0;
        for (OwnedCollection.ListFilter filter : collection.filters()) {
            String raw = parameters.get(filter.parameter());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            used.put(filter.parameter(), raw);
            String name = "#f" + n;
            String value = ":f" + n;
            n++;
            names.put(name, filter.attribute());
            values.put(value, filterValue(filter, raw));
            if (filter.index() != null && index == null) {
                index = filter.index();
                keyCondition = name + " = " + value + " AND #owner = :owner";
                continue;
            }
            filterTerms.add(
                    switch (filter.kind()) {
                        case EQUALS, FLAG -> name + " = " + value;
                        case AT_LEAST -> name + " >= " + value;
                        case AT_MOST -> name + " <= " + value;
                        case CONTAINS -> "contains(" + name + ", " + value + ")";
                    });
        }
        if (index == null && collection.order() != null) {
            index = collection.order().index();
            keyCondition = "#owner = :owner";
        }
        if (index == null) {
            names.put("#id", collection.idAttribute());
            values.put(":floor", AttributeValue.fromS(CollectionStore.ID_FLOOR));
            keyCondition = "#owner = :owner AND #id >= :floor";
        }
        List<String> keyAttributes = collection.keyAttributes(index);
        String scope = collection.resource() + "\n" + owner + "\n" + index + "\n" + used;
        Map<String, AttributeValue> start = null;
        String cursor = parameters.get("cursor");
        if (cursor != null && !cursor.isBlank()) {
            start = cursors.decode(scope, cursor)
                    .filter(k -> k.keySet().equals(Set.copyOf(keyAttributes)))
                    .orElseThrow(
                            () -> errors.validation("The cursor is not valid for this list", "cursor", "is not valid"));
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .indexName(index)
                .keyConditionExpression(keyCondition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(start);
        if (!filterTerms.isEmpty()) {
            query.filterExpression(String.join(" AND ", filterTerms));
        }
        return new Plan(query.build(), keyAttributes, scope, limit);
    }

    /**
     * One page of items from the query's pages, read only as far as needed. The next key is right
     * after the page's last item if the page filled up inside a query page, else where the query
     * stopped (anything between the last item and there did not match).
     */
    static Filled fill(Plan plan, Iterable<QueryResponse> pages) {
        int limit = plan.limit();
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        int read = 0;
        for (QueryResponse response : pages) {
            read++;
            List<Map<String, AttributeValue>> items = response.items();
            int room = limit - found.size();
            found.addAll(items.subList(0, Math.min(room, items.size())));
            Map<String, AttributeValue> stoppedAt = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
            if (items.size() > room) {
                return new Filled(found, StoredItem.keyOf(found.getLast(), plan.keyAttributes()));
            }
            if (stoppedAt == null || found.size() == limit || read == MAX_QUERY_PAGES) {
                return new Filled(found, stoppedAt);
            }
        }
        return new Filled(found, null);
    }

    /** The cursor continuing the list at {@code next}, or null on the last page. */
    @Nullable
    String cursor(Plan plan, @Nullable Map<String, AttributeValue> next) {
        return next == null ? null : cursors.encode(plan.scope(), next);
    }

    private AttributeValue filterValue(OwnedCollection.ListFilter filter, String raw) {
        if (raw.length() > MAX_FILTER_LENGTH) {
            throw errors.validation(
                    "Filter values are at most " + MAX_FILTER_LENGTH + " characters",
                    filter.parameter(),
                    "is too long");
        }
        if (filter.kind() == OwnedCollection.ListFilter.Kind.FLAG) {
            if (!raw.equals("true") && !raw.equals("false")) {
                throw errors.validation(
                        filter.parameter() + " must be true or false", filter.parameter(), "must be true or false");
            }
            return AttributeValue.fromBool(Boolean.parseBoolean(raw));
        }
        if (filter.numeric()) {
            // Bounded before any BigDecimal work: "1e999999999" would otherwise become a 1 GB string.
            return DynamoNumbers.parsePlain(raw)
                    .map(number -> AttributeValue.fromN(number.toPlainString()))
                    .orElseThrow(() -> errors.validation(
                            filter.parameter() + " " + DynamoNumbers.FILTER_PROBLEM,
                            filter.parameter(),
                            DynamoNumbers.FILTER_PROBLEM));
        }
        return AttributeValue.fromS(raw);
    }

    private int limit(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw errors.validation(
                "limit must be between 1 and " + MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
    }
}
