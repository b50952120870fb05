package dev.cairn.api.auth;

import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.CallerContext;
import dev.cairn.api.identity.IdentityProvider;
import dev.cairn.api.identity.ProfileOnSignIn;
import dev.cairn.api.identity.SignInSessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The auth flows as the API offers them, over whichever {@link IdentityProvider} is configured:
 * password rules checked up front, e-mail addresses normalised, and the MFA session made
 * self-contained so that a client answers a challenge with just the session and the code.
 */
@Singleton
public final class AuthService {
    static final String TOTP_ISSUER = "Cairn";

    /** A session's last use is noted at most this often. */
    static final Duration LAST_USED_STEP = Duration.ofMinutes(5);

    static final int MAX_USER_AGENT = 256;

    private final IdentityProvider identities;
    private final RevocationCheck revocations;
    private final AccessTokenVerifier verifier;
    private final ProfileOnSignIn profiles;
    private final SignInSessions sessions;

    AuthService(
            IdentityProvider identities,
            RevocationCheck revocations,
            AccessTokenVerifier verifier,
            ProfileOnSignIn profiles,
            SignInSessions sessions) {
        this.identities = identities;
        this.revocations = revocations;
        this.verifier = verifier;
        this.profiles = profiles;
        this.sessions = sessions;
    }

    /**
     * Signs up. An address whose account still waits for confirmation is taken over by the newest
     * sign-up: the pending account (and the password it was made with) is deleted first. A
     * confirmed address stays 409 {@code AUTH_USER_EXISTS}.
     */
    public String register(String email, String password, String name) {
        requireStrong("password", password);
        String address = normalise(email);
        try {
            return identities.signUp(address, password, name.strip());
        } catch (ApiException e) {
            if (!ErrorCodes.AUTH_USER_EXISTS.equals(e.code()) || !identities.discardPendingSignUp(address)) {
                throw e;
            }
            return identities.signUp(address, password, name.strip());
        }
    }

    public void confirm(String email, String code) {
        identities.confirmSignUp(normalise(email), code.strip());
    }

    /**
     * A new verification code for an account that waits for confirmation. Whoever asks may not be
     * whoever signed up, so the pending password survives only if the caller gives it: otherwise
     * the pending account is replaced by one with the same name and a password nobody knows, and
     * its owner chooses a password through forgot-password after confirming. The answer is the same
     * in every case.
     */
    public void resendCode(String email, @Nullable String password) {
        String address = normalise(email);
        Optional<Map<String, String>> pending = identities.pendingSignUp(address);
        if (pending.isEmpty()) {
            return;
        }
        if (password != null && identities.isPendingPassword(address, password)) {
            identities.resendCode(address);
            return;
        }
        if (identities.discardPendingSignUp(address)) {
            String name = pending.get().getOrDefault("name", "");
            identities.signUp(address, unusablePassword(), name.isBlank() ? address : name);
        }
    }

    public LoginResult login(String email, String password, CallerContext caller) {
        String address = normalise(email);
        IdentityProvider.SignIn signIn = identities.signIn(address, password, caller);
        if (signIn.tokens() != null) {
            return new LoginResult(signedIn(signIn.tokens(), caller), null);
        }
        return new LoginResult(null, MfaSession.encode(address, signIn.mfaSession()));
    }

    public IdentityProvider.Tokens answerMfa(String session, String code, CallerContext caller) {
        MfaSession decoded = MfaSession.decode(session);
        return signedIn(
                identities.answerMfaChallenge(decoded.email(), decoded.providerSession(), code.strip(), caller),
                caller);
    }

    /** Tokens of a new sign-in, once their user is sure to have a profile and the session is on record. */
    private IdentityProvider.Tokens signedIn(IdentityProvider.Tokens tokens, CallerContext caller) {
        AccessTokenVerifier.VerifiedToken verified = verified(tokens);
        String userId = verified.user().userId();
        profiles.ensureProfile(userId, verified.user().username());
        if (verified.originJti() != null) {
            Instant now = Instant.now();
            sessions.record(
                    userId,
                    new SignInSessions.Session(
                            verified.originJti(),
                            now,
                            now,
                            clipped(caller.headers().get("user-agent"), MAX_USER_AGENT),
                            clipped(caller.headers().get("cloudfront-viewer-country"), 2),
                            now.plus(SignInSessions.LIFETIME)));
        }
        return tokens;
    }

