package dev.cairn.api.user;

import dev.cairn.api.data.TableDefinition;
import dev.cairn.api.data.TableNames;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The Users table (partition key {@code userId}, the Cognito {@code sub}): one item a user.
 * Items are mapped by hand, attribute by attribute: no reflection on the request path, and the
 * stored shape is visible here.
 */
@Singleton
public class UserProfiles {
    public static final TableDefinition TABLE = new TableDefinition("users", "userId", null, List.of());

    /** Epoch second from which the user's access tokens count (their {@code iat} at or after it). */
    static final String TOKENS_VALID_AFTER = "tokensValidAfter";

    /** Set on the item that stands in for the profile while the account is being deleted. */
    static final String DELETED_AT = "deletedAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    UserProfiles(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.table = tables.of(TABLE);
    }

    /** The profile; empty if there is none, or only the mark of an account being deleted. */
    public Optional<UserProfile> find(String userId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(userId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() || item.containsKey(DELETED_AT)
                ? Optional.empty()
                : Optional.of(fromItem(item));
    }

    /**
     * Replaces the profile, or the absence of one, with the mark of an account being deleted: the
     * user id and when. No token of the user counts while it is there, and no profile can be
     * created over it (a sign-in during the deletion does not bring the account back).
     */
    public void markDeleted(String userId) {
        dynamoDb.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "userId",
                        AttributeValue.fromS(userId),
                        DELETED_AT,
                        AttributeValue.fromS(Instant.now().toString()))));
    }

    /** A confirmed user's first profile, unless they have one already. */
    public void createFirst(String userId, @Nullable String email, @Nullable String name) {
        String now = Instant.now().toString();
        createIfAbsent(new UserProfile(userId, email, name, Map.of(), now, now, 1));
    }

    /** Stores a first profile; returns false (and writes nothing) if the user has one already. */
    public boolean createIfAbsent(UserProfile profile) {
        try {
            dynamoDb.putItem(
                    r -> r.tableName(table).item(toItem(profile)).conditionExpression("attribute_not_exists(userId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Replaces the profile if the stored one still has {@code expectedVersion}; returns false (and
     * writes nothing) if another write came first. The item's other attributes (the revocation
     * instant) stay as they are.
     */
    public boolean replace(UserProfile profile, long expectedVersion) {
        Map<String, AttributeValue> item = toItem(profile);
        item.remove("userId");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            names.put("#a" + i, attribute.getKey());
            values.put(":a" + i, attribute.getValue());
            set.append(set.isEmpty() ? "SET " : ", ")
                    .append("#a")
                    .append(i)
                    .append(" = :a")
                    .append(i);
            i++;
        }
        StringBuilder remove = new StringBuilder();
        for (String optional : List.of("email", "name")) {
            if (!item.containsKey(optional)) {
                names.put("#a" + i, optional);
                remove.append(remove.isEmpty() ? " REMOVE " : ", ").append("#a").append(i);
                i++;
            }
        }
        names.put("#version", "version");
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(profile.userId()))
                    .updateExpression(set.toString() + remove)
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * When the user's tokens start to count ({@link Instant#EPOCH} if never revoked), or empty if
     * the user has no profile. Read consistently, and only the two attributes it needs.
     */
    public Optional<Instant> tokensValidAfter(String userId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                        .key(key(userId))
                        .consistentRead(true)
                        .projectionExpression("userId, " + TOKENS_VALID_AFTER + ", " + DELETED_AT))
                .item();
        if (item == null || item.isEmpty() || item.containsKey(DELETED_AT)) {
            return Optional.empty();
        }
        AttributeValue validAfter = item.get(TOKENS_VALID_AFTER);
        return Optional.of(validAfter == null ? Instant.EPOCH : Instant.ofEpochSecond(Long.parseLong(validAfter.n())));
    }

    /** Moves the user's revocation instant forward to {@code instant}; never back, and never onto a missing profile. */
    public void revokeTokensIssuedBefore(String userId, Instant instant) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(userId))
                    .updateExpression("SET #validAfter = :instant")
                    .conditionExpression("attribute_exists(userId) AND attribute_not_exists(#deletedAt)"
                            + " AND (attribute_not_exists(#validAfter) OR #validAfter < :instant)")
                    .expressionAttributeNames(Map.of("#validAfter", TOKENS_VALID_AFTER, "#deletedAt", DELETED_AT))
                    .expressionAttributeValues(
                            Map.of(":instant", AttributeValue.fromN(Long.toString(instant.getEpochSecond())))));
        } catch (ConditionalCheckFailedException e) {
            // No profile (no access anyway), or a later instant is stored already.
        }
    }

    public void delete(String userId) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(key(userId)));
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of("userId", AttributeValue.fromS(userId));
    }

    static Map<String, AttributeValue> toItem(UserProfile profile) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", AttributeValue.fromS(profile.userId()));
        if (profile.email() != null) {
            item.put("email", AttributeValue.fromS(profile.email()));
        }
        if (profile.name() != null) {
            item.put("name", AttributeValue.fromS(profile.name()));
        }
        Map<String, AttributeValue> preferences = new LinkedHashMap<>();
        profile.preferences().forEach((k, v) -> preferences.put(k, toValue(v)));
        item.put("preferences", AttributeValue.fromM(preferences));
        item.put("createdAt", AttributeValue.fromS(profile.createdAt()));
        item.put("updatedAt", AttributeValue.fromS(profile.updatedAt()));
        item.put("version", AttributeValue.fromN(Long.toString(profile.version())));
        return item;
    }

    static UserProfile fromItem(Map<String, AttributeValue> item) {
        Map<String, Object> preferences = new LinkedHashMap<>();
        AttributeValue stored = item.get("preferences");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((k, v) -> preferences.put(k, fromValue(v)));
        }
        return new UserProfile(
                item.get("userId").s(),
                text(item, "email"),
                text(item, "name"),
                preferences,
                text(item, "createdAt"),
                text(item, "updatedAt"),
                item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** Preferences hold strings, numbers and booleans only (the API validates that). */
    private static AttributeValue toValue(Object value) {
        return switch (value) {
            case Boolean b -> AttributeValue.fromBool(b);
            case Number n -> AttributeValue.fromN(new BigDecimal(n.toString()).toPlainString());
            default -> AttributeValue.fromS(value.toString());
        };
    }

    private static Object fromValue(AttributeValue value) {
        if (value.bool() != null) {
            return value.bool();
        }
        if (value.n() != null) {
            BigDecimal number = new BigDecimal(value.n());
            return number.scale() <= 0 ? (Object) number.longValueExact() : number;
        }
        return value.s();
    }
}
