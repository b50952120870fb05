package dev.cairn.api.keys;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.data.TableNames;
import dev.cairn.api.identity.ApiKeyAuthenticator.ApiKeyGrant;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Tables;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
    /** How fresh {@code lastUsedAt} is kept: to the hour, not to the request. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofHours(1);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    ApiKeyUsage(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.table = tables.of(Tables.API_KEYS);
        this.clock = Clock.systemUTC();
    }

    /** The key with this hash, or empty if there is none. */
    Optional<StoredKey> findByHash(String keyHash) {
        List<Map<String, AttributeValue>> items = dynamoDb.query(r -> r.tableName(table)
                        .indexName(Tables.API_KEY_HASH_INDEX)
                        .keyConditionExpression("#hash = :hash")
                        .expressionAttributeNames(Map.of("#hash", ApiKeys.KEY_HASH))
                        .expressionAttributeValues(Map.of(":hash", AttributeValue.fromS(keyHash)))
                        .limit(2))
                .items();
        if (items.size() != 1) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = items.getFirst();
        ApiKeyGrant grant = new ApiKeyGrant(
                item.get(Tables.API_KEYS.partitionKey().name()).s(),
                item.get(Tables.API_KEYS.sortKey().name()).s(),
                ApiKeyDetails.WRITE.equals(item.get("scope").s()),
                Long.parseLong(item.get("dailyQuota").n()));
        return Optional.of(new StoredKey(grant, expiresAt(item), instant(item, ApiKeys.LAST_USED_AT)));
    }

    /**
     * Records that the key was used at {@code now}, unless it was within the last hour: one write
     * a key an hour at most, instead of one a request. Conditional on the key still existing (a
     * revoked key is never written back) and on the stored time still being old, so requests racing
     * past a stale index read write once.
     */
    void markUsed(StoredKey key, Instant now) {
        Instant due = now.minus(LAST_USED_GRANULARITY);
        if (key.lastUsedAt() != null && key.lastUsedAt().isAfter(due)) {
            return;
        }
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(Map.of(
                            Tables.API_KEYS.partitionKey().name(),
                                    AttributeValue.fromS(key.grant().userId()),
                            Tables.API_KEYS.sortKey().name(),
                                    AttributeValue.fromS(key.grant().keyId())))
                    .updateExpression("SET #lastUsedAt = :now")
                    .conditionExpression(
                            "attribute_exists(#keyId) AND (attribute_not_exists(#lastUsedAt) OR #lastUsedAt < :due)")
                    .expressionAttributeNames(Map.of(
                            "#lastUsedAt",
                            ApiKeys.LAST_USED_AT,
                            "#keyId",
                            Tables.API_KEYS.sortKey().name()))
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromS(seconds(now)),
                            ":due", AttributeValue.fromS(seconds(due)))));
        } catch (ConditionalCheckFailedException e) {
            // Marked meanwhile, or revoked: nothing to record.
        }
    }

    /** A key as authentication reads it: its grant, when it expires and when it was last used. */
    record StoredKey(
            ApiKeyGrant grant, Instant expiresAt, @Nullable Instant lastUsedAt) {}

    /** The stored expiry; a key made before keys expired runs out 365 days after its creation. */
    private static Instant expiresAt(Map<String, AttributeValue> item) {
        Instant expiresAt = instant(item, "expiresAt");
        if (expiresAt != null) {
            return expiresAt;
        }
        Instant created = instant(item, "createdAt");
        return created == null ? Instant.EPOCH : created.plus(ApiKeyDetails.DEFAULT_LIFETIME);
    }

    @Nullable
    private static Instant instant(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.s() == null
                ? null
                : ApiKeyDetails.parseInstant(value.s()).orElse(null);
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
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
                            Tables.API_KEYS.partitionKey().name(), AttributeValue.fromS(grant.userId()),
                            Tables.API_KEYS.sortKey().name(),
                                    AttributeValue.fromS(USAGE_PREFIX + grant.keyId() + "#" + today)))
                    .updateExpression("ADD #count :one SET #expiresAt = :expiresAt")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :quota")
                    .expressionAttributeNames(Map.of("#count", "count", "#expiresAt", Tables.API_KEYS.timeToLive()))
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
