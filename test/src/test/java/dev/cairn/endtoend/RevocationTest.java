package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.TableNames;
import dev.cairn.api.user.UserProfiles;
import dev.cairn.contract.Tables;
import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.LocalCairn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An access token is a signed JWT that stays valid for its hour whatever happens to its session.
 * Each test keeps an old token the way an attacker (or a forgotten device) would and shows it
 * refused once the session ended: sign-out, sign-out everywhere, password reset, account deletion;
 * at once, and on another instance of the function as well as on the one that ended it.
 */
class RevocationTest extends EndToEnd {

    @Test
    void anAccessTokenStopsWorkingWhenItsUserLogsOut() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        assertThat(api.get("/api/user/profile", ada.accessToken()).status()).isEqualTo(200);

        assertThat(api.post("/api/auth/logout", Map.of("refreshToken", ada.refreshToken()))
                        .status())
                .isEqualTo(200);

        assertRefused(api.get("/api/user/profile", ada.accessToken()));
        assertRefused(api.post("/api/guitars", guitar(), ada.accessToken()));
        Reply again = login(ada);
        assertThat(api.get("/api/user/profile", again.text("accessToken")).status())
                .as("a sign-in after the logout")
                .isEqualTo(200);
        assertThat(api.post("/api/auth/logout", Map.of("refreshToken", ada.refreshToken()))
                        .status())
                .as("logging out twice")
                .isEqualTo(200);
    }

    @Test
    void logoutAllEndsEverySessionOfTheUserAndNoOneElses() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply phone = login(ada);
        Account bob = Accounts.signedIn(stack, api, "Bob");

        Reply loggedOut = api.post("/api/auth/logout-all", null, ada.accessToken());
        assertThat(loggedOut.status()).as(loggedOut.body().toString()).isEqualTo(200);

        assertRefused(api.get("/api/auth/session", ada.accessToken()));
        assertRefused(api.get("/api/auth/session", phone.text("accessToken")));
        assertRefused(api.post("/api/auth/refresh", Map.of("refreshToken", ada.refreshToken())));
        assertRefused(api.post("/api/auth/refresh", Map.of("refreshToken", phone.text("refreshToken"))));
        assertThat(api.get("/api/auth/session", bob.accessToken()).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", bob.refreshToken()))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/auth/session", login(ada).text("accessToken")).status())
                .isEqualTo(200);
    }

    @Test
    void logoutAllNeedsAnAccessToken() {
        assertRefused(api.post("/api/auth/logout-all", null));
    }

    @Test
    void aPasswordResetEndsEverySessionSignedInWithTheOldPassword() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        int mailsBefore = stack.outbox().to(ada.email()).size();
        assertThat(api.post("/api/auth/forgot-password", Map.of("email", ada.email()))
                        .status())
                .isEqualTo(200);
        String code = stack.outbox().awaitCode(ada.email(), mailsBefore, 5_000);

        Reply reset = api.post(
                "/api/auth/reset-password", Map.of("email", ada.email(), "code", code, "newPassword", "New-Secret-42"));
        assertThat(reset.status()).isEqualTo(200);

        assertRefused(api.get("/api/user/profile", ada.accessToken()));
        assertRefused(api.post("/api/guitars", guitar(), ada.accessToken()));
        assertRefused(api.post("/api/auth/refresh", Map.of("refreshToken", ada.refreshToken())));
        Reply login = api.post("/api/auth/login", Map.of("email", ada.email(), "password", "New-Secret-42"));
        assertThat(api.get("/api/user/profile", login.text("accessToken")).status())
                .isEqualTo(200);
    }

    @Test
    void aDeletedUsersTokenCanNeitherReadNorWriteTheirPartition() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        assertThat(api.post("/api/guitars", guitar(), ada.accessToken()).status())
                .isEqualTo(201);

        Reply deleted =
                api.send("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), ada.accessToken());
        assertThat(deleted.status()).isEqualTo(200);

        assertRefused(api.post("/api/guitars", guitar(), ada.accessToken()));
        assertRefused(api.get("/api/guitars", ada.accessToken()));
        assertRefused(api.get("/api/user/profile", ada.accessToken()));
        assertThat(stack.app()
                        .getBean(DynamoDbClient.class)
                        .query(r -> r.tableName(
                                        stack.app().getBean(TableNames.class).of(Tables.GUITARS))
                                .keyConditionExpression("userId = :u")
                                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(ada.userId()))))
                        .items())
                .as("nothing in the deleted user's partition")
                .isEmpty();
        assertThat(api.send("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), ada.accessToken())
                        .status())
                .as("the deletion can still be run again")
                .isEqualTo(200);
    }

    @Test
    void anotherInstanceThatJustServedADeletedUserRefusesThemAtOnce() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        try (LocalCairn.AnotherInstance instance = stack.startAnotherInstance()) {
            ApiClient other = new ApiClient(stack, instance.baseUrl());
            assertThat(other.get("/api/guitars", ada.accessToken()).status())
                    .as("the other instance served the user just before")
                    .isEqualTo(200);

            Reply deleted =
                    api.send("DELETE", "/api/user/account", Map.of("password", Accounts.PASSWORD), ada.accessToken());
            assertThat(deleted.status()).isEqualTo(200);

            assertRefused(other.get("/api/guitars", ada.accessToken()));
            assertRefused(other.get("/api/user/profile", ada.accessToken()));
            assertRefused(other.post("/api/guitars", guitar(), ada.accessToken()));
        }
    }

    @Test
    void anotherInstanceRefusesAnEndedSessionAtOnceAndServesTheUsersOtherSessions() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply phone = login(ada);
        try (LocalCairn.AnotherInstance instance = stack.startAnotherInstance()) {
            ApiClient other = new ApiClient(stack, instance.baseUrl());
            assertThat(other.get("/api/user/profile", ada.accessToken()).status())
                    .isEqualTo(200);

            assertThat(api.post("/api/auth/logout", Map.of("refreshToken", ada.refreshToken()))
                            .status())
                    .isEqualTo(200);

            assertRefused(other.get("/api/user/profile", ada.accessToken()));
            assertThat(other.get("/api/user/profile", phone.text("accessToken")).status())
                    .as("the session on the phone goes on")
                    .isEqualTo(200);
        }
    }

    @Test
    void aSignInWhileTheAccountIsBeingDeletedDoesNotBringItBack() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        // Where a deletion stands after its first step: the profile replaced by the deletion's mark.
        stack.app().getBean(UserProfiles.class).markDeleted(ada.userId());

        Reply during = login(ada);

        assertRefused(api.get("/api/user/profile", during.text("accessToken")));
        assertRefused(api.post("/api/guitars", guitar(), during.text("accessToken")));
        assertThat(api.send(
                                "DELETE",
                                "/api/user/account",
                                Map.of("password", Accounts.PASSWORD),
                                during.text("accessToken"))
                        .status())
                .as("the deletion finishes with the same token")
                .isEqualTo(200);
        assertThat(stack.app().getBean(UserProfiles.class).find(ada.userId())).isEmpty();
    }

    @Test
    void anAdministratorDisablingAUserEndsTheirTokens() throws Exception {
        Account ada = Accounts.signedIn(stack, api, "Ada");
        Account admin = Accounts.signedIn(stack, api, "Admin");
        String adminToken = asAdmin(admin);
        assertThat(api.post("/api/admin/users/" + ada.userId() + "/disable", null, ada.accessToken())
                        .status())
                .as("only the admin group may disable")
                .isEqualTo(403);

        Reply disabled = api.post("/api/admin/users/" + ada.userId() + "/disable", null, adminToken);
        assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);

        assertRefused(api.get("/api/user/profile", ada.accessToken()));
        assertRefused(api.post("/api/auth/refresh", Map.of("refreshToken", ada.refreshToken())));
        assertThat(api.get("/api/user/profile", adminToken).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/users/" + java.util.UUID.randomUUID() + "/disable", null, adminToken)
                        .status())
                .as("an unknown user")
                .isEqualTo(404);
    }

    /** Puts the account in the admin group and signs it in again, so that the token carries the group. */
    private static String asAdmin(Account account) {
        stack.addToAdminGroup(account.email());
        return login(account).text("accessToken");
    }

    private static Reply login(Account account) {
        Reply login = api.post("/api/auth/login", Map.of("email", account.email(), "password", Accounts.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        return login;
    }

    private static Map<String, Object> guitar() {
        return Map.of("brand", "Fender", "model", "Stratocaster", "year", 1965, "type", "electric");
    }

    private static void assertRefused(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
    }
}
