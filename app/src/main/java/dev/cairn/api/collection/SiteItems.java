package dev.cairn.api.collection;

import dev.cairn.api.data.TableNames;
import dev.cairn.api.data.Transactions;
import dev.cairn.contract.TableDefinition;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The DynamoDB side of site-owned content: items keyed by their own id (no owner), each carrying a
 * {@code version} that every write checks, so that two admins editing at once get 409 rather than
 * losing a change. Lists are Queries (of a partition, or of an index's partition in its sort
 * order), never Scans.
 */
@Singleton
public final class SiteItems {
    private final DynamoDbClient dynamoDb;
    private final TableNames tables;

    SiteItems(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    /** The item with this key (its partition key, and its sort key if the table has one), strongly read. */
    public Optional<Map<String, AttributeValue>> get(TableDefinition table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(tables.of(table)).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * Every item of a partition, in sort key order: of the table ({@code index} null, strongly
     * read) or of one of its indexes.
     */
    public List<Map<String, AttributeValue>> query(
            TableDefinition table, @Nullable String index, String attribute, String value) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(r -> {
                    r.tableName(tables.of(table))
                            .keyConditionExpression("#k = :v")
                            .expressionAttributeNames(Map.of("#k", attribute))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)))
                            .scanIndexForward(true);
                    if (index == null) {
                        r.consistentRead(true);
                    } else {
                        r.indexName(index);
                    }
                })
                .items()
                .forEach(items::add);
        return items;
    }

    /**
     * Writes the item if the stored one is at {@code expectedVersion} ({@code 0}: if there is none);
     * 409 {@code CONFLICT} otherwise. The item carries its new version.
     */
    public void put(TableDefinition table, Map<String, AttributeValue> item, long expectedVersion) {
        try {
            dynamoDb.putItem(r -> withVersion(r.tableName(tables.of(table)).item(item), table, expectedVersion));
        } catch (ConditionalCheckFailedException e) {
            throw CollectionErrors.conflict();
        }
    }

    /** Deletes the item if it is at {@code expectedVersion}; 409 {@code CONFLICT} otherwise. */
    public void delete(TableDefinition table, Map<String, AttributeValue> key, long expectedVersion) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tables.of(table))
                    .key(key)
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", StoredItem.VERSION))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))));
        } catch (ConditionalCheckFailedException e) {
            throw CollectionErrors.conflict();
        }
    }

    /** An unconditional put for {@link #transact}. */
    public TransactWriteItem putWrite(TableDefinition table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(tables.of(table)).item(item))
                .build();
    }

    /** A put for {@link #transact} of a new item: fails the transaction if the key is taken. */
    public TransactWriteItem createWrite(TableDefinition table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(tables.of(table))
                        .item(item)
                        .conditionExpression("attribute_not_exists(#k)")
                        .expressionAttributeNames(
                                Map.of("#k", table.partitionKey().name())))
                .build();
    }

    /** A delete for {@link #transact}: fails the transaction if the item is not there. */
    public TransactWriteItem deleteWrite(TableDefinition table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder()
                .delete(d -> d.tableName(tables.of(table))
                        .key(key)
                        .conditionExpression("attribute_exists(#k)")
                        .expressionAttributeNames(
                                Map.of("#k", table.partitionKey().name())))
                .build();
    }

    /**
     * A put for {@link #transact} of a versioned item (e.g. the parent whose children the
     * transaction changes): fails the transaction unless the stored one is at {@code
     * expectedVersion}.
     */
    public TransactWriteItem versionedWrite(
            TableDefinition table, Map<String, AttributeValue> item, long expectedVersion) {
        return TransactWriteItem.builder()
                .put(p -> {
                    p.tableName(tables.of(table)).item(item);
                    p.conditionExpression("#v = :v")
                            .expressionAttributeNames(Map.of("#v", StoredItem.VERSION))
                            .expressionAttributeValues(
                                    Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))));
                })
                .build();
    }

    /**
     * Runs the writes as one transaction: all or nothing. A failed condition (something changed
     * since it was read) is 409 {@code CONFLICT}.
     */
    public void transact(List<TransactWriteItem> writes) {
        try {
            Transactions.write(dynamoDb, writes);
        } catch (TransactionCanceledException e) {
            throw CollectionErrors.conflict();
        }
    }

    private static PutItemRequest.Builder withVersion(
            PutItemRequest.Builder request, TableDefinition table, long expectedVersion) {
        if (expectedVersion == 0) {
            return request.conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", table.partitionKey().name()));
        }
        return request.conditionExpression("#v = :v")
                .expressionAttributeNames(Map.of("#v", StoredItem.VERSION))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))));
    }
}
