package dev.cairn.api.storage;

import dev.cairn.api.data.TableNames;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.limits.UserLimits;
import dev.cairn.contract.Tables;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What each user keeps in the media bucket, counted exactly: one row per user in the images table
 * ({@code userId}, {@code imageId = "#usage"}, which sorts before every image id) with the bytes
 * and the number of uploads kept (images, files, receipts). Every upload reserves its bytes and one
 * file with a conditional update that holds only while both stay within {@link UserLimits}, so
 * concurrent uploads can never pass the limits together; deleting the upload gives them back.
 *
 * <p>A user whose row is missing (whose uploads were all made before they were counted, or who
 * never uploaded) is counted once from what they keep, before anything is reserved: their image
 * records' bytes (the same figure a reservation counts) and the objects under their {@code
 * private/} prefix (files and receipts). The count is written only if the row is still missing, so
 * two requests counting at once write one count. An upload never completed is in the bucket and
 * counts as kept. After that the row is read and written by its key, and nothing scans.
 */
@Singleton
public class StorageUsage {
    static final String USAGE_ROW = "#usage";
    static final String BYTES = "storedBytes";
    static final String FILES = "files";
    private static final Map<String, String> NAMES = Map.of("#bytes", BYTES, "#files", FILES);
    private static final String RESERVE = "ADD #bytes :bytes, #files :files";
    /** Holds only on a row that exists: a missing row is counted first ({@link #counted}). */
    private static final String WITHIN_LIMITS =
            "#bytes <= :room AND (attribute_not_exists(#files) OR #files < :maxFiles)";

    private static final String NOT_BELOW_ZERO = "#bytes >= :size AND #files >= :one";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final UserLimits limits;
    private final MediaObjects objects;

    StorageUsage(DynamoDbClient dynamoDb, TableNames tables, UserLimits limits, MediaObjects objects) {
        this.dynamoDb = dynamoDb;
        this.table = tables.of(Tables.IMAGES);
        this.limits = limits;
        this.objects = objects;
    }

