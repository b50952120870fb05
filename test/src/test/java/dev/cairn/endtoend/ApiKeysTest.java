package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.TableNames;
import dev.cairn.contract.Tables;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Seed 004's API keys: shown once, stored hashed, scoped, counted per day, limited per user, expiring, revocable. */
@StackBlueprint("personal-site")
class ApiKeysTest extends EndToEnd {

    @Test
    void aKeyIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");

        Reply created = api.post("/api/keys", Map.of("name", "Blog build"), ada.accessToken());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String key = created.text("key");
        String id = created.text("id");
        assertThat(key).matches("cairn_[A-Za-z0-9_-]{43}");
        assertThat(created.data())
                .containsEntry("keyId", id)
                .containsEntry("name", "Blog build")
                .containsEntry("scope", "read")
                .containsEntry("dailyQuota", 1000)
                .containsEntry("prefix", key.substring(0, 12))
                .doesNotContainKeys("keyHash", "lastUsedAt");
        Instant expiresAt = Instant.parse(created.text("expiresAt"));
        assertThat(expiresAt)
                .isBetween(
                        Instant.now().plus(Duration.ofDays(364)), Instant.now().plus(Duration.ofDays(365)));
        Reply listed = api.get("/api/keys", ada.accessToken());
        assertThat(listed.body().toString()).doesNotContain(key).doesNotContain("keyHash");
        assertThat(pages(ada, "/api/keys", 20)).containsExactly(id);
        assertThat(api.get("/api/keys/" + id, ada.accessToken()).data())
                .containsEntry("prefix", key.substring(0, 12))
                .doesNotContainKeys("key", "keyHash");

