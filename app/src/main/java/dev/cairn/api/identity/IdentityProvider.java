package dev.cairn.api.identity;

import io.micronaut.core.annotation.Nullable;

/**
 * What the API needs of a user directory. Cognito in AWS and cognito-local on the local stack
 * both answer through {@code CognitoIdentityProvider}; failures arrive as {@code ApiException}s
 * with the auth error codes.
 */
public interface IdentityProvider {

    /** Creates an unconfirmed user and sends a verification code; returns the user's id ({@code sub}). */
    String signUp(String email, String password, String name);

    void confirmSignUp(String email, String code);

    void resendCode(String email);

    /** The attributes of the address's account while it waits for confirmation; empty if it is confirmed or unknown. */
    java.util.Optional<java.util.Map<String, String>> pendingSignUp(String email);

    /**
     * Deletes the address's account if it still waits for confirmation, with the provider's admin
     * API; true if the address has no account afterwards, false if a confirmed one holds it.
     */
    boolean discardPendingSignUp(String email);

    /** Whether {@code password} is the one the address's unconfirmed account was signed up with. */
    boolean isPendingPassword(String email, String password);

    /** Password sign-in: tokens, or the MFA challenge the user must answer first. */
    SignIn signIn(String email, String password);

    Tokens answerMfaChallenge(String email, String session, String code);

    /** {@link #signIn(String, String)} with the caller described, so the provider can score the attempt's risk. */
    SignIn signIn(String email, String password, CallerContext caller);

    /** {@link #answerMfaChallenge(String, String, String)} with the caller described. */
    Tokens answerMfaChallenge(String email, String session, String code, CallerContext caller);

    /** New access and id tokens; {@code refreshToken} in the result only if the provider rotated it. */
    Tokens refresh(String refreshToken);

    /** Revokes a refresh token and the tokens issued from it. */
    void revoke(String refreshToken);

    void forgotPassword(String email);

    void resetPassword(String email, String code, String newPassword);

    /**
     * Which app client a sign-in is made on: {@link #USERS}, whose tokens go to users, or
     * {@link #ENROLMENT}, the API's internal client.
     */
    enum AppClient {
        /** The client users' sessions come from; its access tokens cannot call the provider's user APIs. */
        USERS,
        /**
         * The API's internal client, used only inside the API to enrol an authenticator: its access
         * tokens keep the provider's user-API scope, and its refresh tokens are revoked once used.
         */
        ENROLMENT
    }

    /** {@link #signIn(String, String, CallerContext)} on {@code client}. */
    SignIn signIn(AppClient client, String email, String password, CallerContext caller);

    /** {@link #answerMfaChallenge(String, String, String, CallerContext)} on {@code client}. */
    Tokens answerMfaChallenge(AppClient client, String email, String session, String code, CallerContext caller);

    /** {@link #revoke(String)} for a refresh token {@code client} issued. */
    void revoke(AppClient client, String refreshToken);

    /**
     * Starts TOTP enrolment for the token's user: the shared secret for an authenticator app.
     * {@code enrolmentAccessToken} comes from a sign-in on {@link AppClient#ENROLMENT}.
     */
    String startTotpEnrolment(String enrolmentAccessToken);

    /**
     * Finishes enrolment with a code from the authenticator; MFA is on afterwards, set with the
     * provider's admin API for {@code username}. {@code enrolmentAccessToken} comes from a sign-in
     * on {@link AppClient#ENROLMENT}.
     */
    void finishTotpEnrolment(String enrolmentAccessToken, String username, String code);

    /** Turns TOTP off for the user, with the provider's admin API. */
    void disableTotp(String username);

    /**
     * The user's attributes ({@code email}, {@code name}, ...), read with the provider's admin API;
     * {@code username} as the verified access token names the user.
     */
    java.util.Map<String, String> attributes(String username);

    /** The attributes, or empty if the user no longer exists. */
    java.util.Optional<java.util.Map<String, String>> findAttributes(String username);

    /** Deletes the user with the provider's admin API; deleting a user that is gone already is not an error. */
    void deleteUser(String username);

    /**
     * Revokes every refresh token the user holds (Cognito's global sign-out); a user that no
     * longer exists is not an error. {@code username} may be the e-mail address.
     */
    void signOutEverywhere(String username);

    /** Disables the user: no sign-in and no refresh until enabled again; a user that no longer exists is not an error. */
    void disableUser(String username);

    /** The user's id ({@code sub}), or empty if there is no such user; {@code username} may be the e-mail address. */
    java.util.Optional<String> findUserId(String username);

    /** The result of a password sign-in: exactly one of {@code tokens} and {@code mfaSession} is set. */
    record SignIn(@Nullable Tokens tokens, @Nullable String mfaSession) {}

    /** Tokens as issued; {@code expiresIn} in seconds. */
    record Tokens(
            String accessToken,
            @Nullable String idToken,
            @Nullable String refreshToken,
            long expiresIn) {}
}
