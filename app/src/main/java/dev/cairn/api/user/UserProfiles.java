package dev.cairn.api.user;

import dev.cairn.api.data.TableNames;
import dev.cairn.api.identity.SignInSessions;
import dev.cairn.api.identity.TokenRevocations;
import dev.cairn.contract.Tables;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** Epoch second from which the user's access tokens count (their {@code iat} at or after it). */
    static final String TOKENS_VALID_AFTER = "tokensValidAfter";

    /**
     * The user's sessions (sign-ins), a map by session id ({@code origin_jti}) of {@code createdAt},
     * {@code lastUsedAt}, {@code expiresAt} (epoch milliseconds), {@code userAgent} and {@code country}.
     */
    static final String SESSIONS = "sessions";

    /** The sessions ended one by one: a string set of {@code originJti@refuseUntilEpochSecond}. */
    static final String ENDED_SESSIONS = "endedSessions";

    /** Set on the item that stands in for the profile while the account is being deleted. */
    static final String DELETED_AT = "deletedAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    UserProfiles(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.table = tables.of(Tables.USERS);
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

    /**
     * The instant and the sessions ended one by one whose refusal still runs at {@code now}, read
     * in one consistent GetItem; empty if the user has no profile.
     */
    public Optional<TokenRevocations.Revocations> revocations(String userId, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                        .key(key(userId))
                        .consistentRead(true)
                        .projectionExpression("userId, #validAfter, #deletedAt, #ended")
                        .expressionAttributeNames(Map.of(
                                "#validAfter", TOKENS_VALID_AFTER, "#deletedAt", DELETED_AT, "#ended", ENDED_SESSIONS)))
                .item();
        if (item == null || item.isEmpty() || item.containsKey(DELETED_AT)) {
            return Optional.empty();
        }
        AttributeValue validAfter = item.get(TOKENS_VALID_AFTER);
        Set<String> ended = new HashSet<>();
        for (String entry : endedEntries(item)) {
            EndedSession parsed = EndedSession.parse(entry);
            if (parsed != null && parsed.refuseUntil() > now.getEpochSecond()) {
                ended.add(parsed.sessionId());
            }
        }
        return Optional.of(new TokenRevocations.Revocations(
                validAfter == null ? Instant.EPOCH : Instant.ofEpochSecond(Long.parseLong(validAfter.n())), ended));
    }

    /**
     * Records a sign-in on the profile, and in the same write drops the sessions that expired,
     * ends the least recently used beyond {@code max}, and forgets ended sessions whose refusal
     * ran out. Nothing is written for a user without a profile.
     */
    public void recordSession(String userId, SignInSessions.Session session, Instant now, int max) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                            .key(key(userId))
                            .consistentRead(true)
                            .projectionExpression("userId, #sessions, #ended, #deletedAt")
                            .expressionAttributeNames(
                                    Map.of("#sessions", SESSIONS, "#ended", ENDED_SESSIONS, "#deletedAt", DELETED_AT)))
                    .item();
            if (item == null || item.isEmpty() || item.containsKey(DELETED_AT)) {
                return;
            }
            if (writeSession(userId, session, now, max, item)) {
                return;
            }
        }
    }

    private boolean writeSession(
            String userId, SignInSessions.Session session, Instant now, int max, Map<String, AttributeValue> item) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#sessions", SESSIONS);
        names.put("#deletedAt", DELETED_AT);
        String condition = "attribute_exists(userId) AND attribute_not_exists(#deletedAt)";
        AttributeValue stored = item.get(SESSIONS);
        String set;
        List<String> removes = new ArrayList<>();
        List<String> ending = new ArrayList<>();
        if (stored == null || !stored.hasM()) {
            set = "SET #sessions = :sessions";
            values.put(":sessions", AttributeValue.fromM(Map.of(session.id(), toSessionValue(session))));
            condition += " AND attribute_not_exists(#sessions)";
        } else {
            names.put("#new", session.id());
            set = "SET #sessions.#new = :session";
            values.put(":session", toSessionValue(session));
            condition += " AND attribute_exists(#sessions)";
            List<SignInSessions.Session> live = new ArrayList<>();
            for (Map.Entry<String, AttributeValue> entry : stored.m().entrySet()) {
                SignInSessions.Session kept = fromSessionValue(entry.getKey(), entry.getValue());
                if (entry.getKey().equals(session.id())) {
                    continue;
                }
                if (kept == null || !kept.expiresAt().isAfter(now)) {
                    removes.add(entry.getKey());
                } else {
                    live.add(kept);
                }
            }
            live.sort(Comparator.comparing(SignInSessions.Session::lastUsedAt));
            for (int i = 0; i < live.size() - (max - 1); i++) {
                removes.add(live.get(i).id());
                ending.add(live.get(i).id());
            }
        }
        StringBuilder expression = new StringBuilder(set);
        for (int i = 0; i < removes.size(); i++) {
            names.put("#r" + i, removes.get(i));
            expression.append(i == 0 ? " REMOVE " : ", ").append("#sessions.#r").append(i);
        }
        long refuseUntil = now.plus(SignInSessions.LIFETIME).plusSeconds(3600).getEpochSecond();
        if (!ending.isEmpty()) {
            names.put("#ended", ENDED_SESSIONS);
            values.put(
                    ":ending",
                    AttributeValue.fromSs(
                            ending.stream().map(id -> id + "@" + refuseUntil).toList()));
            expression.append(" ADD #ended :ending");
        } else {
            List<String> over = endedEntries(item).stream()
                    .filter(entry -> {
                        EndedSession parsed = EndedSession.parse(entry);
                        return parsed == null || parsed.refuseUntil() <= now.getEpochSecond();
                    })
                    .toList();
            if (!over.isEmpty()) {
                names.put("#ended", ENDED_SESSIONS);
                values.put(":over", AttributeValue.fromSs(over));
                expression.append(" DELETE #ended :over");
            }
        }
        String conditions = condition;
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(userId))
                    .updateExpression(expression.toString())
                    .conditionExpression(conditions)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            // The map was created or dropped meanwhile, or the profile went: read again.
            return false;
        }
    }

    /** Notes the session's use at {@code at}, unless it was noted after {@code unlessAfter} already. */
    public void touchSession(String userId, String sessionId, Instant at, Instant unlessAfter) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(userId))
                    .updateExpression("SET #sessions.#id.lastUsedAt = :at")
                    .conditionExpression("attribute_exists(#sessions.#id) AND #sessions.#id.lastUsedAt < :unlessAfter")
                    .expressionAttributeNames(Map.of("#sessions", SESSIONS, "#id", sessionId))
                    .expressionAttributeValues(Map.of(
                            ":at",
                            AttributeValue.fromN(Long.toString(at.toEpochMilli())),
                            ":unlessAfter",
                            AttributeValue.fromN(Long.toString(unlessAfter.toEpochMilli())))));
        } catch (ConditionalCheckFailedException e) {
            // Noted recently, or not on record (ended, expired, or older than session records).
        }
    }

    /** The user's sessions that have not expired at {@code now}, read consistently. */
    public List<SignInSessions.Session> sessions(String userId, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                        .key(key(userId))
                        .consistentRead(true)
                        .projectionExpression("#sessions, #deletedAt")
                        .expressionAttributeNames(Map.of("#sessions", SESSIONS, "#deletedAt", DELETED_AT)))
                .item();
        if (item == null
                || item.containsKey(DELETED_AT)
                || !item.containsKey(SESSIONS)
                || !item.get(SESSIONS).hasM()) {
            return List.of();
        }
        List<SignInSessions.Session> live = new ArrayList<>();
        item.get(SESSIONS).m().forEach((id, value) -> {
            SignInSessions.Session session = fromSessionValue(id, value);
            if (session != null && session.expiresAt().isAfter(now)) {
                live.add(session);
            }
        });
        return live;
    }

    /**
     * Refuses the session's tokens until {@code refuseUntil} and drops its record, in one write;
     * returns whether it was on record. Nothing is written for a user without a profile.
     */
    public boolean endSession(String userId, String sessionId, Instant refuseUntil) {
        Map<String, String> names = new HashMap<>(
                Map.of("#sessions", SESSIONS, "#id", sessionId, "#ended", ENDED_SESSIONS, "#deletedAt", DELETED_AT));
        Map<String, AttributeValue> values =
                Map.of(":ending", AttributeValue.fromSs(List.of(sessionId + "@" + refuseUntil.getEpochSecond())));
        String profile = "attribute_exists(userId) AND attribute_not_exists(#deletedAt)";
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(userId))
                    .updateExpression("REMOVE #sessions.#id ADD #ended :ending")
                    .conditionExpression(profile + " AND attribute_exists(#sessions.#id)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            // Not on record (or no profile): refuse its tokens all the same.
        }
        names.remove("#sessions");
        names.remove("#id");
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(userId))
                    .updateExpression("ADD #ended :ending")
                    .conditionExpression(profile)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // No profile: no access anyway.
        }
        return false;
    }

    private static List<String> endedEntries(Map<String, AttributeValue> item) {
        AttributeValue ended = item.get(ENDED_SESSIONS);
        return ended == null || !ended.hasSs() ? List.of() : ended.ss();
    }

    private static AttributeValue toSessionValue(SignInSessions.Session session) {
        Map<String, AttributeValue> value = new HashMap<>();
        value.put(
                "createdAt",
                AttributeValue.fromN(Long.toString(session.createdAt().toEpochMilli())));
        value.put(
                "lastUsedAt",
                AttributeValue.fromN(Long.toString(session.lastUsedAt().toEpochMilli())));
        value.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(session.expiresAt().toEpochMilli())));
        if (session.userAgent() != null) {
            value.put("userAgent", AttributeValue.fromS(session.userAgent()));
        }
        if (session.country() != null) {
            value.put("country", AttributeValue.fromS(session.country()));
        }
        return AttributeValue.fromM(value);
    }

    /** The stored session, or null if the entry is not one (it is then dropped at the next sign-in). */
    private static SignInSessions.@Nullable Session fromSessionValue(String id, AttributeValue value) {
        if (!value.hasM()) {
            return null;
        }
        Map<String, AttributeValue> m = value.m();
        Instant createdAt = epochMillis(m.get("createdAt"));
        Instant lastUsedAt = epochMillis(m.get("lastUsedAt"));
        Instant expiresAt = epochMillis(m.get("expiresAt"));
        if (createdAt == null || lastUsedAt == null || expiresAt == null) {
            return null;
        }
        return new SignInSessions.Session(
                id, createdAt, lastUsedAt, text(m, "userAgent"), text(m, "country"), expiresAt);
    }

    private static @Nullable Instant epochMillis(@Nullable AttributeValue value) {
        return value == null || value.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    /** One entry of the ended sessions' set: {@code originJti@refuseUntilEpochSecond}. */
    private record EndedSession(String sessionId, long refuseUntil) {
        static @Nullable EndedSession parse(String entry) {
            int at = entry.lastIndexOf('@');
            if (at <= 0) {
                return null;
            }
            try {
                return new EndedSession(entry.substring(0, at), Long.parseLong(entry.substring(at + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
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
