package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;

/** Secure defaults of the auth tier (Cognito). */
public final class AuthDefaults {

    public static final Duration ACCESS_TOKEN_VALIDITY = Duration.hours(1);
    public static final Duration ID_TOKEN_VALIDITY = Duration.hours(1);
    public static final Duration REFRESH_TOKEN_VALIDITY = Duration.days(30);

    /** Google sign-in: OpenID Connect identity, e-mail and profile. */
    public static final List<String> GOOGLE_SCOPES = List.of("openid", "email", "profile");
    /** Sign in with Apple: e-mail and name (Apple sends them on the first sign-in only). */
    public static final List<String> APPLE_SCOPES = List.of("email", "name");
    /** Facebook Login: public profile and e-mail. */
    public static final List<String> FACEBOOK_SCOPES = List.of("public_profile", "email");

    private AuthDefaults() {}

    /** At least 8 characters with upper, lower, digit and symbol; temporary passwords last 3 days. */
    public static PasswordPolicy passwordPolicy() {
        return PasswordPolicy.builder()
                .minLength(8)
                .requireUppercase(true)
                .requireLowercase(true)
                .requireDigits(true)
                .requireSymbols(true)
                .tempPasswordValidity(Duration.days(3))
                .build();
    }

    public static Mfa mfa() {
        return Mfa.OPTIONAL;
    }

    /** Authenticator apps only: SMS is phishable, costs per message and needs an SNS role. */
    public static MfaSecondFactor mfaSecondFactor() {
        return MfaSecondFactor.builder().otp(true).sms(false).build();
    }

    public static AccountRecovery accountRecovery() {
        return AccountRecovery.EMAIL_ONLY;
    }

    /** Plus: the plan that carries threat protection (compromised credentials, adaptive auth). */
    public static FeaturePlan featurePlan() {
        return FeaturePlan.PLUS;
    }

    public static StandardThreatProtectionMode threatProtectionMode() {
        return StandardThreatProtectionMode.FULL_FUNCTION;
    }
}
