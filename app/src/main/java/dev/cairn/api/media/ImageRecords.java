package dev.cairn.api.media;

import dev.cairn.api.data.TableNames;
import dev.cairn.api.data.Transactions;
import dev.cairn.api.storage.ImageFormat;
import dev.cairn.api.storage.StorageUsage;
import dev.cairn.contract.Tables;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The Images table: partition key {@code userId}, sort key {@code imageId} (UUIDv7, so by time). */
@Singleton
public class ImageRecords {
    private final DynamoDbClient dynamoDb;
    private final String table;

    ImageRecords(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.table = tables.of(Tables.IMAGES);
    }

    public Optional<ImageRecord> find(String userId, String imageId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(userId, imageId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * Stores a new record together with the reservation of its bytes ({@link StorageUsage}); false,
     * and nothing written, if the reservation's condition (the owner's limits) failed, with the
     * usage row as it was in {@code usageSeen}.
     */
    boolean create(ImageRecord record, TransactWriteItem reservation, Map<String, AttributeValue> usageSeen) {
        try {
            Transactions.write(
                    dynamoDb,
                    List.of(
                            TransactWriteItem.builder()
                                    .put(p -> p.tableName(table)
                                            .item(toItem(record))
                                            .conditionExpression("attribute_not_exists(imageId)"))
                                    .build(),
                            reservation));
            return true;
        } catch (TransactionCanceledException e) {
            CancellationReason usage = e.cancellationReasons().get(1);
            if ("ConditionalCheckFailed".equals(usage.code())) {
                if (usage.hasItem()) {
                    usageSeen.putAll(usage.item());
                }
                return false;
            }
            throw e;
        }
    }

    /** Replaces the record if it still exists; false if it was deleted meanwhile. */
    public boolean update(ImageRecord record) {
        try {
            dynamoDb.putItem(
                    r -> r.tableName(table).item(toItem(record)).conditionExpression("attribute_exists(imageId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Deletes the record and gives back its bytes ({@code release}) in one transaction, so that two
     * deletions of one image give back once. A record kept from before uploads were counted (the
     * release would go below zero) is deleted alone.
     */
    void delete(ImageRecord record, TransactWriteItem release) {
        TransactWriteItem delete = TransactWriteItem.builder()
                .delete(d -> d.tableName(table)
                        .key(key(record.userId(), record.imageId()))
                        .conditionExpression("attribute_exists(imageId)"))
                .build();
        try {
            Transactions.write(dynamoDb, List.of(delete, release));
        } catch (TransactionCanceledException e) {
            if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(1).code())
                    && !"ConditionalCheckFailed"
                            .equals(e.cancellationReasons().get(0).code())) {
                dynamoDb.deleteItem(r -> r.tableName(table).key(key(record.userId(), record.imageId())));
            } else if (!"ConditionalCheckFailed"
                    .equals(e.cancellationReasons().get(0).code())) {
                throw e;
            }
        }
    }

    /** All of a user's images, oldest first (a Query on the partition, page by page). */
    public List<ImageRecord> all(String userId) {
        List<ImageRecord> records = new ArrayList<>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        // Image ids are UUIDs; the user's usage row ("#usage") sorts before them.
                        .keyConditionExpression("userId = :user AND imageId >= :floor")
                        .expressionAttributeValues(
                                Map.of(":user", AttributeValue.fromS(userId), ":floor", AttributeValue.fromS("0"))))
                .items()
                .forEach(item -> records.add(fromItem(item)));
        return records;
    }

    private static Map<String, AttributeValue> key(String userId, String imageId) {
        return Map.of("userId", AttributeValue.fromS(userId), "imageId", AttributeValue.fromS(imageId));
    }

    static Map<String, AttributeValue> toItem(ImageRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", AttributeValue.fromS(record.userId()));
        item.put("imageId", AttributeValue.fromS(record.imageId()));
        item.put("format", AttributeValue.fromS(record.format().name()));
        item.put("width", AttributeValue.fromN(Integer.toString(record.width())));
        item.put("height", AttributeValue.fromN(Integer.toString(record.height())));
        item.put("bytes", AttributeValue.fromN(Long.toString(record.bytes())));
        item.put("originalKey", AttributeValue.fromS(record.originalKey()));
        item.put("thumbnailKey", AttributeValue.fromS(record.thumbnailKey()));
        item.put(
                "variants",
                AttributeValue.fromL(record.variants().stream()
                        .map(v -> AttributeValue.fromM(Map.of(
                                "width", AttributeValue.fromN(Integer.toString(v.width())),
                                "height", AttributeValue.fromN(Integer.toString(v.height())),
                                "format", AttributeValue.fromS(v.format().name()),
                                "key", AttributeValue.fromS(v.key()))))
                        .toList()));
        item.put("status", AttributeValue.fromS(record.status()));
        item.put("createdAt", AttributeValue.fromS(record.createdAt()));
        item.put("updatedAt", AttributeValue.fromS(record.updatedAt()));
        ImageRecord.Placeholder placeholder = record.placeholder();
        if (placeholder != null) {
            Map<String, AttributeValue> stored = new HashMap<>();
            stored.put("color", AttributeValue.fromS(placeholder.color()));
            if (placeholder.dataUri() != null) {
                stored.put("dataUri", AttributeValue.fromS(placeholder.dataUri()));
            }
            item.put("placeholder", AttributeValue.fromM(stored));
        }
        return item;
    }

    static ImageRecord fromItem(Map<String, AttributeValue> item) {
        int width = Integer.parseInt(item.get("width").n());
        int height = Integer.parseInt(item.get("height").n());
        List<ImageRecord.Variant> variants = item.get("variants").l().stream()
                .map(v -> {
                    int variantWidth = Integer.parseInt(v.m().get("width").n());
                    AttributeValue variantHeight = v.m().get("height");
                    return new ImageRecord.Variant(
                            variantWidth,
                            variantHeight == null
                                    // Stored before heights were: scaled as the original's proportions give.
                                    ? ImageCodec.scaledHeight(width, height, variantWidth)
                                    : Integer.parseInt(variantHeight.n()),
                            ImageFormat.valueOf(v.m().get("format").s()),
                            v.m().get("key").s());
                })
                .toList();
        AttributeValue placeholder = item.get("placeholder");
        return new ImageRecord(
                item.get("userId").s(),
                item.get("imageId").s(),
                ImageFormat.valueOf(item.get("format").s()),
                width,
                height,
                Long.parseLong(item.get("bytes").n()),
                item.get("originalKey").s(),
                item.get("thumbnailKey").s(),
                variants,
                item.get("status").s(),
                item.get("createdAt").s(),
                item.get("updatedAt").s(),
                placeholder == null
                        ? null
                        : new ImageRecord.Placeholder(
                                placeholder.m().get("color").s(),
                                placeholder.m().containsKey("dataUri")
                                        ? placeholder.m().get("dataUri").s()
                                        : null));
    }
}
