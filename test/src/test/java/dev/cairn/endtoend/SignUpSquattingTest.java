package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.ApiClient.Reply;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sign-up squatting attack, played end to end: a squatter registers someone else's address
 * with a password of their own and waits for the address's owner to confirm the account. However
 * the owner proceeds (registering again, or asking for a new code and confirming), the squatter's
 * password never signs in.
 */
class SignUpSquattingTest extends EndToEnd {
    private static final String SQUATTER_PASSWORD = "Squatter-Pass-1";
    private static final String OWNER_PASSWORD = "Owner-Chosen-7";

    @Test
    void theOwnerRegisteringAgainReplacesThePendingAccount() throws Exception {
        String email = Accounts.newEmail();
        Reply squatted = register(email, SQUATTER_PASSWORD, "Mallory");
        assertThat(squatted.status()).isEqualTo(201);
        int mails = awaitMails(email, 1);

        Reply owner = register(email, OWNER_PASSWORD, "Ada");
        assertThat(owner.status()).isEqualTo(201);
        assertThat(owner.text("userId")).isNotEqualTo(squatted.text("userId"));
        String code = stack.outbox().awaitCode(email, mails, 5_000);
        assertThat(confirm(email, code).status()).isEqualTo(200);

        assertThat(login(email, SQUATTER_PASSWORD).errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        Reply login = login(email, OWNER_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(api.get("/api/auth/session", login.text("accessToken")).data())
                .containsEntry("userId", owner.text("userId"));
    }

    @Test
    void theOwnerResendingAndConfirmingNeverActivatesTheSquattersPassword() throws Exception {
        String email = Accounts.newEmail();
        assertThat(register(email, SQUATTER_PASSWORD, "Mallory").status()).isEqualTo(201);
        int mails = awaitMails(email, 1);

        assertThat(resend(Map.of("email", email)).status()).isEqualTo(200);
        String code = stack.outbox().awaitCode(email, mails, 5_000);
        assertThat(confirm(email, code).status()).isEqualTo(200);

        assertThat(login(email, SQUATTER_PASSWORD).errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        // The confirmed owner chooses a password the only way left: through their mailbox.
        int before = stack.outbox().to(email).size();
        assertThat(api.post("/api/auth/forgot-password", Map.of("email", email)).status())
                .isEqualTo(200);
        String reset = stack.outbox().awaitCode(email, before, 5_000);
        assertThat(api.post(
                                "/api/auth/reset-password",
                                Map.of("email", email, "code", reset, "newPassword", OWNER_PASSWORD))
                        .status())
                .isEqualTo(200);
        assertThat(login(email, OWNER_PASSWORD).status()).isEqualTo(200);
        assertThat(login(email, SQUATTER_PASSWORD).errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");
    }

    @Test
    void aResendWithAWrongPasswordIsAResendWithoutOne() throws Exception {
        String email = Accounts.newEmail();
        register(email, SQUATTER_PASSWORD, "Mallory");
        int mails = awaitMails(email, 1);

        assertThat(resend(Map.of("email", email, "password", OWNER_PASSWORD)).status())
                .isEqualTo(200);
        String code = stack.outbox().awaitCode(email, mails, 5_000);
        assertThat(confirm(email, code).status()).isEqualTo(200);

        assertThat(login(email, SQUATTER_PASSWORD).errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(login(email, OWNER_PASSWORD).errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");
    }

    @Test
    void aResendWithThePasswordChosenAtSignUpKeepsIt() throws Exception {
        String email = Accounts.newEmail();
        Reply registered = register(email, OWNER_PASSWORD, "Ada");
        int mails = awaitMails(email, 1);

        assertThat(resend(Map.of("email", email, "password", OWNER_PASSWORD)).status())
                .isEqualTo(200);
        String code = stack.outbox().awaitCode(email, mails, 5_000);
        assertThat(confirm(email, code).status()).isEqualTo(200);

        Reply login = login(email, OWNER_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(api.get("/api/auth/session", login.text("accessToken")).data())
                .containsEntry("userId", registered.text("userId"));
    }

    @Test
    void aConfirmedAddressIsNeitherReplacedNorReset() throws Exception {
        Accounts.Account owner = Accounts.signedIn(stack, api, "Ada");

        Reply again = register(owner.email(), SQUATTER_PASSWORD, "Mallory");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("AUTH_USER_EXISTS");
        assertThat(resend(Map.of("email", owner.email())).status()).isEqualTo(200);

        assertThat(login(owner.email(), SQUATTER_PASSWORD).errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(login(owner.email(), Accounts.PASSWORD).status()).isEqualTo(200);
        assertThat(api.get("/api/auth/session", owner.accessToken()).data()).containsEntry("userId", owner.userId());
    }

    @Test
    void aPasswordLongerThanTheLimitIsAFieldError() {
        Map<String, Object> body = new HashMap<>();
        body.put("email", Accounts.newEmail());
        body.put("password", "x".repeat(257));
        Reply tooLong = resend(body);

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("AUTH_VALIDATION_ERROR");
        assertThat(fields(tooLong)).containsExactly("password");
    }

    private static Reply register(String email, String password, String name) {
        return api.post("/api/auth/register", Map.of("email", email, "password", password, "name", name));
    }

    private static Reply resend(Map<String, ?> body) {
        return api.post("/api/auth/resend-code", body);
    }

    private static Reply confirm(String email, String code) {
        return api.post("/api/auth/confirm", Map.of("email", email, "code", code));
    }

    private static Reply login(String email, String password) {
        return api.post("/api/auth/login", Map.of("email", email, "password", password));
    }

    /** Waits for the address's first {@code count} mails; returns how many there are. */
    private static int awaitMails(String email, int count) throws InterruptedException {
        stack.outbox().awaitCode(email, count - 1, 5_000);
        return stack.outbox().to(email).size();
    }
}