    /**
     * Refuses early (before an upload URL is handed out) what cannot fit now: 413 {@code
     * PAYLOAD_TOO_LARGE} for the bytes, 429 {@code RATE_LIMITED} for the number of files. Only an
     * early answer: {@link #reserve} decides.
     */
    public void check(String userId, long bytes) {
        Map<String, AttributeValue> row = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(userId)).consistentRead(true))
                .item();
        if (row == null || row.isEmpty()) {
            row = counted(userId, null);
        }
        ApiException refusal = refusal(row, bytes);
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * Counts one more upload of {@code bytes}, the object at {@code objectKey}, or throws (413 or
     * 429, as {@link #check}) and counts nothing if that would pass a limit. The object is already
     * in the bucket: if the user's row is missing, it is left out of their first count, and then
     * reserved like any other.
     */
    public void reserve(String userId, long bytes, String objectKey) {
        if (bytes > limits.storedBytes()) {
            throw refusal(null, bytes);
        }
        try {
            reserveOnExistingRow(userId, bytes);
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) {
                throw refused(e.item(), bytes);
            }
            counted(userId, objectKey);
            try {
                reserveOnExistingRow(userId, bytes);
            } catch (ConditionalCheckFailedException again) {
                throw refused(again.item(), bytes);
            }
        }
    }

    private void reserveOnExistingRow(String userId, long bytes) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(key(userId))
                .updateExpression(RESERVE)
                .conditionExpression(WITHIN_LIMITS)
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(reserveValues(bytes))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    /**
     * The user's row, counted from what they keep if it is missing, and written unless another
     * request wrote it first (then that row is the answer). {@code leaveOut} is an object of theirs
     * that is not to count (the upload about to be reserved), or null.
     */
    public Map<String, AttributeValue> counted(String userId, @Nullable String leaveOut) {
        long bytes = 0;
        long files = 0;
        for (Map<String, AttributeValue> image : dynamoDb.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("userId = :user AND imageId >= :floor")
                        .expressionAttributeValues(
                                Map.of(":user", AttributeValue.fromS(userId), ":floor", AttributeValue.fromS("0")))
                        .projectionExpression("#bytes")
                        .expressionAttributeNames(Map.of("#bytes", "bytes"))
                        .consistentRead(true))
                .items()) {
            bytes += value(image, "bytes");
            files++;
        }
        for (Map.Entry<String, Long> stored :
                objects.sizes("private/" + userId + "/").entrySet()) {
            if (!stored.getKey().equals(leaveOut)) {
                bytes += stored.getValue();
                files++;
            }
        }
        Map<String, AttributeValue> row = new HashMap<>(key(userId));
        row.put(BYTES, number(bytes));
        row.put(FILES, number(files));
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(row)
                    .conditionExpression("attribute_not_exists(imageId)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return row;
        } catch (ConditionalCheckFailedException e) {
            return e.hasItem() ? e.item() : row;
        }
    }

    /** Gives back what an upload of {@code bytes} reserved; never below zero. */
    public void release(String userId, long bytes) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(userId))
                    .updateExpression(RESERVE)
                    .conditionExpression(NOT_BELOW_ZERO)
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(releaseValues(bytes)));
        } catch (ConditionalCheckFailedException e) {
            // Kept before uploads were counted: there is nothing of it to give back.
        }
    }

    /**
     * {@link #reserve} as a write of a transaction (with the upload's record). Its condition fails
     * on a missing row, with no row returned: then {@link #counted} and try again.
     */
    public TransactWriteItem reservation(String userId, long bytes) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(key(userId))
                        .updateExpression(RESERVE)
                        .conditionExpression(WITHIN_LIMITS)
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(reserveValues(bytes))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build();
    }

    /** {@link #release} as a write of a transaction; its condition fails below zero. */
    public TransactWriteItem releasing(String userId, long bytes) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(key(userId))
                        .updateExpression(RESERVE)
                        .conditionExpression(NOT_BELOW_ZERO)
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(releaseValues(bytes)))
                .build();
    }

    /** The refusal for a reservation of {@code bytes} whose condition failed on {@code row}. */
    public ApiException refused(Map<String, AttributeValue> row, long bytes) {
        ApiException refusal = refusal(row, bytes);
        return refusal != null ? refusal : refusal(Map.of(FILES, number(limits.files())), bytes);
    }

    private Map<String, AttributeValue> reserveValues(long bytes) {
        return Map.of(
                ":bytes", number(bytes),
                ":files", number(1),
                ":room", number(limits.storedBytes() - bytes),
                ":maxFiles", number(limits.files()));
    }

    private static Map<String, AttributeValue> releaseValues(long bytes) {
        return Map.of(":bytes", number(-bytes), ":files", number(-1), ":size", number(bytes), ":one", number(1));
    }

    /** The answer for an upload of {@code bytes} beside what {@code row} counts, or null if it fits. */
    ApiException refusal(Map<String, AttributeValue> row, long bytes) {
        long stored = value(row, BYTES);
        long files = value(row, FILES);
        if (stored + bytes > limits.storedBytes()) {
            return new ApiException(
                    413,
                    ErrorCodes.PAYLOAD_TOO_LARGE,
                    String.format(
                            "This upload of %s would pass your storage limit of %s (%s in use); delete something first",
                            size(bytes), size(limits.storedBytes()), size(stored)));
        }
        if (files >= limits.files()) {
            return new ApiException(
                    429,
                    ErrorCodes.RATE_LIMITED,
                    "You keep " + files + " uploads, the most allowed (" + limits.files() + "); delete one first");
        }
        return null;
    }

    /** Removes the user's row (account deletion). */
    public void erase(String userId) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(key(userId)));
    }

    private static long value(Map<String, AttributeValue> row, String attribute) {
        AttributeValue value = row == null ? null : row.get(attribute);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024
                ? String.format("%.1f MB", bytes / (1024.0 * 1024))
                : String.format("%.1f KB", bytes / 1024.0);
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of("userId", AttributeValue.fromS(userId), "imageId", AttributeValue.fromS(USAGE_ROW));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
