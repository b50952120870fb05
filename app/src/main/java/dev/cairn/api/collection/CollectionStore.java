package dev.cairn.api.collection;

import static dev.cairn.api.collection.StoredItem.UPDATED_AT;
import static dev.cairn.api.collection.StoredItem.VERSION;

import dev.cairn.api.data.Transactions;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A collection's table in DynamoDB: its items, and the server's own rows in each owner's partition
 * (facet counts, {@code #facet#brand#Fender}, and the item count, {@code #count}). It reads and
 * writes items and answers them, or throws {@link ConditionFailed} when a write's condition did
 * not hold; what that means to a client is its caller's to say.
 *
 * <p>Every write of an item is conditional on the version read (or, creating, on the id being
 * new), and moves the facet and item counts it changes in the same transaction.
 */
final class CollectionStore {
    /** Item ids are UUIDs and sort at or after "0"; the server's own rows ("#facet#...") sort before. */
    static final String ID_FLOOR = "0";

    static final String FACET_PREFIX = "#facet#";
    /** The server's row counting the owner's items, where the collection has an {@link ItemLimit}. */
    static final String COUNT_ROW = "#count";

    /** Items per batch write: DynamoDB's own limit. */
    static final int BATCH_SIZE = 25;
    /** Batch writes DynamoDB may leave partly undone before erasing gives up. */
    static final int BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String ownerAttribute;
    private final String idAttribute;

    /**
     * @param table the deployed table name
     * @param ownerAttribute the partition key, the owner's id
     * @param idAttribute the sort key, the item's id
     */
    CollectionStore(DynamoDbClient dynamoDb, String table, String ownerAttribute, String idAttribute) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.ownerAttribute = ownerAttribute;
        this.idAttribute = idAttribute;
    }

    /** A write's condition did not hold, and nothing was written. */
    static final class ConditionFailed extends RuntimeException {
        /** Which row's condition failed. */
        enum Row {
            /** The item's own: it changed or went since it was read, it exists already, or its list is full. */
            ITEM,
            /** The owner's item count: one more item would pass the collection's limit. */
            ITEM_COUNT
        }

        private final Row row;

        ConditionFailed(Row row, RuntimeException cause) {
            super("The condition on the " + row + " row failed", cause);
            this.row = row;
        }

        Row row() {
            return row;
        }
    }

    /** The owner's item, consistently read, or empty. */
    Optional<Map<String, AttributeValue>> read(String owner, String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(owner, id)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * Puts a new item, with its facet counts; with {@code maxItems}, also counts it, refusing it
     * ({@link ConditionFailed.Row#ITEM_COUNT}) when the owner has that many already.
     *
     * @throws ConditionFailed {@link ConditionFailed.Row#ITEM} if the id exists
     */
    void create(Map<String, AttributeValue> item, List<Facets.Move> facetMoves, @Nullable Integer maxItems) {
        String owner = item.get(ownerAttribute).s();
        List<TransactWriteItem> alongside = facetUpdates(owner, facetMoves);
        if (maxItems != null) {
            seedCount(owner);
            alongside.add(countUpdate(owner, 1, maxItems));
        }
        write(put(item, "attribute_not_exists(#id)", Map.of("#id", idAttribute), null), alongside, maxItems != null);
    }

    /**
     * Puts the item over the one at version {@code expected}, with its facet counts.
     *
     * @throws ConditionFailed if the stored item is at another version or gone
     */
    void replace(Map<String, AttributeValue> item, long expected, List<Facets.Move> facetMoves) {
        String owner = item.get(ownerAttribute).s();
        write(
                put(item, "#version = :expected", Map.of("#version", VERSION), expectedVersion(expected)),
                facetUpdates(owner, facetMoves),
                false);
    }

    /**
     * Deletes the item at version {@code expected}, with its facet counts, and, if {@code counted}
     * and the owner's count row exists, counts it out (an unseeded count is left alone: seeding
     * counts what is there then).
     *
     * @throws ConditionFailed if the stored item is at another version or gone
     */
    void delete(String owner, String id, long expected, List<Facets.Move> facetMoves, boolean counted) {
        List<TransactWriteItem> alongside = facetUpdates(owner, facetMoves);
        if (counted && countRow(owner).isPresent()) {
            alongside.add(countUpdate(owner, -1, null));
        }
        TransactWriteItem delete = TransactWriteItem.builder()
                .delete(d -> d.tableName(table)
                        .key(key(owner, id))
                        .conditionExpression("#version = :expected")
                        .expressionAttributeNames(Map.of("#version", VERSION))
                        .expressionAttributeValues(expectedVersion(expected)))
                .build();
        write(delete, alongside, false);
    }

    /**
     * Sets (or, with null, removes) one attribute of the item at version {@code expected}, and
     * answers the item as it is now.
     *
     * @throws ConditionFailed if the stored item is at another version or gone
     */
    Map<String, AttributeValue> setAttribute(
            String owner, String id, String attribute, @Nullable AttributeValue value, long expected, String now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", number(1));
        values.put(":now", AttributeValue.fromS(now));
        values.put(":expected", number(expected));
        if (value != null) {
            values.put(":value", value);
        }
        String update = (value == null ? "REMOVE #attribute SET " : "SET #attribute = :value, ")
                + "#version = #version + :one, #updatedAt = :now";
        return update(r -> r.key(key(owner, id))
                .updateExpression(update)
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(
                        Map.of("#attribute", attribute, "#version", VERSION, "#updatedAt", UPDATED_AT))
                .expressionAttributeValues(values));
    }

    /**
     * Appends {@code entry} to the item's list attribute, and answers the item as it is now.
     *
     * @throws ConditionFailed if the item is gone or its list holds {@code maxEntries} already
     */
    Map<String, AttributeValue> appendEntry(
            String owner, String id, String attribute, AttributeValue entry, int maxEntries, String now) {
        return update(r -> r.key(key(owner, id))
                .updateExpression("SET #list = list_append(if_not_exists(#list, :empty), :entry),"
                        + " #version = #version + :one, #updatedAt = :now")
                .conditionExpression("attribute_exists(#id) AND (attribute_not_exists(#list) OR size(#list) < :max)")
                .expressionAttributeNames(
                        Map.of("#list", attribute, "#version", VERSION, "#updatedAt", UPDATED_AT, "#id", idAttribute))
                .expressionAttributeValues(Map.of(
                        ":empty", AttributeValue.fromL(List.of()),
                        ":entry", AttributeValue.fromL(List.of(entry)),
                        ":one", number(1),
                        ":now", AttributeValue.fromS(now),
                        ":max", number(maxEntries))));
    }

    /**
     * Removes the entry at {@code position} of the item's list attribute, and answers the item as
     * it is now.
     *
     * @throws ConditionFailed if the stored item is at another version or gone
     */
    Map<String, AttributeValue> removeEntry(
            String owner, String id, String attribute, int position, long expected, String now) {
        return update(r -> r.key(key(owner, id))
                .updateExpression("REMOVE #list[" + position + "] SET #version = #version + :one, #updatedAt = :now")
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#list", attribute, "#version", VERSION, "#updatedAt", UPDATED_AT))
                .expressionAttributeValues(
                        Map.of(":one", number(1), ":now", AttributeValue.fromS(now), ":expected", number(expected))));
    }

    /**
     * The pages of a query on this table (the request names no table), fetched one by one as they
     * are read: the one way the engine pages through DynamoDB.
     */
    SdkIterable<QueryResponse> pages(QueryRequest request) {
        return dynamoDb.queryPaginator(request.toBuilder().tableName(table).build());
    }

    /** The values of a facet the owner's items have, in no particular order. */
    List<String> facetValues(String owner, String facet) {
        List<String> values = new ArrayList<>();
        pages(QueryRequest.builder()
                        .keyConditionExpression("#owner = :owner AND begins_with(#id, :prefix)")
                        .filterExpression("#count > :zero")
                        .expressionAttributeNames(
                                Map.of("#owner", ownerAttribute, "#id", idAttribute, "#count", "count"))
                        .expressionAttributeValues(Map.of(
                                ":owner", AttributeValue.fromS(owner),
                                ":prefix", AttributeValue.fromS(FACET_PREFIX + facet + "#"),
                                ":zero", number(0)))
                        .build())
                .forEach(page ->
                        page.items().forEach(row -> values.add(row.get("value").s())));
        return values;
    }

    /** Each of the owner's items, consistently read, oldest first. */
    void forEachItem(String owner, Consumer<Map<String, AttributeValue>> action) {
        pages(itemsOf(owner).consistentRead(true).build())
                .forEach(page -> page.items().forEach(action));
    }

    /** Each row of the owner's partition, the server's own rows included, consistently read. */
    void forEachRow(String owner, Consumer<Map<String, AttributeValue>> action) {
        pages(QueryRequest.builder()
                        .keyConditionExpression("#owner = :owner")
                        .expressionAttributeNames(Map.of("#owner", ownerAttribute))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner)))
                        .consistentRead(true)
                        .build())
                .forEach(page -> page.items().forEach(action));
    }

    /**
     * Deletes the rows with these keys, {@link #BATCH_SIZE} at a time, writing again what DynamoDB
     * leaves unprocessed after a growing pause; a missing row is not an error.
     *
     * @throws IllegalStateException if DynamoDB keeps leaving deletes undone
     */
    void deleteAll(List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> deletes = keys.stream()
                .map(key ->
                        WriteRequest.builder().deleteRequest(d -> d.key(key)).build())
                .toList();
        for (int from = 0; from < deletes.size(); from += BATCH_SIZE) {
            List<WriteRequest> batch = deletes.subList(from, Math.min(from + BATCH_SIZE, deletes.size()));
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == BATCH_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept refusing deletes from " + table);
                }
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
                if (!pending.isEmpty()) {
                    sleep(50L << attempt);
                }
            }
        }
    }

    /**
     * Makes sure the owner's count row exists, counting the owner's items once when it does not (a
     * partition written before the collection had a limit). Creating it is conditional, so two
     * requests seeding at once write one row.
     */
    private void seedCount(String owner) {
        if (countRow(owner).isPresent()) {
            return;
        }
        long count = 0;
        for (QueryResponse page :
                pages(itemsOf(owner).select(Select.COUNT).consistentRead(true).build())) {
            count += page.count();
        }
        Map<String, AttributeValue> row = new HashMap<>(key(owner, COUNT_ROW));
        row.put("count", number(count));
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(row)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", idAttribute)));
        } catch (ConditionalCheckFailedException e) {
            // Another request seeded it first.
        }
    }

    private Optional<Map<String, AttributeValue>> countRow(String owner) {
        return read(owner, COUNT_ROW);
    }

    /** One more item (only while under {@code maxItems}) or one fewer. */
    private TransactWriteItem countUpdate(String owner, int delta, @Nullable Integer maxItems) {
        return TransactWriteItem.builder()
                .update(u -> {
                    u.tableName(table)
                            .key(key(owner, COUNT_ROW))
                            .updateExpression("ADD #count :delta")
                            .expressionAttributeNames(Map.of("#count", "count"));
                    if (maxItems != null) {
                        u.conditionExpression("#count < :max")
                                .expressionAttributeValues(Map.of(":delta", number(delta), ":max", number(maxItems)));
                    } else {
                        u.expressionAttributeValues(Map.of(":delta", number(delta)));
                    }
                })
                .build();
    }

    private List<TransactWriteItem> facetUpdates(String owner, List<Facets.Move> moves) {
        List<TransactWriteItem> updates = new ArrayList<>();
        for (Facets.Move move : moves) {
            updates.add(TransactWriteItem.builder()
                    .update(u -> u.tableName(table)
                            .key(key(owner, FACET_PREFIX + move.facet() + "#" + move.value()))
                            .updateExpression("ADD #count :delta SET #facet = :facet, #value = :value")
                            .expressionAttributeNames(Map.of("#count", "count", "#facet", "facet", "#value", "value"))
                            .expressionAttributeValues(Map.of(
                                    ":delta", number(move.delta()),
                                    ":facet", AttributeValue.fromS(move.facet()),
                                    ":value", AttributeValue.fromS(move.value()))))
                    .build());
        }
        return updates;
    }

    /**
     * Writes the item alone (the put or delete of the transaction write, as a request of its own),
     * or, with rows to move alongside, all in one transaction. The item's condition failing is {@link ConditionFailed.Row#ITEM}; with
     * {@code countsLast}, the last write's is {@link ConditionFailed.Row#ITEM_COUNT}.
     */
    private void write(TransactWriteItem item, List<TransactWriteItem> alongside, boolean countsLast) {
        try {
            if (alongside.isEmpty() && item.put() != null) {
                var put = item.put();
                dynamoDb.putItem(r -> r.tableName(put.tableName())
                        .item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames())
                        .expressionAttributeValues(
                                put.hasExpressionAttributeValues() ? put.expressionAttributeValues() : null));
            } else if (alongside.isEmpty()) {
                var delete = item.delete();
                dynamoDb.deleteItem(r -> r.tableName(delete.tableName())
                        .key(delete.key())
                        .conditionExpression(delete.conditionExpression())
                        .expressionAttributeNames(delete.expressionAttributeNames())
                        .expressionAttributeValues(
                                delete.hasExpressionAttributeValues() ? delete.expressionAttributeValues() : null));
            } else {
                List<TransactWriteItem> writes = new ArrayList<>();
                writes.add(item);
                writes.addAll(alongside);
                Transactions.write(dynamoDb, writes);
            }
        } catch (ConditionalCheckFailedException e) {
            throw new ConditionFailed(ConditionFailed.Row.ITEM, e);
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (conditionFailed(reasons, 0)) {
                throw new ConditionFailed(ConditionFailed.Row.ITEM, e);
            }
            if (countsLast && conditionFailed(reasons, reasons.size() - 1)) {
                throw new ConditionFailed(ConditionFailed.Row.ITEM_COUNT, e);
            }
            throw e;
        }
    }

    private Map<String, AttributeValue> update(Consumer<UpdateItemRequest.Builder> request) {
        try {
            return dynamoDb.updateItem(r -> {
                        request.accept(r);
                        r.tableName(table).returnValues(ReturnValue.ALL_NEW);
                    })
                    .attributes();
        } catch (ConditionalCheckFailedException e) {
            throw new ConditionFailed(ConditionFailed.Row.ITEM, e);
        }
    }

    /** The owner's items without the server's rows, which sort before {@link #ID_FLOOR}. */
    private QueryRequest.Builder itemsOf(String owner) {
        return QueryRequest.builder()
                .keyConditionExpression("#owner = :owner AND #id >= :floor")
                .expressionAttributeNames(Map.of("#owner", ownerAttribute, "#id", idAttribute))
                .expressionAttributeValues(
                        Map.of(":owner", AttributeValue.fromS(owner), ":floor", AttributeValue.fromS(ID_FLOOR)));
    }

    private static Map<String, AttributeValue> expectedVersion(long expected) {
        return Map.of(":expected", number(expected));
    }

    /** A conditional put of the item, as one write of a transaction. */
    private TransactWriteItem put(
            Map<String, AttributeValue> item,
            String condition,
            Map<String, String> names,
            @Nullable Map<String, AttributeValue> values) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(table)
                        .item(item)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values))
                .build();
    }

    private Map<String, AttributeValue> key(String owner, String id) {
        return Map.of(ownerAttribute, AttributeValue.fromS(owner), idAttribute, AttributeValue.fromS(id));
    }

    private static boolean conditionFailed(List<CancellationReason> reasons, int index) {
        return index >= 0
                && index < reasons.size()
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a write", e);
        }
    }
}
