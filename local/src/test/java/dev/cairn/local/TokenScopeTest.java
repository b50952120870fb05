package dev.cairn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.cairn.api.auth.cognito.AccessTokenScopeTrigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Access tokens shaped by the pre token generation trigger ({@link AccessTokenScopeTrigger}, the
 * class Cognito runs in AWS) carry no scope that calls Cognito's user APIs, and those APIs refuse
 * them, as Cognito does; the admin APIs an API calls with its own role still work. Only the API's
 * internal client's tokens keep the scope, for TOTP enrolment.
 */
class TokenScopeTest {
    private static final String TRIGGER = CognitoEmulator.TOKEN_TRIGGER_FUNCTION;
    private static final String PASSWORD = "Correct-Horse-9!";

    private static LocalLambdaEndpoint lambda;
    private static CognitoEmulator emulator;
    private static CognitoIdentityProviderClient cognito;
    private static CognitoPool pool;
    private static String clientSecret;

    @BeforeAll
    static void startCognitoWithTheTrigger() throws Exception {
        Path state = Files.createTempDirectory("cairn-token-scopes");
        Path repo = Path.of(System.getProperty("cairn.local.repo-dir", ".."))
                .toAbsolutePath()
                .normalize();
        lambda = new LocalLambdaEndpoint();
        emulator = CognitoEmulator.start(repo, state, new Outbox(), lambda.endpoint(), TRIGGER);
        // Asked on the first token, once the pool (and its internal client) exists.
        lambda.start(Map.of(TRIGGER, new AccessTokenScopeTrigger(() -> pool.internalClientId())));
        pool = CognitoPool.provision(emulator.endpoint(), LocalCairn.REGION);
        cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(LocalCairn.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        clientSecret = cognito.describeUserPoolClient(
                        r -> r.userPoolId(pool.userPoolId()).clientId(pool.clientId()))
                .userPoolClient()
                .clientSecret();
    }

    @AfterAll
    static void stop() {
        if (cognito != null) {
            cognito.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void aSignInsAccessTokenCannotCallCognitosUserApis() throws Exception {
        String email = "scopes-" + System.nanoTime() + "@example.com";
        createUser(email);

        AuthenticationResultType tokens = signIn(email);

        assertThat(scopes(tokens.accessToken())).doesNotContain(AccessTokenScopeTrigger.COGNITO_USER_API_SCOPE);
        String token = tokens.accessToken();
        assertThatThrownBy(() -> cognito.deleteUser(r -> r.accessToken(token)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.setUserMFAPreference(
                        r -> r.accessToken(token).softwareTokenMfaSettings(s -> s.enabled(false))))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.associateSoftwareToken(r -> r.accessToken(token)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.getUser(r -> r.accessToken(token))).isInstanceOf(NotAuthorizedException.class);
        // Refused, not done: the account is still there, and the API's own role still reads it.
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool.userPoolId()).username(email))
                        .userAttributes())
                .anySatisfy(a -> assertThat(a.value()).isEqualTo(email));
    }

    @Test
    void aRefreshedAccessTokenHasNoSuchScopeEither() throws Exception {
        String email = "refresh-" + System.nanoTime() + "@example.com";
        createUser(email);
        String refreshToken = signIn(email).refreshToken();

        String refreshed = cognito.getTokensFromRefreshToken(r ->
                        r.clientId(pool.clientId()).clientSecret(clientSecret).refreshToken(refreshToken))
                .authenticationResult()
                .accessToken();

        assertThat(scopes(refreshed)).doesNotContain(AccessTokenScopeTrigger.COGNITO_USER_API_SCOPE);
        assertThatThrownBy(() -> cognito.deleteUser(r -> r.accessToken(refreshed)))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void theInternalClientsAccessTokenKeepsTheScopeForEnrolment() throws Exception {
        String email = "internal-" + System.nanoTime() + "@example.com";
        createUser(email);
        String internalSecret = cognito.describeUserPoolClient(
                        r -> r.userPoolId(pool.userPoolId()).clientId(pool.internalClientId()))
                .userPoolClient()
                .clientSecret();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", email);
        parameters.put("PASSWORD", PASSWORD);
        parameters.put("SECRET_HASH", secretHash(internalSecret, email, pool.internalClientId()));

        AuthenticationResultType tokens = cognito.adminInitiateAuth(r -> r.userPoolId(pool.userPoolId())
                        .clientId(pool.internalClientId())
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(parameters))
                .authenticationResult();

        assertThat(scopes(tokens.accessToken())).contains(AccessTokenScopeTrigger.COGNITO_USER_API_SCOPE);
        assertThat(cognito.associateSoftwareToken(r -> r.accessToken(tokens.accessToken()))
                        .secretCode())
                .isNotBlank();
    }

    private static void createUser(String email) {
        cognito.adminCreateUser(r -> r.userPoolId(pool.userPoolId())
                .username(email)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(a -> a.name("email").value(email), a -> a.name("email_verified")
                        .value("true")));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool.userPoolId())
                .username(email)
                .password(PASSWORD)
                .permanent(true));
    }

    private static AuthenticationResultType signIn(String email) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", email);
        parameters.put("PASSWORD", PASSWORD);
        parameters.put("SECRET_HASH", secretHash(email));
        return cognito.adminInitiateAuth(r -> r.userPoolId(pool.userPoolId())
                        .clientId(pool.clientId())
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(parameters))
                .authenticationResult();
    }

    private static String secretHash(String username) throws Exception {
        return secretHash(clientSecret, username, pool.clientId());
    }

    private static String secretHash(String secret, String username, String clientId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    }

    private static String scopes(String accessToken) throws Exception {
        String scope = SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("scope");
        return scope == null ? "" : scope;
    }
}