    /**
     * New tokens from a refresh token, unless its session was ended: then the refresh token is
     * revoked and the answer is 401 {@code AUTH_UNAUTHORIZED}. The session's last use is noted at
     * most every {@link #LAST_USED_STEP}.
     */
    public IdentityProvider.Tokens refresh(String refreshToken) {
        IdentityProvider.Tokens tokens = identities.refresh(refreshToken);
        AccessTokenVerifier.VerifiedToken verified = verified(tokens);
        String originJti = verified.originJti();
        if (originJti == null) {
            return tokens;
        }
        String userId = verified.user().userId();
        if (revocations.check(userId, verified.issuedAt(), originJti) == RevocationCheck.Verdict.REVOKED) {
            identities.revoke(refreshToken);
            throw new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "This session has ended; log in again");
        }
        Instant now = Instant.now();
        sessions.touch(userId, originJti, now, now.minus(LAST_USED_STEP));
        return tokens;
    }

    /**
     * Ends the refresh token's session: the refresh token is revoked and every access token of the
     * same sign-in stops working; the user's other sessions go on. A refresh token is opaque, so
     * its session is learnt by using it once; one that no longer works has nothing left to end.
     */
    public void logout(String refreshToken) {
        AccessTokenVerifier.VerifiedToken verified;
        try {
            verified = verifier.verifyToken(identities.refresh(refreshToken).accessToken());
        } catch (ApiException | TokenRejectedException e) {
            identities.revoke(refreshToken);
            return;
        }
        identities.revoke(refreshToken);
        if (verified.originJti() == null) {
            revocations.revokeAll(verified.user().userId());
        } else {
            revocations.endSession(verified.user().userId(), verified.originJti());
        }
    }

    /** The caller's sessions, newest first; {@code current} marks the one of {@code accessToken}. */
    public List<SessionView> sessions(AuthenticatedUser user, String accessToken) {
        String current = currentSession(accessToken);
        return sessions.list(user.userId(), Instant.now()).stream()
                .sorted(Comparator.comparing(SignInSessions.Session::createdAt)
                        .thenComparing(SignInSessions.Session::id)
                        .reversed())
                .map(s -> new SessionView(
                        s.id(), s.createdAt(), s.lastUsedAt(), s.userAgent(), s.country(), s.id().equals(current)))
                .toList();
    }

    /**
     * Ends one of the caller's sessions (it may be the current one); false if the caller has no
     * such session.
     */
    public boolean endSession(AuthenticatedUser user, String sessionId) {
        boolean owned = sessions.list(user.userId(), Instant.now()).stream().anyMatch(s -> s.id().equals(sessionId));
        return owned && revocations.endSession(user.userId(), sessionId);
    }

    private String currentSession(String accessToken) {
        try {
            return verifier.verifyToken(accessToken).originJti();
        } catch (TokenRejectedException e) {
            throw new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "The access token is not valid");
        }
    }

    private AccessTokenVerifier.VerifiedToken verified(IdentityProvider.Tokens tokens) {
        try {
            return verifier.verifyToken(tokens.accessToken());
        } catch (TokenRejectedException e) {
            throw new IllegalStateException("The identity provider issued a token that does not verify", e);
        }
    }

    private static @Nullable String clipped(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    /** Revokes every refresh token of the user and ends every access token they hold, everywhere. */
    public void logoutEverywhere(AuthenticatedUser user) {
        identities.signOutEverywhere(user.username());
        revocations.revokeAll(user.userId());
    }

    /**
     * An administrator disables a user: Cognito refuses their sign-ins and refresh tokens, and
     * every access token they hold stops working. Returns false if there is no such user.
     */
    public boolean disable(String userId) {
        if (identities.findUserId(userId).isEmpty()) {
            return false;
        }
        identities.disableUser(userId);
        identities.signOutEverywhere(userId);
        revocations.revokeAll(userId);
        return true;
    }

    public void forgotPassword(String email) {
        identities.forgotPassword(normalise(email));
    }

    public void resetPassword(String email, String code, String newPassword) {
        requireStrong("newPassword", newPassword);
        String address = normalise(email);
        identities.resetPassword(address, code.strip(), newPassword);
        // Whoever knew the old password may hold tokens: every session of the account ends.
        identities.signOutEverywhere(address);
        identities.findUserId(address).ifPresent(revocations::revokeAll);
    }

    /**
     * Starts TOTP enrolment once the caller has proven who they are: a bearer token alone could
     * be stolen, so the password (and the current code, when TOTP is on already) is asked too.
     * The proof is a sign-in on the API's internal client, whose access token alone may call the
     * provider's enrolment API; its refresh token is revoked at once.
     */
    public TotpEnrolment startTotp(
            AuthenticatedUser user, String password, @Nullable String code, CallerContext caller) {
        IdentityProvider.Tokens enrolment =
                signInAgain(IdentityProvider.AppClient.ENROLMENT, user, password, code, "code", caller);
        String secret;
        try {
            secret = identities.startTotpEnrolment(enrolment.accessToken());
        } finally {
            revoke(IdentityProvider.AppClient.ENROLMENT, enrolment);
        }
        String label = URLEncoder.encode(TOTP_ISSUER + ":" + user.username(), StandardCharsets.UTF_8);
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + TOTP_ISSUER
                + "&algorithm=SHA1&digits=6&period=30";
        return new TotpEnrolment(secret, uri);
    }

    /**
     * Turns TOTP on with {@code code} from the new authenticator, once the caller has signed in
     * again with the password on the internal client (and {@code currentCode} from the authenticator
     * in use, when TOTP is on already): a stolen bearer token alone cannot finish an enrolment.
     */
    public void finishTotp(
            AuthenticatedUser user, String password, String code, @Nullable String currentCode, CallerContext caller) {
        IdentityProvider.Tokens enrolment =
                signInAgain(IdentityProvider.AppClient.ENROLMENT, user, password, currentCode, "currentCode", caller);
        try {
            identities.finishTotpEnrolment(enrolment.accessToken(), user.username(), code.strip());
        } finally {
            revoke(IdentityProvider.AppClient.ENROLMENT, enrolment);
        }
    }

    /** Turns TOTP off once the caller has signed in again: the password and a current code. */
    public void disableTotp(AuthenticatedUser user, String password, @Nullable String code, CallerContext caller) {
        revoke(
                IdentityProvider.AppClient.USERS,
                signInAgain(IdentityProvider.AppClient.USERS, user, password, code, "code", caller));
        identities.disableTotp(user.username());
    }

    /**
     * Signs the user in again on {@code client} with {@code password}, answering the TOTP
     * challenge with {@code code} when the account has one; the caller revokes the refresh token
     * that sign-in issued (it is proof, not a session). A wrong password is 401
     * {@code AUTH_INVALID_CREDENTIALS}; a missing code where one is needed is a field error naming
     * {@code codeField}, a wrong one 400 {@code AUTH_INVALID_CODE}.
     */
    private IdentityProvider.Tokens signInAgain(
            IdentityProvider.AppClient client,
            AuthenticatedUser user,
            String password,
            @Nullable String code,
            String codeField,
            CallerContext caller) {
        String email = identities.attributes(user.username()).get("email");
        if (email == null) {
            throw new ApiException(403, ErrorCodes.AUTH_FORBIDDEN, "The account has no e-mail address to sign in with");
        }
        IdentityProvider.SignIn signIn = identities.signIn(client, email, password, caller);
        if (signIn.tokens() != null) {
            return signIn.tokens();
        }
        if (code == null || code.isBlank()) {
            throw new ApiException(
                    400,
                    ErrorCodes.AUTH_VALIDATION_ERROR,
                    "Two-factor sign-in is on: give a current code from the authenticator too",
                    List.of(new ApiError.FieldError(codeField, "a current code from the authenticator is required")));
        }
        return identities.answerMfaChallenge(client, email, signIn.mfaSession(), code.strip(), caller);
    }

    private void revoke(IdentityProvider.AppClient client, IdentityProvider.Tokens tokens) {
        if (tokens.refreshToken() != null) {
            identities.revoke(client, tokens.refreshToken());
        }
    }

    /** A password that meets every rule and is never stored or shown anywhere. */
    static String unusablePassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "Aa1!";
    }

    private static void requireStrong(String field, String password) {
        List<ApiError.FieldError> problems = PasswordPolicy.violations(field, password);
        if (!problems.isEmpty()) {
            throw new ApiException(
                    400, ErrorCodes.AUTH_VALIDATION_ERROR, "The password does not meet the password rules", problems);
        }
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** A login's outcome: tokens, or an MFA session to answer at {@code /api/auth/login/mfa}. */
    public record LoginResult(IdentityProvider.Tokens tokens, String mfaSession) {}

    /** One signed-in device as the user sees it; {@code current} is the one asking. */
    @Serdeable
    public record SessionView(
            String id,
            Instant createdAt,
            Instant lastUsedAt,
            @Nullable String userAgent,
            @Nullable String country,
            boolean current) {}

    /** What an authenticator app needs to enrol. */
    @Serdeable
    public record TotpEnrolment(String secretCode, String otpauthUri) {}

    /** The provider's challenge session with the e-mail it belongs to, as one opaque string. */
    record MfaSession(String email, String providerSession) {
        private static final String PREFIX = "mfa1.";

        static String encode(String email, String providerSession) {
            return PREFIX
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8))
                    + "." + providerSession;
        }

        static MfaSession decode(String session) {
            int dot = session.indexOf('.', PREFIX.length());
            if (!session.startsWith(PREFIX) || dot < 0 || dot == session.length() - 1) {
                throw new ApiException(400, ErrorCodes.AUTH_INVALID_CODE, "The MFA session is not valid; log in again");
            }
            try {
                String email = new String(
                        Base64.getUrlDecoder().decode(session.substring(PREFIX.length(), dot)), StandardCharsets.UTF_8);
                return new MfaSession(email, session.substring(dot + 1));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, ErrorCodes.AUTH_INVALID_CODE, "The MFA session is not valid; log in again");
            }
        }
    }
}
