package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.LocalCairn;
import java.util.Map;
import java.util.UUID;

/** Signs users up through the API, as a client would, for tests that need someone signed in. */
final class Accounts {
    static final String PASSWORD = "Correct-Horse-9";

    private Accounts() {}

    /** A confirmed, signed-in user. */
    record Account(String email, String userId, String accessToken, String refreshToken) {}

    static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    static Account signedIn(LocalCairn stack, ApiClient api, String name) throws InterruptedException {
        String email = newEmail();
        Reply registered = api.post("/api/auth/register", Map.of("email", email, "password", PASSWORD, "name", name));
        assertThat(registered.status()).isEqualTo(201);
        String code = stack.outbox().awaitCode(email, 0, 5_000);
        assertThat(api.post("/api/auth/confirm", Map.of("email", email, "code", code))
                        .status())
                .isEqualTo(200);
        Reply login = api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        return new Account(email, registered.text("userId"), login.text("accessToken"), login.text("refreshToken"));
    }

    /**
     * A confirmed user put in the pool's admin group, as an operator does, then signed in again so
     * that the access token carries the group.
     */
    static Account admin(LocalCairn stack, ApiClient api, String name) throws InterruptedException {
        Account user = signedIn(stack, api, name);
        stack.addToAdminGroup(user.email());
        Reply login = api.post("/api/auth/login", Map.of("email", user.email(), "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        return new Account(user.email(), user.userId(), login.text("accessToken"), login.text("refreshToken"));
    }
}
