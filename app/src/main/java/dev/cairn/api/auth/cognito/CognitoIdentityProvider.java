package dev.cairn.api.auth.cognito;

import com.nimbusds.jwt.SignedJWT;
import dev.cairn.api.auth.AuthSettings;
import dev.cairn.api.auth.IdentityProvider;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The {@link IdentityProvider} on Cognito's user API, through the app client (no secret, the
 * USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH flows). Cognito's exceptions become the API's auth
 * codes here, and nowhere else; their messages never reach a client.
 */
@Singleton
final class CognitoIdentityProvider implements IdentityProvider {

    private final CognitoIdentityProviderClient cognito;
    private final String clientId;
    private final String userPoolId;
    private final Clock clock;

    CognitoIdentityProvider(CognitoIdentityProviderClient cognito, AuthSettings settings) {
        this.cognito = cognito;
        this.clientId = settings.clientIds().getFirst();
        this.userPoolId = settings.userPoolId();
        this.clock = Clock.systemUTC();
    }

    @Override
    public String signUp(String email, String password, String name) {
        return call(Flow.SIGN_UP, () -> cognito.signUp(r -> r.clientId(clientId)
                        .username(email)
                        .password(password)
                        .userAttributes(a -> a.name("email").value(email), a -> a.name("name")
                                .value(name)))
                .userSub());
    }

    @Override
    public void confirmSignUp(String email, String code) {
        call(
                Flow.CODE,
                () -> cognito.confirmSignUp(
                        r -> r.clientId(clientId).username(email).confirmationCode(code)));
    }

    @Override
    public void resendCode(String email) {
        try {
            cognito.resendConfirmationCode(r -> r.clientId(clientId).username(email));
        } catch (UserNotFoundException | InvalidParameterException e) {
            // Unknown or already confirmed: answer as if a code went out, so addresses cannot be probed.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.CODE, e);
        }
    }

    @Override
    public SignIn signIn(String email, String password) {
        InitiateAuthResponse response = call(
                Flow.SIGN_IN,
                () -> cognito.initiateAuth(r -> r.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", password))));
        if (response.authenticationResult() != null) {
            return new SignIn(tokens(response.authenticationResult()), null);
        }
        if (response.challengeName() == ChallengeNameType.SOFTWARE_TOKEN_MFA) {
            return new SignIn(null, response.session());
        }
        throw new ApiException(
                403, ErrorCodes.AUTH_FORBIDDEN, "This account needs a sign-in step the API does not offer");
    }

    @Override
    public Tokens answerMfaChallenge(String email, String session, String code) {
        RespondToAuthChallengeResponse response = call(
                Flow.CODE,
                () -> cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                        .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                        .session(session)
                        .challengeResponses(Map.of("USERNAME", email, "SOFTWARE_TOKEN_MFA_CODE", code))));
        if (response.authenticationResult() == null) {
            throw new ApiException(400, ErrorCodes.AUTH_INVALID_CODE, "The code was not accepted");
        }
        return tokens(response.authenticationResult());
    }

    @Override
    public Tokens refresh(String refreshToken) {
        InitiateAuthResponse response = call(
                Flow.TOKEN,
                () -> cognito.initiateAuth(r -> r.clientId(clientId)
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));
        return tokens(response.authenticationResult());
    }

    @Override
    public void revoke(String refreshToken) {
        try {
            cognito.revokeToken(r -> r.clientId(clientId).token(refreshToken));
        } catch (NotAuthorizedException | InvalidParameterException e) {
            // Already revoked, expired or never valid: logging out again changes nothing.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
    }

    @Override
    public void forgotPassword(String email) {
        try {
            cognito.forgotPassword(r -> r.clientId(clientId).username(email));
        } catch (UserNotFoundException | NotAuthorizedException | InvalidParameterException e) {
            // The answer is the same whether or not the address has an account.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.CODE, e);
        }
    }

    @Override
    public void resetPassword(String email, String code, String newPassword) {
        call(
                Flow.CODE,
                () -> cognito.confirmForgotPassword(r -> r.clientId(clientId)
                        .username(email)
                        .confirmationCode(code)
                        .password(newPassword)));
    }

    @Override
    public String startTotpEnrolment(String accessToken) {
        return call(Flow.TOKEN, () -> cognito.associateSoftwareToken(r -> r.accessToken(accessToken))
                .secretCode());
    }

    @Override
    public void finishTotpEnrolment(String accessToken, String code) {
        VerifySoftwareTokenResponseType status = call(Flow.CODE, () -> cognito.verifySoftwareToken(
                        r -> r.accessToken(accessToken).userCode(code).friendlyDeviceName("authenticator"))
                .status());
        if (status != VerifySoftwareTokenResponseType.SUCCESS) {
            throw new ApiException(400, ErrorCodes.AUTH_INVALID_CODE, "The code was not accepted");
        }
        call(
                Flow.TOKEN,
                () -> cognito.setUserMFAPreference(r -> r.accessToken(accessToken)
                        .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true))));
    }

    @Override
    public void disableTotp(String accessToken) {
        call(
                Flow.TOKEN,
                () -> cognito.setUserMFAPreference(r -> r.accessToken(accessToken)
                        .softwareTokenMfaSettings(s -> s.enabled(false).preferredMfa(false))));
    }

    @Override
    public Map<String, String> attributes(String accessToken) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        try {
            cognito.getUser(r -> r.accessToken(accessToken))
                    .userAttributes()
                    .forEach(a -> attributes.put(a.name(), a.value()));
        } catch (UserNotFoundException e) {
            throw new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "The account no longer exists", e);
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
        return attributes;
    }

    @Override
    public java.util.Optional<Map<String, String>> findAttributes(String accessToken) {
        try {
            return java.util.Optional.of(attributes(accessToken));
        } catch (ApiException e) {
            if (e.getCause() instanceof UserNotFoundException) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void deleteUser(String accessToken) {
        try {
            cognito.deleteUser(r -> r.accessToken(accessToken));
        } catch (UserNotFoundException e) {
            // Gone already: deleting an account twice is the same as once.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
    }

    @Override
    public void signOutEverywhere(String username) {
        try {
            cognito.adminUserGlobalSignOut(r -> r.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException e) {
            // No user, no refresh tokens.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
    }

    @Override
    public void disableUser(String username) {
        try {
            cognito.adminDisableUser(r -> r.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException e) {
            // Gone already: nothing to disable.
        } catch (CognitoIdentityProviderException e) {
            throw translate(Flow.TOKEN, e);
        }
    }

    @Override
    public java.util.Optional<String> findUserId(String username) {
        try {
            return cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(username)).userAttributes().stream()
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
