package dev.cairn.api.auth.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.auth.AuthSettings;
import dev.cairn.api.identity.CallerContext;
import dev.cairn.api.identity.IdentityProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolClientResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.HttpHeader;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenResponse;

/**
 * Sign-in goes through the server-side flow with the client's SECRET_HASH and the caller's context
 * data, so Cognito's threat protection scores the user's address and client, not the function's.
 */
class CognitoSignInTest {
    private static final String POOL = "eu-west-1_Pool";
    private static final String CLIENT = "client123";
    private static final String SECRET = "s3cr3t";
    private static final String INTERNAL = "internal456";
    private static final String INTERNAL_SECRET = "int3rnal";
    private static final CallerContext CALLER = new CallerContext(
            "203.0.113.7",
            "api.example.com",
            "/api/auth/login",
            Map.of("user-agent", "Mozilla/5.0", "accept-language", "pt-PT"));

    private final List<Object> requests = new ArrayList<>();

    private final CognitoIdentityProviderClient cognito = new CognitoIdentityProviderClient() {
        @Override
        public DescribeUserPoolClientResponse describeUserPoolClient(DescribeUserPoolClientRequest request) {
            requests.add(request);
            String secret = INTERNAL.equals(request.clientId()) ? INTERNAL_SECRET : SECRET;
            return DescribeUserPoolClientResponse.builder()
                    .userPoolClient(
                            c -> c.clientId(request.clientId()).userPoolId(POOL).clientSecret(secret))
                    .build();
        }

        @Override
        public RevokeTokenResponse revokeToken(RevokeTokenRequest request) {
            requests.add(request);
            return RevokeTokenResponse.builder().build();
        }

        @Override
        public AdminInitiateAuthResponse adminInitiateAuth(AdminInitiateAuthRequest request) {
            requests.add(request);
            return AdminInitiateAuthResponse.builder()
                    .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                    .challengeParameters(Map.of("USER_ID_FOR_SRP", "5f0c-sub"))
                    .session("cognito-session")
                    .build();
        }

        @Override
        public AdminRespondToAuthChallengeResponse adminRespondToAuthChallenge(
                AdminRespondToAuthChallengeRequest request) {
            requests.add(request);
            return AdminRespondToAuthChallengeResponse.builder()
                    .authenticationResult(r ->
                            r.accessToken("a").idToken("i").refreshToken("r").expiresIn(3600))
                    .build();
        }

        @Override
        public String serviceName() {
            return "cognito-idp";
        }

        @Override
        public void close() {}
    };

    private final CognitoIdentityProvider provider =
            new CognitoIdentityProvider(cognito, new AuthSettings(null, "eu-west-1", POOL, List.of(CLIENT), null, 0));

    @Test
    void aSignInIsServerSideWithTheSecretHashAndTheCallersContext() {
        IdentityProvider.SignIn signIn = provider.signIn("ada@example.com", "Correct-Horse-9", CALLER);

        AdminInitiateAuthRequest request = only(AdminInitiateAuthRequest.class);
        assertThat(request.userPoolId()).isEqualTo(POOL);
        assertThat(request.authFlow()).isEqualTo(AuthFlowType.ADMIN_USER_PASSWORD_AUTH);
        // echo -n 'ada@example.comclient123' | openssl dgst -sha256 -hmac s3cr3t -binary | base64
        assertThat(request.authParameters())
                .containsEntry("USERNAME", "ada@example.com")
                .containsEntry("SECRET_HASH", "FSBXxfDsvCogCs6Q6+7+0Tz8NMtT/tz4K4vGrFgDFfE=");
        assertThat(request.contextData().ipAddress()).isEqualTo("203.0.113.7");
        assertThat(request.contextData().serverName()).isEqualTo("api.example.com");
        assertThat(request.contextData().serverPath()).isEqualTo("/api/auth/login");
        assertThat(request.contextData().httpHeaders())
                .extracting(HttpHeader::headerName, HttpHeader::headerValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("user-agent", "Mozilla/5.0"),
                        org.assertj.core.groups.Tuple.tuple("accept-language", "pt-PT"));
        assertThat(signIn.mfaSession()).isNotNull();
    }

