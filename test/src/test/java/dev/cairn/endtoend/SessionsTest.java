package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.TableNames;
import dev.cairn.api.identity.SignInSessions;
import dev.cairn.api.user.UserProfiles;
import dev.cairn.contract.Tables;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each sign-in is a session the user can see and end on its own: the list of signed-in devices,
 * ending one of them (its refresh token and every access token of it), and logging out of one
 * device while the others stay signed in.
 */
class SessionsTest extends EndToEnd {
    private static final String PHONE = "CairnPhone/2.0 (Android 15)";
    private static final String LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

    @Test
    void aUserSeesTheirSignInsAndEndsOneWhileTheOtherGoesOn() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply laptop = login(ada, LAPTOP, "PT");
        Reply phone = login(ada, PHONE, "FR");
        Account bob = Accounts.signedIn(stack, api, "Bob");

        List<Map<String, Object>> sessions = sessions(laptop.text("accessToken"));
        assertThat(sessions).hasSize(3);
        assertThat(sessions.get(0).get("userAgent")).isEqualTo(PHONE);
        assertThat(sessions.get(0).get("country")).isEqualTo("FR");
        assertThat(sessions.get(0).get("current")).isEqualTo(false);
        assertThat(sessions.get(0)).containsKeys("id", "createdAt", "lastUsedAt");
        assertThat(sessions.get(1).get("userAgent")).isEqualTo(LAPTOP);
        assertThat(sessions.get(1).get("current")).isEqualTo(true);
        assertThat(sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))))
                .hasSize(1);
        String phoneId = (String) sessions.get(0).get("id");

        Reply unknown = api.delete("/api/auth/sessions/" + phoneId, bob.accessToken());
        assertThat(unknown.status()).as("another user's session").isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(api.get("/api/auth/session", phone.text("accessToken")).status())
                .isEqualTo(200);

        Reply ended = api.delete("/api/auth/sessions/" + phoneId, laptop.text("accessToken"));
        assertThat(ended.status()).as(ended.body().toString()).isEqualTo(200);

        assertRefused(api.get("/api/auth/session", phone.text("accessToken")));
        assertRefused(api.post("/api/auth/refresh", Map.of("refreshToken", phone.text("refreshToken"))));
        assertRefused(api.post("/api/auth/refresh", Map.of("refreshToken", phone.text("refreshToken"))));
        assertThat(api.get("/api/auth/session", laptop.text("accessToken")).status())
                .isEqualTo(200);
        Reply refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", laptop.text("refreshToken")));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.get("/api/auth/session", refreshed.text("accessToken")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/auth/session", ada.accessToken()).status()).isEqualTo(200);
        assertThat(sessions(refreshed.text("accessToken")))
                .extracting(s -> s.get("id"))
                .hasSize(2)
                .doesNotContain(phoneId);
        assertThat(api.delete("/api/auth/sessions/" + phoneId, laptop.text("accessToken"))
                        .status())
                .as("an ended session")
                .isEqualTo(404);
        assertThat(sessions(bob.accessToken())).hasSize(1);
    }

    @Test
    void loggingOutEndsOnlyItsOwnSession() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply phone = login(ada, PHONE, null);

        assertThat(api.post("/api/auth/logout", Map.of("refreshToken", phone.text("refreshToken")))
                        .status())
                .isEqualTo(200);

        assertRefused(api.get("/api/auth/session", phone.text("accessToken")));
        assertRefused(api.post("/api/auth/refresh", Map.of("refreshToken", phone.text("refreshToken"))));
        assertThat(api.get("/api/auth/session", ada.accessToken()).status()).isEqualTo(200);
        Reply refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", ada.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        List<Map<String, Object>> sessions = sessions(refreshed.text("accessToken"));
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("current")).isEqualTo(true);
    }

    @Test
    void aSignInDropsExpiredSessionsAndEndsTheLeastRecentlyUsedBeyondTheLimit() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        UserProfiles profiles = stack.app().getBean(UserProfiles.class);
        Instant now = Instant.now();
        profiles.recordSession(ada.userId(), session("expired", now.minus(Duration.ofDays(31))), now, 2);
        profiles.endSession(ada.userId(), "long-over", now.plusSeconds(30));
        profiles.recordSession(ada.userId(), session("recent", now.plusSeconds(5)), now, 2);

        assertThat(profiles.sessions(ada.userId(), now))
                .extracting(SignInSessions.Session::id)
                .as("the expired one is left out; the limit counts the first sign-in's too")
                .doesNotContain("expired")
                .contains("recent")
                .hasSize(2);
        assertThat(storedItem(ada.userId()).get("sessions").m()).doesNotContainKey("expired");
        assertThat(storedItem(ada.userId()).get("endedSessions").ss())
                .anyMatch(entry -> entry.startsWith("long-over@"));

        profiles.recordSession(ada.userId(), session("new", now), now, 2);

        assertThat(profiles.sessions(ada.userId(), now))
                .extracting(SignInSessions.Session::id)
                .containsExactlyInAnyOrder("recent", "new");
        assertThat(profiles.revocations(ada.userId(), now).orElseThrow().endedSessions())
                .as("the first sign-in, least recently used, is ended")
                .hasSize(2)
                .contains("long-over");
        assertRefused(api.get("/api/auth/session", ada.accessToken()));
        assertRefused(api.post("/api/auth/refresh", Map.of("refreshToken", ada.refreshToken())));

        profiles.recordSession(ada.userId(), session("newer", now.plusSeconds(60)), now.plusSeconds(60), 3);

        assertThat(storedItem(ada.userId()).get("endedSessions").ss())
                .as("an ended session whose refusal ran out is forgotten")
                .noneMatch(entry -> entry.startsWith("long-over@"));
    }

    @Test
    void aSessionWithoutARecordStillRefreshesAndLogsOutAlone() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply phone = login(ada, PHONE, null);
        // As for sign-ins from before sessions were recorded: the profile holds no session map.
        stack.app().getBean(DynamoDbClient.class).updateItem(r -> r.tableName(
                        stack.app().getBean(TableNames.class).of(Tables.USERS))
                .key(Map.of("userId", AttributeValue.fromS(ada.userId())))
                .updateExpression("REMOVE sessions"));

        Reply refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", phone.text("refreshToken")));
        assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);
        assertThat(sessions(ada.accessToken())).isEmpty();
        assertThat(api.post("/api/auth/logout", Map.of("refreshToken", phone.text("refreshToken")))
                        .status())
                .isEqualTo(200);

        assertRefused(api.get("/api/auth/session", refreshed.text("accessToken")));
        assertThat(api.get("/api/auth/session", ada.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void sessionsNeedAnAccessToken() {
        assertRefused(api.get("/api/auth/sessions", null));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sessions(String accessToken) {
        Reply list = api.get("/api/auth/sessions", accessToken);
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        return (List<Map<String, Object>>) list.body().get("data");
    }

    private static SignInSessions.Session session(String id, Instant createdAt) {
        return new SignInSessions.Session(
                id, createdAt, createdAt, "CairnTest/1.0", null, createdAt.plus(SignInSessions.LIFETIME));
    }

    private static Map<String, AttributeValue> storedItem(String userId) {
        return stack.app()
                .getBean(DynamoDbClient.class)
                .getItem(r -> r.tableName(stack.app().getBean(TableNames.class).of(Tables.USERS))
                        .key(Map.of("userId", AttributeValue.fromS(userId)))
                        .consistentRead(true))
                .item();
    }

    private static Reply login(Account account, String userAgent, String country) {
        Map<String, String> headers = country == null
                ? Map.of("User-Agent", userAgent)
                : Map.of("User-Agent", userAgent, "CloudFront-Viewer-Country", country);
        Reply login = api.send(
                "POST",
                "/api/auth/login",
                Map.of("email", account.email(), "password", Accounts.PASSWORD),
                null,
                headers);
        assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
        return login;
    }

    private static void assertRefused(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
    }
}
