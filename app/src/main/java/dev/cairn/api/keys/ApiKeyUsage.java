package dev.cairn.api.keys;

import dev.cairn.api.auth.ApiKeyAuthenticator.ApiKeyGrant;
import dev.cairn.api.blueprint.Feature;
import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.data.TableNames;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The api-keys table as authentication reads it: a key's item by its hash (the {@code
 * keyHash-index}), and the key's request counter for the day, counted up atomically and only while
 * it is under the quota.
 */
@Singleton
@ServedBy(Feature.API_KEYS)
class ApiKeyUsage {
    static final String USAGE_PREFIX = "#usage#";
    /** Counters outlive their day by a day, then DynamoDB's TTL removes them. */
    private static final long COUNTER_LIFETIME_DAYS = 2;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    ApiKeyUsage(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.table = tables.of(ApiKeys.TABLE);
        this.clock = Clock.systemUTC();
    }

    Optional<ApiKeyGrant> findByHash(String keyHash) {
        List<Map<String, AttributeValue>> items = dynamoDb.query(r -> r.tableName(table)
                        .indexName(ApiKeys.HASH_INDEX)
                        .keyConditionExpression("#hash = :hash")
                        .expressionAttributeNames(Map.of("#hash", ApiKeys.KEY_HASH))
                        .expressionAttributeValues(Map.of(":hash", AttributeValue.fromS(keyHash)))
                        .limit(2))
                .items();
        if (items.size() != 1) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = items.getFirst();
        return Optional.of(new ApiKeyGrant(
                item.get(ApiKeys.TABLE.partitionKey()).s(),
                item.get(ApiKeys.TABLE.sortKey()).s(),
                ApiKeyDetails.WRITE.equals(item.get("scope").s()),
                Long.parseLong(item.get("dailyQuota").n())));
    }

    /** Adds one to today's counter unless it has reached the quota; false if it has. */
    boolean countRequest(ApiKeyGrant grant) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long expiresAt = today.plusDays(COUNTER_LIFETIME_DAYS)
                .atStartOfDay(ZoneOffset.UTC)
                .toEpochSecond();
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(Map.of(
                            ApiKeys.TABLE.partitionKey(), AttributeValue.fromS(grant.userId()),
                            ApiKeys.TABLE.sortKey(), AttributeValue.fromS(USAGE_PREFIX + grant.keyId() + "#" + today)))
                    .updateExpression("ADD #count :one SET #expiresAt = :expiresAt")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :quota")
                    .expressionAttributeNames(Map.of("#count", "count", "#expiresAt", ApiKeys.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":quota", AttributeValue.fromN(Long.toString(grant.dailyQuota())),
                            ":expiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
