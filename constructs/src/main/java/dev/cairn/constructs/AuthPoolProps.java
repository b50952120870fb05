package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * Props of {@link AuthPool}. Every prop is optional.
 *
 * @param mfa OPTIONAL or REQUIRED (OFF is rejected); the second factor is always TOTP. Default:
 *     OPTIONAL.
 * @param featurePlan the Cognito feature plan. Default: PLUS (threat protection); ESSENTIALS or
 *     LITE turn threat protection off and are reported as a synth warning.
 * @param threatProtectionMode threat protection for standard authentication (PLUS only).
 *     Default: FULL_FUNCTION (block risky sign-ins); AUDIT_ONLY is reported as a synth warning.
 * @param accessTokenValidity 5 minutes..1 day. Default: 1 hour.
 * @param idTokenValidity 5 minutes..1 day. Default: 1 hour.
 * @param refreshTokenValidity 1 hour..3650 days, longer than the other two. Default: 30 days.
 * @param domainPrefix prefix of a Cognito hosted domain ({@code PREFIX.auth.REGION.amazoncognito.com}).
 *     Default: no hosted domain.
 * @param oAuthCallbackUrls callback URLs for the authorization code grant (https, or
 *     http://localhost). Default: OAuth off on the client (API sign-in only).
 * @param groups user groups to create, e.g. {@code admin}; precedence follows list order.
 *     Default: none.
 * @param postConfirmation function run after a user confirms sign-up. Default: none.
 * @param preTokenGeneration function run before Cognito issues tokens, with the version two
 *     ({@code V2_0}) event that customizes access tokens, e.g. to suppress the scope
 *     {@code aws.cognito.signin.user.admin} so a user's access token cannot call Cognito's user
 *     APIs directly. Needs featurePlan ESSENTIALS or PLUS. Default: none (access tokens as Cognito
 *     issues them, with that scope).
 * @param deletionProtection Cognito deletion protection. Default: on; off is a synth warning.
 * @param removalPolicy what happens to the pool when it leaves the stack. Default: RETAIN;
 *     anything else is a synth warning.
 * @param googleSecret Secrets Manager secret with the Google OAuth client as JSON
 *     {@code {"clientId","clientSecret"}}; adds "Sign in with Google" (needs {@code domainPrefix}
 *     and {@code oAuthCallbackUrls}). Default: no Google sign-in.
 * @param appleSecret secret with the Sign in with Apple key as JSON
 *     {@code {"servicesId","teamId","keyId","privateKey"}} (needs {@code domainPrefix} and
 *     {@code oAuthCallbackUrls}). Default: no Apple sign-in.
 * @param facebookSecret secret with the Facebook app as JSON {@code {"clientId","clientSecret"}}
 *     (needs {@code domainPrefix} and {@code oAuthCallbackUrls}). Default: no Facebook sign-in.
 * @param emailFrom the address verification and reset codes come from, sent through Amazon SES
 *     in the stack's region (e.g. {@code no-reply@example.com}). Default: Cognito's own mailer,
 *     about 50 mails a day per account, for development only.
 * @param emailIdentity the SES identity that verifies {@code emailFrom}: its domain (e.g.
 *     {@code example.com}) or the address itself. Default: the domain of {@code emailFrom}.
 */
public record AuthPoolProps(
        Mfa mfa,
        FeaturePlan featurePlan,
        StandardThreatProtectionMode threatProtectionMode,
        Duration accessTokenValidity,
        Duration idTokenValidity,
        Duration refreshTokenValidity,
        String domainPrefix,
        List<String> oAuthCallbackUrls,
        List<String> groups,
        IFunction postConfirmation,
        IFunction preTokenGeneration,
        Boolean deletionProtection,
        RemovalPolicy removalPolicy,
        ISecret googleSecret,
        ISecret appleSecret,
        ISecret facebookSecret,
        String emailFrom,
        String emailIdentity) {

    public AuthPoolProps {
        oAuthCallbackUrls = oAuthCallbackUrls == null ? List.of() : List.copyOf(oAuthCallbackUrls);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link AuthPoolProps}. */
    public static final class Builder {
        private Mfa mfa;
        private FeaturePlan featurePlan;
        private StandardThreatProtectionMode threatProtectionMode;
        private Duration accessTokenValidity;
        private Duration idTokenValidity;
        private Duration refreshTokenValidity;
        private String domainPrefix;
        private List<String> oAuthCallbackUrls;
        private List<String> groups;
        private IFunction postConfirmation;
        private IFunction preTokenGeneration;
        private Boolean deletionProtection;
        private RemovalPolicy removalPolicy;
        private ISecret googleSecret;
        private ISecret appleSecret;
        private ISecret facebookSecret;
        private String emailFrom;
        private String emailIdentity;

        private Builder() {}

        public Builder mfa(Mfa mfa) {
            this.mfa = mfa;
            return this;
        }

        public Builder featurePlan(FeaturePlan featurePlan) {
            this.featurePlan = featurePlan;
            return this;
        }

        public Builder threatProtectionMode(StandardThreatProtectionMode threatProtectionMode) {
            this.threatProtectionMode = threatProtectionMode;
            return this;
        }

        public Builder accessTokenValidity(Duration accessTokenValidity) {
            this.accessTokenValidity = accessTokenValidity;
            return this;
        }

        public Builder idTokenValidity(Duration idTokenValidity) {
            this.idTokenValidity = idTokenValidity;
            return this;
        }

        public Builder refreshTokenValidity(Duration refreshTokenValidity) {
            this.refreshTokenValidity = refreshTokenValidity;
            return this;
        }

        public Builder domainPrefix(String domainPrefix) {
            this.domainPrefix = domainPrefix;
            return this;
        }

        public Builder oAuthCallbackUrls(List<String> oAuthCallbackUrls) {
            this.oAuthCallbackUrls = oAuthCallbackUrls;
            return this;
        }

        public Builder groups(List<String> groups) {
            this.groups = groups;
            return this;
        }

        public Builder postConfirmation(IFunction postConfirmation) {
            this.postConfirmation = postConfirmation;
            return this;
        }

        /** Default: none (access tokens keep {@code aws.cognito.signin.user.admin}). */
        public Builder preTokenGeneration(IFunction preTokenGeneration) {
            this.preTokenGeneration = preTokenGeneration;
            return this;
        }

        public Builder deletionProtection(Boolean deletionProtection) {
            this.deletionProtection = deletionProtection;
            return this;
        }

        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public Builder googleSecret(ISecret googleSecret) {
            this.googleSecret = googleSecret;
            return this;
        }

        public Builder appleSecret(ISecret appleSecret) {
            this.appleSecret = appleSecret;
            return this;
        }

        public Builder facebookSecret(ISecret facebookSecret) {
            this.facebookSecret = facebookSecret;
            return this;
        }

        /** Default: Cognito's own mailer (about 50 mails a day per account), for development only. */
        public Builder emailFrom(String emailFrom) {
            this.emailFrom = emailFrom;
            return this;
        }

        /** Default: the domain of {@code emailFrom}. */
        public Builder emailIdentity(String emailIdentity) {
            this.emailIdentity = emailIdentity;
            return this;
        }

        public AuthPoolProps build() {
            return new AuthPoolProps(
                    mfa,
                    featurePlan,
                    threatProtectionMode,
                    accessTokenValidity,
                    idTokenValidity,
                    refreshTokenValidity,
                    domainPrefix,
                    oAuthCallbackUrls,
                    groups,
                    postConfirmation,
                    preTokenGeneration,
                    deletionProtection,
                    removalPolicy,
                    googleSecret,
                    appleSecret,
                    facebookSecret,
                    emailFrom,
                    emailIdentity);
        }
    }
}