        List<Map<String, AttributeValue>> stored = keys(ada);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().toString()).doesNotContain(key.substring(12));
        assertThat(stored.getFirst().get("keyHash").s()).matches("[0-9a-f]{64}");

        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("name", "x", "scope", "admin"),
                Map.<String, Object>of("name", "x", "dailyQuota", 0),
                Map.<String, Object>of("name", "x", "dailyQuota", 100_001),
                Map.<String, Object>of("scope", "read"),
                Map.<String, Object>of("name", "x", "expiresAt", "2020-01-01T00:00:00Z"),
                Map.<String, Object>of(
                        "name",
                        "x",
                        "expiresAt",
                        Instant.now().plus(Duration.ofDays(400)).toString()),
                Map.<String, Object>of("name", "x", "expiresAt", "next year"))) {
            assertThat(api.post("/api/keys", bad, ada.accessToken()).errorCode())
                    .as(bad.toString())
                    .isEqualTo("API_KEY_VALIDATION_ERROR");
        }
    }

    @Test
    void aReadKeyReadsAndAWriteKeyWritesAsItsOwner() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        String note = createNote(ada, "Ada's");
        createNote(bob, "Bob's");
        String reader = createKey(ada, Map.of("name", "reader"));
        String writer = createKey(ada, Map.of("name", "writer", "scope", "write"));

        assertThat(pages(ada, "/api/notes", 20)).containsExactly(note);
        Reply read = withKey("GET", "/api/notes", null, reader);
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.body().toString()).contains(note).doesNotContain("Bob's");
        assertThat(withKey("GET", "/api/notes/" + note, null, reader).status()).isEqualTo(200);

        Reply refused = withKey("POST", "/api/notes", PersonalSiteTest.note("Nope", false, List.of()), reader);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("AUTH_FORBIDDEN");
        assertThat(withKey("DELETE", "/api/notes/" + note, null, reader).errorCode())
                .isEqualTo("AUTH_FORBIDDEN");

        Reply written = withKey("POST", "/api/notes", PersonalSiteTest.note("By key", false, List.of()), writer);
        assertThat(written.status()).as(written.body().toString()).isEqualTo(201);
        assertThat(api.get("/api/notes/" + written.text("id"), ada.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/notes/" + written.text("id"), bob.accessToken())
                        .errorCode())
                .isEqualTo("NOTE_NOT_FOUND");

        // No key manages keys, the account or sign-in, whatever its scope.
        for (String key : List.of(reader, writer)) {
            assertThat(withKey("GET", "/api/keys", null, key).errorCode()).isEqualTo("AUTH_FORBIDDEN");
            assertThat(withKey("POST", "/api/keys", Map.of("name", "more"), key).errorCode())
                    .isEqualTo("AUTH_FORBIDDEN");
            assertThat(withKey("GET", "/api/user/export", null, key).errorCode())
                    .isEqualTo("AUTH_FORBIDDEN");
            assertThat(withKey("GET", "/api/auth/profile", null, key).errorCode())
                    .isEqualTo("AUTH_FORBIDDEN");
            assertThat(withKey("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), key)
                            .errorCode())
                    .isEqualTo("AUTH_FORBIDDEN");
            // Nor anything outside the blueprint's API-key routes, the ones the gateway opens to keys.
            Reply admin = withKey("POST", "/api/admin/users/" + ada.userId() + "/disable", null, key);
            assertThat(admin.errorCode()).isEqualTo("AUTH_FORBIDDEN");
            assertThat(admin.body().toString()).contains("API keys reach only");
        }
        assertThat(pages(ada, "/api/keys", 20)).hasSize(2);
    }

    @Test
    void aKeyPastItsDailyQuotaIsRateLimitedAndARevokedKeyIsRefused() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply created = api.post("/api/keys", Map.of("name", "tiny", "dailyQuota", 3), ada.accessToken());
        String key = created.text("key");
        String other = createKey(ada, Map.of("name", "other"));

        for (int i = 0; i < 3; i++) {
            assertThat(withKey("GET", "/api/notes", null, key).status()).isEqualTo(200);
        }
        Reply limited = withKey("GET", "/api/notes", null, key);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(limited.body()).containsEntry("success", false);
        long retryAfter =
                Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 86_400L);
        assertThat(withKey("GET", "/api/notes", null, other).status()).isEqualTo(200);
        assertThat(api.get("/api/notes", ada.accessToken()).status()).isEqualTo(200);
        // Usage counters live beside the keys but never show as keys.
        assertThat(pages(ada, "/api/keys", 20)).hasSize(2);

        assertThat(api.delete("/api/keys/" + created.text("id"), ada.accessToken())
                        .status())
                .isEqualTo(204);
        Reply revoked = withKey("GET", "/api/notes", null, key);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
        assertThat(withKey("GET", "/api/notes", null, "cairn_" + "A".repeat(43)).errorCode())
                .isEqualTo("AUTH_UNAUTHORIZED");
        assertThat(withKey("GET", "/api/notes", null, "not-a-key").errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
        assertThat(withKey("GET", "/api/notes", null, other).status()).isEqualTo(200);
    }

    @Test
    void theTwentyFirstKeyIsRefusedAndTheCountStaysExactUnderConcurrency() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Reply created = api.post("/api/keys", Map.of("name", "key " + i), ada.accessToken());
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            ids.add(created.text("id"));
        }

        Reply refused = api.post("/api/keys", Map.of("name", "key 21"), ada.accessToken());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(refused.error().get("message")).asString().contains("20 API keys");
        assertThat(keys(ada)).hasSize(20);
        assertThat(pages(ada, "/api/keys?limit=100", 100)).hasSize(20);

        // Five places free, ten asking at once: exactly five get one.
        for (String id : ids.subList(0, 5)) {
            assertThat(api.delete("/api/keys/" + id, ada.accessToken()).status())
                    .isEqualTo(204);
        }
        List<CompletableFuture<Reply>> racing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "racer " + i;
            racing.add(CompletableFuture.supplyAsync(
                    () -> api.post("/api/keys", Map.of("name", name), ada.accessToken())));
        }
        List<Integer> statuses =
                racing.stream().map(CompletableFuture::join).map(Reply::status).toList();
        assertThat(statuses.stream().filter(s -> s == 201).count())
                .as(statuses.toString())
                .isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count())
                .as(statuses.toString())
                .isEqualTo(5);
        assertThat(keys(ada)).hasSize(20);
        // Another user's keys are counted apart.
        Account bob = Accounts.signedIn(stack, api, "Bob");
        assertThat(api.post("/api/keys", Map.of("name", "bob's"), bob.accessToken())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anExpiredKeyIsRefusedAndUseIsRecordedAtMostHourly() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String soon = Instant.now().plus(Duration.ofDays(30)).toString();
        Reply created = api.post("/api/keys", Map.of("name", "short-lived", "expiresAt", soon), ada.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        String key = created.text("key");
        assertThat(Instant.parse(created.text("expiresAt")))
                .isEqualTo(Instant.parse(soon).truncatedTo(ChronoUnit.SECONDS));

        assertThat(withKey("GET", "/api/notes", null, key).status()).isEqualTo(200);
        String firstUse =
                (String) api.get("/api/keys/" + id, ada.accessToken()).data().get("lastUsedAt");
        assertThat(Instant.parse(firstUse)).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(withKey("GET", "/api/notes", null, key).status()).isEqualTo(200);
        // Within the hour, a use writes nothing to the key.
        assertThat(stored(ada, id).get("lastUsedAt").s()).isEqualTo(firstUse);
        assertThat(pages(ada, "/api/keys", 20)).containsExactly(id);
        assertThat(api.get("/api/keys", ada.accessToken()).body().toString())
                .contains("lastUsedAt=" + firstUse)
                .contains("expiresAt=" + created.text("expiresAt"));

        String twoHoursAgo = Instant.now()
                .minus(Duration.ofHours(2))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        setAttribute(ada, id, "lastUsedAt", twoHoursAgo);
        assertThat(withKey("GET", "/api/notes", null, key).status()).isEqualTo(200);
        assertThat(stored(ada, id).get("lastUsedAt").s()).isGreaterThan(twoHoursAgo);

        setAttribute(
                ada,
                id,
                "expiresAt",
                Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString());
        Reply expired = withKey("GET", "/api/notes", null, key);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
        assertThat(expired.error().get("message"))
                .isEqualTo(withKey("GET", "/api/notes", null, "cairn_" + "B".repeat(43))
                        .error()
                        .get("message"));
        // Still listed, with its expiry, until revoked.
        assertThat(pages(ada, "/api/keys", 20)).containsExactly(id);
    }

    @Test
    void usersNeverSeeOrRevokeEachOthersKeys() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account bob = Accounts.signedIn(stack, api, "Bob");
        Reply created = api.post("/api/keys", Map.of("name", "ada's"), ada.accessToken());
        String id = created.text("id");

        assertThat(pages(bob, "/api/keys", 20)).isEmpty();
        assertThat(api.get("/api/keys/" + id, bob.accessToken()).errorCode()).isEqualTo("API_KEY_NOT_FOUND");
        assertThat(api.delete("/api/keys/" + id, bob.accessToken()).errorCode()).isEqualTo("API_KEY_NOT_FOUND");
        assertThat(withKey("GET", "/api/notes", null, created.text("key")).status())
                .isEqualTo(200);
    }

    @Test
    void aDeletedUsersKeysStopWorking() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        String writer = createKey(ada, Map.of("name", "writer", "scope", "write"));
        assertThat(withKey("GET", "/api/notes", null, writer).status()).isEqualTo(200);

        assertThat(api.send("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), ada.accessToken())
                        .status())
                .isEqualTo(200);

        for (Reply refused : List.of(
                withKey("GET", "/api/notes", null, writer),
                withKey("POST", "/api/notes", PersonalSiteTest.note("After", false, List.of()), writer))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
        }
    }

    private static Reply withKey(String method, String path, Object body, String key) {
        return api.send(method, path, body, null, Map.of("X-Api-Key", key));
    }

    private static String createKey(Account user, Map<String, Object> body) {
        Reply created = api.post("/api/keys", body, user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("key");
    }

    private static String createNote(Account user, String title) {
        Reply created = api.post("/api/notes", PersonalSiteTest.note(title, false, List.of()), user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    /** The user's key items, without the server's rows (usage counters, the key count). */
    private static List<Map<String, AttributeValue>> keys(Account user) {
        return partition(user).stream()
                .filter(item -> !item.get("keyId").s().startsWith("#"))
                .toList();
    }

    private static Map<String, AttributeValue> stored(Account user, String id) {
        return partition(user).stream()
                .filter(item -> item.get("keyId").s().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static void setAttribute(Account user, String id, String attribute, String value) {
        DynamoDbClient dynamoDb = stack.app().getBean(DynamoDbClient.class);
        String table = stack.app().getBean(TableNames.class).of(Tables.API_KEYS);
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(Map.of("userId", AttributeValue.fromS(user.userId()), "keyId", AttributeValue.fromS(id)))
                .updateExpression("SET #a = :v")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))));
    }

    private static List<Map<String, AttributeValue>> partition(Account user) {
        DynamoDbClient dynamoDb = stack.app().getBean(DynamoDbClient.class);
        String table = stack.app().getBean(TableNames.class).of(Tables.API_KEYS);
        return dynamoDb.query(r -> r.tableName(table)
                        .keyConditionExpression("userId = :u")
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user.userId()))))
                .items();
    }
}
