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

    private final DynamoDbClient dynamoDb;
    private final String table;

    UserProfiles(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.table = tables.of(TABLE);
    }

    public Optional<UserProfile> find(String userId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(userId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
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
     * writes nothing) if another write came first.
     */
    public boolean replace(UserProfile profile, long expectedVersion) {
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(toItem(profile))
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(
                            Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
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