    @Test
    void theChallengeIsAnsweredServerSideAsCognitosOwnUserName() {
        String session =
                provider.signIn("ada@example.com", "Correct-Horse-9", CALLER).mfaSession();

        IdentityProvider.Tokens tokens = provider.answerMfaChallenge("ada@example.com", session, "123456", CALLER);

        AdminRespondToAuthChallengeRequest answer = only(AdminRespondToAuthChallengeRequest.class);
        assertThat(answer.session()).isEqualTo("cognito-session");
        assertThat(answer.challengeResponses())
                .containsEntry("USERNAME", "5f0c-sub")
                .containsEntry("SOFTWARE_TOKEN_MFA_CODE", "123456")
                .containsEntry("SECRET_HASH", CognitoIdentityProvider.secretHash(SECRET, "5f0c-sub", CLIENT));
        assertThat(answer.contextData().ipAddress()).isEqualTo("203.0.113.7");
        assertThat(tokens.accessToken()).isEqualTo("a");
    }

    @Test
    void anEnrolmentSignInIsOnTheInternalClientWithItsSecretAndItsRefreshTokenRevokedThere() {
        CognitoIdentityProvider withInternal = new CognitoIdentityProvider(
                cognito, new AuthSettings(null, "eu-west-1", POOL, List.of(CLIENT), null, 0, INTERNAL));

        String session = withInternal
                .signIn(IdentityProvider.AppClient.ENROLMENT, "ada@example.com", "Correct-Horse-9", CALLER)
                .mfaSession();
        IdentityProvider.Tokens tokens = withInternal.answerMfaChallenge(
                IdentityProvider.AppClient.ENROLMENT, "ada@example.com", session, "123456", CALLER);
        withInternal.revoke(IdentityProvider.AppClient.ENROLMENT, tokens.refreshToken());

        AdminInitiateAuthRequest signIn = only(AdminInitiateAuthRequest.class);
        assertThat(signIn.clientId()).isEqualTo(INTERNAL);
        assertThat(signIn.authParameters())
                .containsEntry(
                        "SECRET_HASH",
                        CognitoIdentityProvider.secretHash(INTERNAL_SECRET, "ada@example.com", INTERNAL));
        AdminRespondToAuthChallengeRequest answer = only(AdminRespondToAuthChallengeRequest.class);
        assertThat(answer.clientId()).isEqualTo(INTERNAL);
        assertThat(answer.challengeResponses())
                .containsEntry(
                        "SECRET_HASH", CognitoIdentityProvider.secretHash(INTERNAL_SECRET, "5f0c-sub", INTERNAL));
        RevokeTokenRequest revoke = only(RevokeTokenRequest.class);
        assertThat(revoke.clientId()).isEqualTo(INTERNAL);
        assertThat(revoke.clientSecret()).isEqualTo(INTERNAL_SECRET);
        assertThat(revoke.token()).isEqualTo("r");
    }

    @Test
    void withoutAnInternalClientEnrolmentSignsInOnTheUsersClient() {
        provider.signIn(IdentityProvider.AppClient.ENROLMENT, "ada@example.com", "Correct-Horse-9", CALLER);

        assertThat(only(AdminInitiateAuthRequest.class).clientId()).isEqualTo(CLIENT);
    }

    @Test
    void theClientSecretIsReadOnceAndOnlyWhenFirstNeeded() {
        assertThat(requests).isEmpty();

        provider.signIn("ada@example.com", "Correct-Horse-9", CALLER);
        provider.signIn("ada@example.com", "Correct-Horse-9", CALLER);

        assertThat(requests)
                .filteredOn(DescribeUserPoolClientRequest.class::isInstance)
                .hasSize(1);
    }

    private <T> T only(Class<T> type) {
        List<T> matching =
                requests.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }
}
