package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.api.auth.cognito.AccessTokenScopeTrigger;
import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.LocalCairn;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/** The auth API end to end: the real handler, Cognito's API through cognito-local, codes from the outbox. */
class AuthFlowTest extends EndToEnd {
    private static final String PASSWORD = Accounts.PASSWORD;

    @Test
    void registerConfirmLoginRefreshAndLogout() throws Exception {
        String email = newEmail();
        Reply registered = api.post(
                "/api/auth/register", Map.of("email", email.toUpperCase(), "password", PASSWORD, "name", "Ada"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.data()).containsEntry("email", email).containsEntry("confirmed", false);
        String userId = registered.text("userId");

        Reply unconfirmed = api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(unconfirmed.status()).isEqualTo(403);
        assertThat(unconfirmed.errorCode()).isEqualTo("AUTH_USER_NOT_CONFIRMED");

        String code = stack.outbox().awaitCode(email, 0, 5_000);
        Reply wrongCode = api.post("/api/auth/confirm", Map.of("email", email, "code", otherCode(code)));
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.errorCode()).isEqualTo("AUTH_INVALID_CODE");
        assertThat(api.post("/api/auth/confirm", Map.of("email", email, "code", code))
                        .status())
                .isEqualTo(200);

        Reply login = api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.data())
                .containsEntry("tokenType", "Bearer")
                .containsKeys("accessToken", "idToken", "refreshToken");
        assertThat(((Number) login.data().get("expiresIn")).longValue()).isBetween(3000L, 3600L);
        assertThat(api.get("/api/auth/session", login.text("accessToken")).data())
                .containsEntry("userId", userId);

        Reply refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", login.text("refreshToken")));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.get("/api/auth/session", refreshed.text("accessToken")).status())
                .isEqualTo(200);

