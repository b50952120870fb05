package dev.cairn.api.auth;

import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The auth flows as the API offers them, over whichever {@link IdentityProvider} is configured:
 * password rules checked up front, e-mail addresses normalised, and the MFA session made
 * self-contained so that a client answers a challenge with just the session and the code.
 */
@Singleton
public final class AuthService {
    static final String TOTP_ISSUER = "Cairn";

    private final IdentityProvider identities;
    private final RevocationCheck revocations;
    private final AccessTokenVerifier verifier;
    private final ProfileOnSignIn profiles;

    AuthService(
            IdentityProvider identities,
            RevocationCheck revocations,
            AccessTokenVerifier verifier,
            ProfileOnSignIn profiles) {
        this.identities = identities;
        this.revocations = revocations;
        this.verifier = verifier;
        this.profiles = profiles;
    }

    public String register(String email, String password, String name) {
        requireStrong("password", password);
        return identities.signUp(normalise(email), password, name.strip());
    }

    public void confirm(String email, String code) {
        identities.confirmSignUp(normalise(email), code.strip());
    }

    public void resendCode(String email) {
        identities.resendCode(normalise(email));
    }

    public LoginResult login(String email, String password) {
        String address = normalise(email);
        IdentityProvider.SignIn signIn = identities.signIn(address, password);
        if (signIn.tokens() != null) {
            return new LoginResult(signedIn(signIn.tokens()), null);
        }
        return new LoginResult(null, MfaSession.encode(address, signIn.mfaSession()));
    }

    public IdentityProvider.Tokens answerMfa(String session, String code) {
        MfaSession decoded = MfaSession.decode(session);
        return signedIn(identities.answerMfaChallenge(decoded.email(), decoded.providerSession(), code.strip()));
    }

    /** Tokens of a new sign-in, once their user is sure to have a profile. */
    private IdentityProvider.Tokens signedIn(IdentityProvider.Tokens tokens) {
        try {
            String userId = verifier.verify(tokens.accessToken()).userId();
            profiles.ensureProfile(userId, tokens.accessToken());
            // This instance may remember the user without a profile; the profile may be new.
            revocations.forget(userId);
        } catch (TokenRejectedException e) {
            throw new IllegalStateException("The identity provider issued a token that does not verify", e);
        }
        return tokens;
    }

    public IdentityProvider.Tokens refresh(String refreshToken) {
        return identities.refresh(refreshToken);
    }

    /**
     * Revokes the refresh token and ends every access token its user holds. A refresh token is
     * opaque, so its user is learnt by using it once; one that no longer works has nothing left to
     * end.
     */
    public void logout(String refreshToken) {
        String userId;
        try {
            userId = verifier.verify(identities.refresh(refreshToken).accessToken())
                    .userId();
        } catch (ApiException | TokenRejectedException e) {
            identities.revoke(refreshToken);
            return;
        }
        identities.revoke(refreshToken);
        revocations.revokeAll(userId);
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

    public TotpEnrolment startTotp(String accessToken, AuthenticatedUser user) {
        String secret = identities.startTotpEnrolment(accessToken);
        String label = URLEncoder.encode(TOTP_ISSUER + ":" + user.username(), StandardCharsets.UTF_8);
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + TOTP_ISSUER
                + "&algorithm=SHA1&digits=6&period=30";
        return new TotpEnrolment(secret, uri);
    }

    public void finishTotp(String accessToken, String code) {
        identities.finishTotpEnrolment(accessToken, code.strip());
    }

    public void disableTotp(String accessToken) {
        identities.disableTotp(accessToken);
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
