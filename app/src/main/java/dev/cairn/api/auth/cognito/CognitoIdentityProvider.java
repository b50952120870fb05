package dev.cairn.api.auth.cognito;

import com.nimbusds.jwt.SignedJWT;
import dev.cairn.api.auth.AuthSettings;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.identity.CallerContext;
import dev.cairn.api.identity.IdentityProvider;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ContextDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetTokensFromRefreshTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.HttpHeader;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The {@link IdentityProvider} on Cognito, through a confidential app client: sign-in by the
 * server-side ADMIN_USER_PASSWORD_AUTH flow with the caller's context data (so threat protection
 * scores the user, not this function), every call with the client's SECRET_HASH. Cognito's exceptions become the API's auth
 * codes here, and nowhere else; their messages never reach a client.
 */
@Singleton
final class CognitoIdentityProvider implements IdentityProvider {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoIdentityProvider.class);

    /** Built on first use: only the auth routes call Cognito. */
    private final Supplier<CognitoIdentityProviderClient> cognito;

    private final String clientId;
    /** The API's internal client ({@link AppClient#ENROLMENT}); the users' client when none is configured. */
    private final String internalClientId;

    private final String userPoolId;
    private final Clock clock;
    /** Each app client's secret as Cognito holds it: read on first use, empty for a client without one. */
    private final Map<String, Optional<String>> clientSecrets = new ConcurrentHashMap<>();

    @Inject
    CognitoIdentityProvider(BeanProvider<CognitoIdentityProviderClient> cognito, AuthSettings settings) {
        this(SupplierUtil.memoized(cognito::get), settings);
    }

    CognitoIdentityProvider(CognitoIdentityProviderClient cognito, AuthSettings settings) {
        this((Supplier<CognitoIdentityProviderClient>) () -> cognito, settings);
    }

    private CognitoIdentityProvider(Supplier<CognitoIdentityProviderClient> cognito, AuthSettings settings) {
        this.cognito = cognito;
        this.clientId = settings.clientIds().getFirst();
        this.internalClientId = settings.internalClientId() == null
                        || settings.internalClientId().isBlank()
                ? clientId
                : settings.internalClientId().strip();
        this.userPoolId = userPoolId(settings);
        this.clock = Clock.systemUTC();
    }

    /** The pool's id as configured, else the issuer's last path segment (the issuer ends with it). */
    private static String userPoolId(AuthSettings settings) {
        if (settings.userPoolId() != null && !settings.userPoolId().isBlank()) {
            return settings.userPoolId();
        }
        String issuer = settings.effectiveIssuer().replaceAll("/+$", "");
        return issuer.substring(issuer.lastIndexOf('/') + 1);
    }

    @Override
    public String signUp(String email, String password, String name) {
        return call(Flow.SIGN_UP, () -> cognito.get()
                .signUp(r -> r.clientId(clientId)
                        .secretHash(secretHash(email).orElse(null))
                        .username(email)
                        .password(password)
                        .userAttributes(a -> a.name("email").value(email), a -> a.name("name")
                                .value(name)))
                .userSub());
    }

    @Override
    public void confirmSignUp(String email, String code) {
        call(Flow.CODE, () -> cognito.get().confirmSignUp(r -> r.clientId(clientId)
                .secretHash(secretHash(email).orElse(null))
                .username(email)
                .confirmationCode(code)));
    }

    @Override
    public void resendCode(String email) {
        try {
            cognito.get().resendConfirmationCode(r -> r.clientId(clientId)
                    .secretHash(secretHash(email).orElse(null))
                    .username(email));
        } catch (UserNotFoundException | InvalidParameterException e) {
            // Unknown or already confirmed: answer as if a code went out, so addresses cannot be probed.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.CODE, e);
        }
    }

    @Override
    public Optional<Map<String, String>> pendingSignUp(String email) {
        return adminUser(email).filter(CognitoIdentityProvider::unconfirmed).map(user -> {
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            user.userAttributes().forEach(a -> attributes.put(a.name(), a.value()));
            return attributes;
        });
    }

    @Override
    public boolean discardPendingSignUp(String email) {
        Optional<AdminGetUserResponse> user = adminUser(email);
        if (user.isEmpty()) {
            return true;
        }
        if (!unconfirmed(user.get())) {
            return false;
        }
        try {
            cognito.get().adminDeleteUser(r -> r.userPoolId(userPoolId).username(email));
        } catch (UserNotFoundException e) {
            // Replaced or deleted meanwhile: nothing is pending any more.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.CODE, e);
        }
        return true;
    }

    private Optional<AdminGetUserResponse> adminUser(String email) {
        try {
            return Optional.of(
                    cognito.get().adminGetUser(r -> r.userPoolId(userPoolId).username(email)));
        } catch (UserNotFoundException e) {
            return Optional.empty();
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.CODE, e);
        }
    }

    private static boolean unconfirmed(AdminGetUserResponse user) {
        return user.userStatus() == UserStatusType.UNCONFIRMED;
    }

    @Override
    public boolean isPendingPassword(String email, String password) {
        try {
            cognito.get().adminInitiateAuth(r -> r.userPoolId(userPoolId)
                    .clientId(clientId)
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(passwordParameters(clientId, email, password)));
            return false;
        } catch (UserNotConfirmedException e) {
            // Cognito checks the password first and names the missing confirmation only when it matched.
            return true;
        } catch (NotAuthorizedException | UserNotFoundException | InvalidPasswordException e) {
            return false;
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.SIGN_IN, e);
        }
    }

    @Override
    public SignIn signIn(String email, String password) {
        return signIn(email, password, null);
    }

    @Override
    public SignIn signIn(String email, String password, @Nullable CallerContext caller) {
        return signIn(AppClient.USERS, email, password, caller);
    }

    @Override
    public SignIn signIn(AppClient client, String email, String password, @Nullable CallerContext caller) {
        String id = clientId(client);
        AdminInitiateAuthResponse response =
                call(Flow.SIGN_IN, () -> cognito.get().adminInitiateAuth(r -> r.userPoolId(userPoolId)
                        .clientId(id)
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(passwordParameters(id, email, password))
                        .contextData(contextData(caller))));
        if (response.authenticationResult() != null) {
            return new SignIn(tokens(response.authenticationResult()), null);
        }
        if (response.challengeName() == ChallengeNameType.SOFTWARE_TOKEN_MFA) {
            // The answer's SECRET_HASH must name the user as Cognito does (its own user name, not
            // the e-mail alias), so the session carries that name.
            String username = response.challengeParameters().getOrDefault("USER_ID_FOR_SRP", email);
            return new SignIn(
                    null,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8))
                            + "." + response.session());
        }
        throw new ApiException(
                403, ErrorCodes.AUTH_FORBIDDEN, "This account needs a sign-in step the API does not offer");
    }

    @Override
    public Tokens answerMfaChallenge(String email, String session, String code) {
        return answerMfaChallenge(email, session, code, null);
    }

    @Override
    public Tokens answerMfaChallenge(String email, String session, String code, @Nullable CallerContext caller) {
        return answerMfaChallenge(AppClient.USERS, email, session, code, caller);
    }

    @Override
    public Tokens answerMfaChallenge(
            AppClient client, String email, String session, String code, @Nullable CallerContext caller) {
        String id = clientId(client);
        int dot = session.indexOf('.');
        String username;
        try {
            username = dot > 0
                    ? new String(Base64.getUrlDecoder().decode(session.substring(0, dot)), StandardCharsets.UTF_8)
                    : email;
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCodes.AUTH_INVALID_CODE, "The MFA session is not valid; log in again");
        }
        String cognitoSession = dot > 0 ? session.substring(dot + 1) : session;
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("USERNAME", username);
        answers.put("SOFTWARE_TOKEN_MFA_CODE", code);
        secretHash(id, username).ifPresent(hash -> answers.put("SECRET_HASH", hash));
        AdminRespondToAuthChallengeResponse response =
                call(Flow.CODE, () -> cognito.get().adminRespondToAuthChallenge(r -> r.userPoolId(userPoolId)
                        .clientId(id)
                        .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                        .session(cognitoSession)
                        .challengeResponses(answers)
                        .contextData(contextData(caller))));
        if (response.authenticationResult() == null) {
            throw new ApiException(400, ErrorCodes.AUTH_INVALID_CODE, "The code was not accepted");
        }
        return tokens(response.authenticationResult());
    }

    private String clientId(AppClient client) {
        return client == AppClient.ENROLMENT ? internalClientId : clientId;
    }

    private Map<String, String> passwordParameters(String client, String email, String password) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", email);
        parameters.put("PASSWORD", password);
        secretHash(client, email).ifPresent(hash -> parameters.put("SECRET_HASH", hash));
        return parameters;
    }

    /** What Cognito's threat protection scores a sign-in by; null (Cognito sees the API's own address) without a caller. */
    static @Nullable ContextDataType contextData(@Nullable CallerContext caller) {
        if (caller == null || caller.ipAddress() == null || caller.ipAddress().isBlank()) {
            return null;
        }
        return ContextDataType.builder()
                .ipAddress(caller.ipAddress())
                .serverName(caller.serverName())
                .serverPath(caller.serverPath())
                .httpHeaders(caller.headers().entrySet().stream()
                        .map(h -> HttpHeader.builder()
                                .headerName(h.getKey())
                                .headerValue(h.getValue())
                                .build())
                        .toList())
                .build();
    }

    /** SECRET_HASH for {@code username} on the users' client: Base64(HMAC-SHA256(client secret, username + client id)). */
    private Optional<String> secretHash(String username) {
        return secretHash(clientId, username);
    }

    private Optional<String> secretHash(String client, String username) {
        return clientSecret(client).map(secret -> secretHash(secret, username, client));
    }

    static String secretHash(String secret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The client secret, read from Cognito with the api role on first use (never at init, so a
     * SnapStart snapshot holds none), so it never sits in the environment, a template or a log.
     */
    private Optional<String> clientSecret() {
        return clientSecret(clientId);
    }

    private Optional<String> clientSecret(String client) {
        Optional<String> secret = clientSecrets.get(client);
        if (secret == null) {
            try {
                secret = Optional.ofNullable(cognito.get()
                        .describeUserPoolClient(r -> r.userPoolId(userPoolId).clientId(client))
                        .userPoolClient()
                        .clientSecret());
            } catch (CognitoIdentityProviderException e) {
                throw new IllegalStateException("Cannot read the app client " + client + " of " + userPoolId, e);
            }
            clientSecrets.put(client, secret);
        }
        return secret;
    }

    @Override
    public Tokens refresh(String refreshToken) {
        Optional<String> secret = clientSecret();
        if (secret.isPresent()) {
            // With a client secret, REFRESH_TOKEN_AUTH's SECRET_HASH needs the user's name, which an
            // opaque refresh token does not tell; this API takes the secret itself.
            GetTokensFromRefreshTokenResponse response = call(Flow.TOKEN, () -> cognito.get()
                    .getTokensFromRefreshToken(
                            r -> r.clientId(clientId).clientSecret(secret.get()).refreshToken(refreshToken)));
            return tokens(response.authenticationResult());
        }
        InitiateAuthResponse response = call(Flow.TOKEN, () -> cognito.get().initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));
        return tokens(response.authenticationResult());
    }

    @Override
    public void revoke(String refreshToken) {
        revoke(AppClient.USERS, refreshToken);
    }

    @Override
    public void revoke(AppClient client, String refreshToken) {
        String id = clientId(client);
        try {
            cognito.get().revokeToken(r -> r.clientId(id)
                    .clientSecret(clientSecret(id).orElse(null))
                    .token(refreshToken));
        } catch (NotAuthorizedException | InvalidParameterException e) {
            // Already revoked, expired or never valid: logging out again changes nothing.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
    }

    @Override
    public void forgotPassword(String email) {
        try {
            cognito.get().forgotPassword(r -> r.clientId(clientId)
                    .secretHash(secretHash(email).orElse(null))
                    .username(email));
        } catch (UserNotFoundException | NotAuthorizedException | InvalidParameterException e) {
            // The answer is the same whether or not the address has an account.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.CODE, e);
        }
    }

    @Override
    public void resetPassword(String email, String code, String newPassword) {
        call(Flow.CODE, () -> cognito.get().confirmForgotPassword(r -> r.clientId(clientId)
                .secretHash(secretHash(email).orElse(null))
                .username(email)
                .confirmationCode(code)
                .password(newPassword)));
    }

    @Override
    public String startTotpEnrolment(String enrolmentAccessToken) {
        return call(Flow.TOKEN, () -> cognito.get()
                .associateSoftwareToken(r -> r.accessToken(enrolmentAccessToken))
                .secretCode());
    }

    @Override
    public void finishTotpEnrolment(String enrolmentAccessToken, String username, String code) {
        VerifySoftwareTokenResponseType status = call(Flow.CODE, () -> cognito.get()
                .verifySoftwareToken(
                        r -> r.accessToken(enrolmentAccessToken).userCode(code).friendlyDeviceName("authenticator"))
                .status());
        if (status != VerifySoftwareTokenResponseType.SUCCESS) {
            throw new ApiException(400, ErrorCodes.AUTH_INVALID_CODE, "The code was not accepted");
        }
        call(Flow.TOKEN, () -> cognito.get().adminSetUserMFAPreference(r -> r.userPoolId(userPoolId)
                .username(username)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true))));
    }

    @Override
    public void disableTotp(String username) {
        call(Flow.TOKEN, () -> cognito.get().adminSetUserMFAPreference(r -> r.userPoolId(userPoolId)
                .username(username)
                .softwareTokenMfaSettings(s -> s.enabled(false).preferredMfa(false))));
    }

    @Override
    public Map<String, String> attributes(String username) {
        return findAttributes(username)
                .orElseThrow(() -> new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "The account no longer exists"));
    }

    @Override
    public Optional<Map<String, String>> findAttributes(String username) {
        Map<String, String> attributes = new LinkedHashMap<>();
        try {
            cognito.get()
                    .adminGetUser(r -> r.userPoolId(userPoolId).username(username))
                    .userAttributes()
                    .forEach(a -> attributes.put(a.name(), a.value()));
        } catch (UserNotFoundException e) {
            return Optional.empty();
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
        return Optional.of(attributes);
    }

    @Override
    public void deleteUser(String username) {
        try {
            cognito.get().adminDeleteUser(r -> r.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException e) {
            // Gone already: deleting an account twice is the same as once.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
    }

    @Override
    public void signOutEverywhere(String username) {
        try {
            cognito.get().adminUserGlobalSignOut(r -> r.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException e) {
            // No user, no refresh tokens.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
    }

    @Override
    public void disableUser(String username) {
        try {
            cognito.get().adminDisableUser(r -> r.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException e) {
            // Gone already: nothing to disable.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
    }

    @Override
    public java.util.Optional<String> findUserId(String username) {
        try {
            return cognito
                    .get()
                    .adminGetUser(r -> r.userPoolId(userPoolId).username(username))
                    .userAttributes()
                    .stream()
                    .filter(a -> "sub".equals(a.name()))
                    .map(a -> a.value())
                    .findFirst();
        } catch (UserNotFoundException e) {
            return java.util.Optional.empty();
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
    }

    private Tokens tokens(AuthenticationResultType result) {
        Integer expiresIn = result.expiresIn();
        long seconds = expiresIn != null && expiresIn > 0 ? expiresIn : secondsLeft(result.accessToken());
        return new Tokens(result.accessToken(), result.idToken(), result.refreshToken(), seconds);
    }

    /** Cognito states the lifetime; stand-ins may not, and the token's own {@code exp} then tells. */
    private long secondsLeft(String accessToken) {
        try {
            Instant exp = SignedJWT.parse(accessToken)
                    .getJWTClaimsSet()
                    .getExpirationTime()
                    .toInstant();
            return Math.max(0, exp.getEpochSecond() - clock.instant().getEpochSecond());
        } catch (ParseException | NullPointerException e) {
            return 0;
        }
    }

    /** Which request failed decides what a Cognito exception means to the client. */
    enum Flow {
        SIGN_UP,
        SIGN_IN,
        CODE,
        TOKEN
    }

    private static <T> T call(Flow flow, Supplier<T> request) {
        try {
            return request.get();
        } catch (CognitoIdentityProviderException e) {
            throw translate(flow, e);
        }
    }

    static RuntimeException translate(Flow flow, CognitoIdentityProviderException e) {
        if (e instanceof UsernameExistsException) {
            return new ApiException(409, ErrorCodes.AUTH_USER_EXISTS, "An account with this e-mail address exists");
        }
        if (e instanceof UserNotConfirmedException) {
            return new ApiException(
                    403,
                    ErrorCodes.AUTH_USER_NOT_CONFIRMED,
                    "Confirm the e-mail address with the code sent to it first");
        }
        if (e instanceof LimitExceededException) {
            // In AWS a log metric filter counts this word and alarms: the e-mail quota may be spent.
            LOG.warn("Cognito answered LimitExceededException ({})", flow);
        }
        if (e instanceof LimitExceededException
                || e instanceof TooManyRequestsException
                || e instanceof TooManyFailedAttemptsException) {
            return new ApiException(429, ErrorCodes.RATE_LIMITED, "Too many attempts; wait a while and try again");
        }
        return switch (flow) {
            case SIGN_IN ->
                e instanceof NotAuthorizedException
                                || e instanceof UserNotFoundException
                                || e instanceof InvalidPasswordException
                        ? new ApiException(401, ErrorCodes.AUTH_INVALID_CREDENTIALS, "Wrong e-mail address or password")
                        : e;
            case SIGN_UP ->
                e instanceof InvalidPasswordException || e instanceof InvalidParameterException
                        ? new ApiException(400, ErrorCodes.AUTH_VALIDATION_ERROR, "The sign-up details are not valid")
                        : e;
            case CODE ->
                e instanceof CodeMismatchException
                                || e instanceof ExpiredCodeException
                                || e instanceof EnableSoftwareTokenMfaException
                                || e instanceof UserNotFoundException
                                || e instanceof NotAuthorizedException
                        ? new ApiException(400, ErrorCodes.AUTH_INVALID_CODE, "The code is wrong or has expired")
                        : e instanceof InvalidPasswordException || e instanceof InvalidParameterException
                                ? new ApiException(400, ErrorCodes.AUTH_VALIDATION_ERROR, "The request is not valid")
                                : e;
            case TOKEN ->
                e instanceof NotAuthorizedException || e instanceof InvalidParameterException
                        ? new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "The token is not valid")
                        : e;
        };
    }
}