        assertThat(api.post("/api/auth/logout", Map.of("refreshToken", login.text("refreshToken")))
                        .status())
                .isEqualTo(200);
        Reply afterLogout = api.post("/api/auth/refresh", Map.of("refreshToken", login.text("refreshToken")));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.errorCode()).isEqualTo("AUTH_UNAUTHORIZED");
    }

    @Test
    void tokensOfOneSignInShareAnOriginThatRefreshesKeep() throws Exception {
        Accounts.Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply phone = api.post("/api/auth/login", Map.of("email", ada.email(), "password", PASSWORD));
        Reply refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", ada.refreshToken()));
        assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);

        JWTClaimsSet first = claims(ada.accessToken());
        String origin = first.getStringClaim("origin_jti");
        assertThat(origin).isNotBlank();
        assertThat(claims(refreshed.text("accessToken")).getStringClaim("origin_jti"))
                .as("a refresh keeps its sign-in's origin")
                .isEqualTo(origin);
        assertThat(claims(refreshed.text("idToken")).getStringClaim("origin_jti"))
                .isEqualTo(origin);
        assertThat(claims(phone.text("accessToken")).getStringClaim("origin_jti"))
                .as("another sign-in has its own origin")
                .isNotBlank()
                .isNotEqualTo(origin);
        assertThat(List.of(
                        first.getJWTID(),
                        claims(refreshed.text("accessToken")).getJWTID(),
                        claims(refreshed.text("idToken")).getJWTID(),
                        claims(phone.text("accessToken")).getJWTID()))
                .as("every token has its own jti")
                .doesNotHaveDuplicates()
                .doesNotContainNull();
        assertThat(api.get("/api/auth/session", refreshed.text("accessToken")).status())
                .as("the re-signed token still verifies")
                .isEqualTo(200);
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    @Test
    void aWeakPasswordIsRefusedNamingEveryRuleItBreaks() {
        Reply weak = api.post("/api/auth/register", Map.of("email", newEmail(), "password", "short", "name", "Ada"));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorCode()).isEqualTo("AUTH_VALIDATION_ERROR");
        assertThat(messages(weak))
                .anyMatch(m -> m.contains("at least 8"))
                .anyMatch(m -> m.contains("upper-case"))
                .anyMatch(m -> m.contains("digit"))
                .anyMatch(m -> m.contains("symbol"))
                .noneMatch(m -> m.contains("lower-case"));
    }

    @Test
    void aConfirmedAddressCanRegisterOnlyOnce() throws Exception {
        String email = registerAndConfirm();

        Reply again = api.post("/api/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Eve"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("AUTH_USER_EXISTS");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        String email = registerAndConfirm();

        Reply wrongPassword = api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD + "x"));
        Reply unknownUser = api.post("/api/auth/login", Map.of("email", newEmail(), "password", PASSWORD));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(unknownUser.error().get("message"))
                .isEqualTo(wrongPassword.error().get("message"));
    }

    @Test
    void badRequestsGetFieldLevelAuthValidationErrors() {
        Reply missing = api.post("/api/auth/register", Map.of("password", PASSWORD, "name", "Ada"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("AUTH_VALIDATION_ERROR");
        assertThat(fields(missing)).contains("email");

        Reply notAnEmail = api.post("/api/auth/login", Map.of("email", "not-an-address", "password", PASSWORD));
        assertThat(notAnEmail.errorCode()).isEqualTo("AUTH_VALIDATION_ERROR");
        assertThat(fields(notAnEmail)).containsExactly("email");

        Reply malformed = api.post("/api/auth/login", "{\"email\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("AUTH_VALIDATION_ERROR");
    }

    @Test
    void forgottenPasswordsAreResetWithTheMailedCode() throws Exception {
        String email = registerAndConfirm();
        assertThat(api.post("/api/auth/forgot-password", Map.of("email", newEmail()))
                        .status())
                .isEqualTo(200);

        int mailsBefore = stack.outbox().to(email).size();
        assertThat(api.post("/api/auth/forgot-password", Map.of("email", email)).status())
                .isEqualTo(200);
        String code = stack.outbox().awaitCode(email, mailsBefore, 5_000);
        assertThat(stack.outbox().to(email).getLast().subject()).contains("reset");

        Reply weak = api.post("/api/auth/reset-password", Map.of("email", email, "code", code, "newPassword", "weak"));
        assertThat(weak.errorCode()).isEqualTo("AUTH_VALIDATION_ERROR");
        Reply wrongCode = api.post(
                "/api/auth/reset-password",
                Map.of("email", email, "code", otherCode(code), "newPassword", "New-Secret-42"));
        assertThat(wrongCode.errorCode()).isEqualTo("AUTH_INVALID_CODE");
        Reply reset = api.post(
                "/api/auth/reset-password", Map.of("email", email, "code", code, "newPassword", "New-Secret-42"));
        assertThat(reset.status()).isEqualTo(200);

        assertThat(api.post("/api/auth/login", Map.of("email", email, "password", "New-Secret-42"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aNewCodeCanBeSentAndConfirmsTheAccount() throws Exception {
        String email = newEmail();
        api.post("/api/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Ada"));
        stack.outbox().awaitCode(email, 0, 5_000);

        assertThat(api.post("/api/auth/resend-code", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
        String second = stack.outbox().awaitCode(email, 1, 5_000);

        assertThat(api.post("/api/auth/verify-email", Map.of("email", email, "code", second))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/auth/resend-code", Map.of("email", newEmail()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void tokensFromLoginAndRefreshCannotCallCognitosUserApis() throws Exception {
        Accounts.Account ada = Accounts.signedIn(stack, api, "Ada");
        Reply refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", ada.refreshToken()));
        assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);

        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(stack.cognitoEndpoint())
                .region(Region.of(LocalCairn.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            for (String token : List.of(ada.accessToken(), refreshed.text("accessToken"))) {
                assertThat(String.valueOf(claims(token).getClaim("scope")))
                        .doesNotContain(AccessTokenScopeTrigger.COGNITO_USER_API_SCOPE);
                assertThatThrownBy(() -> cognito.deleteUser(r -> r.accessToken(token)))
                        .isInstanceOf(NotAuthorizedException.class);
                assertThatThrownBy(() -> cognito.associateSoftwareToken(r -> r.accessToken(token)))
                        .isInstanceOf(NotAuthorizedException.class);
                // Every API route still takes it.
                assertThat(api.get("/api/auth/session", token).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void totpMfaCanBeTurnedOnUsedAndTurnedOff() throws Exception {
        String email = registerAndConfirm();
        String token = api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD))
                .text("accessToken");
        assertThat(api.post("/api/auth/mfa/setup", Map.of("password", PASSWORD)).errorCode())
                .isEqualTo("AUTH_UNAUTHORIZED");

        Reply setup = api.post("/api/auth/mfa/setup", Map.of("password", PASSWORD), token);
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.text("secretCode");
        assertThat(setup.text("otpauthUri")).startsWith("otpauth://totp/Cairn").contains("secret=" + secret);
        String current = Totp.code(secret, Instant.now().getEpochSecond());
        Reply codeOnly = api.post("/api/auth/mfa/verify", Map.of("code", current), token);
        assertThat(codeOnly.status()).isEqualTo(400);
        assertThat(fields(codeOnly)).containsExactly("password");
        assertThat(api.post("/api/auth/mfa/verify", Map.of("password", PASSWORD + "x", "code", current), token)
                        .errorCode())
                .isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(api.post("/api/auth/mfa/verify", Map.of("password", PASSWORD, "code", otherCode(current)), token)
                        .errorCode())
                .isEqualTo("AUTH_INVALID_CODE");
        assertThat(api.post("/api/auth/mfa/verify", Map.of("password", PASSWORD, "code", current), token)
                        .status())
                .isEqualTo(200);

        Reply challenged = api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(challenged.data())
                .containsEntry("challenge", "SOFTWARE_TOKEN_MFA")
                .doesNotContainKey("accessToken");
        String session = challenged.text("session");
        String code = Totp.code(secret, Instant.now().getEpochSecond());
        assertThat(api.post("/api/auth/login/mfa", Map.of("session", session, "code", otherCode(code)))
                        .errorCode())
                .isEqualTo("AUTH_INVALID_CODE");
        Reply tokens = api.post("/api/auth/login/mfa", Map.of("session", session, "code", code));
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.data()).containsKey("accessToken").containsEntry("tokenType", "Bearer");

        String now = Totp.code(secret, Instant.now().getEpochSecond());
        assertThat(api.send(
                                "DELETE",
                                "/api/auth/mfa",
                                Map.of("password", PASSWORD, "code", now),
                                tokens.text("accessToken"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD))
                        .data())
                .containsKey("accessToken");
    }

    @Test
    void aBearerTokenAloneCannotTurnTotpOnOrOff() throws Exception {
        String email = registerAndConfirm();
        String token = api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD))
                .text("accessToken");

        Reply noProof = api.post("/api/auth/mfa/setup", Map.of(), token);
        assertThat(noProof.status()).isEqualTo(400);
        assertThat(fields(noProof)).containsExactly("password");
        Reply wrongPassword = api.post("/api/auth/mfa/setup", Map.of("password", PASSWORD + "x"), token);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");

        String secret = api.post("/api/auth/mfa/setup", Map.of("password", PASSWORD), token)
                .text("secretCode");
        assertThat(api.post(
                                "/api/auth/mfa/verify",
                                Map.of(
                                        "password",
                                        PASSWORD,
                                        "code",
                                        Totp.code(secret, Instant.now().getEpochSecond())),
                                token)
                        .status())
                .isEqualTo(200);

        assertThat(api.delete("/api/auth/mfa", token).errorCode()).isEqualTo("AUTH_VALIDATION_ERROR");
        Reply passwordOnly = api.send("DELETE", "/api/auth/mfa", Map.of("password", PASSWORD), token);
        assertThat(passwordOnly.status()).isEqualTo(400);
        assertThat(fields(passwordOnly)).containsExactly("code");
        String code = Totp.code(secret, Instant.now().getEpochSecond());
        Reply wrongCode =
                api.send("DELETE", "/api/auth/mfa", Map.of("password", PASSWORD, "code", otherCode(code)), token);
        assertThat(wrongCode.errorCode()).isEqualTo("AUTH_INVALID_CODE");
        Reply codeWithWrongPassword =
                api.send("DELETE", "/api/auth/mfa", Map.of("password", PASSWORD + "x", "code", code), token);
        assertThat(codeWithWrongPassword.errorCode()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        Reply reEnrol = api.post("/api/auth/mfa/setup", Map.of("password", PASSWORD), token);
        assertThat(fields(reEnrol)).containsExactly("code");

        assertThat(api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD))
                        .data())
                .containsEntry("challenge", "SOFTWARE_TOKEN_MFA");
    }

    private static String registerAndConfirm() throws InterruptedException {
        return Accounts.signedIn(stack, api, "Ada").email();
    }

    private static String newEmail() {
        return Accounts.newEmail();
    }

    /** A six-digit code that is certainly not {@code code}. */
    private static String otherCode(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(Reply reply) {
        return ((List<Map<String, Object>>) reply.error().get("details"))
                .stream().map(d -> (String) d.get("message")).toList();
    }
}
