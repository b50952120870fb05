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
 * Props of {@link AuthPool}. Every prop is optional. The setters of {@link Builder} say what each
 * prop means and its default.
 *
 * @param mfa see {@link Builder#mfa}
 * @param featurePlan see {@link Builder#featurePlan}
 * @param threatProtectionMode see {@link Builder#threatProtectionMode}
 * @param accessTokenValidity see {@link Builder#accessTokenValidity}
 * @param idTokenValidity see {@link Builder#idTokenValidity}
 * @param refreshTokenValidity see {@link Builder#refreshTokenValidity}
 * @param domainPrefix see {@link Builder#domainPrefix}
 * @param oAuthCallbackUrls see {@link Builder#oAuthCallbackUrls}
 * @param groups see {@link Builder#groups}
 * @param postConfirmation see {@link Builder#postConfirmation}
 * @param preTokenGeneration see {@link Builder#preTokenGeneration}
 * @param deletionProtection see {@link Builder#deletionProtection}
 * @param removalPolicy see {@link Builder#removalPolicy}
 * @param googleSecret see {@link Builder#googleSecret}
 * @param appleSecret see {@link Builder#appleSecret}
 * @param facebookSecret see {@link Builder#facebookSecret}
 * @param emailFrom see {@link Builder#emailFrom}
 * @param emailIdentity see {@link Builder#emailIdentity}
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

        /**
         * OPTIONAL or REQUIRED (OFF is rejected); the second factor is always TOTP.
         *
         * <p>Default: OPTIONAL.
         */
        public Builder mfa(Mfa mfa) {
            this.mfa = mfa;
            return this;
        }

        /**
         * The Cognito feature plan.
         *
         * <p>Default: PLUS (threat protection); ESSENTIALS or LITE turn threat protection off and are
         * reported as a synth warning.
         */
        public Builder featurePlan(FeaturePlan featurePlan) {
            this.featurePlan = featurePlan;
            return this;
        }

        /**
         * Threat protection for standard authentication (PLUS only).
         *
         * <p>Default: FULL_FUNCTION (block risky sign-ins); AUDIT_ONLY is reported as a synth warning.
         */
        public Builder threatProtectionMode(StandardThreatProtectionMode threatProtectionMode) {
            this.threatProtectionMode = threatProtectionMode;
            return this;
        }

        /**
         * 5 minutes..1 day.
         *
         * <p>Default: 1 hour.
         */
        public Builder accessTokenValidity(Duration accessTokenValidity) {
            this.accessTokenValidity = accessTokenValidity;
            return this;
        }

        /**
         * 5 minutes..1 day.
         *
         * <p>Default: 1 hour.
         */
        public Builder idTokenValidity(Duration idTokenValidity) {
            this.idTokenValidity = idTokenValidity;
            return this;
        }

        /**
         * 1 hour..3650 days, longer than the other two.
         *
         * <p>Default: 30 days.
         */
        public Builder refreshTokenValidity(Duration refreshTokenValidity) {
            this.refreshTokenValidity = refreshTokenValidity;
            return this;
        }

        /**
         * Prefix of a Cognito hosted domain ({@code PREFIX.auth.REGION.amazoncognito.com}).
         *
         * <p>Default: no hosted domain.
         */
        public Builder domainPrefix(String domainPrefix) {
            this.domainPrefix = domainPrefix;
            return this;
        }

        /**
         * Callback URLs for the authorization code grant (https, or http://localhost).
         *
         * <p>Default: OAuth off on the client (API sign-in only).
         */
        public Builder oAuthCallbackUrls(List<String> oAuthCallbackUrls) {
            this.oAuthCallbackUrls = oAuthCallbackUrls;
            return this;
        }

        /**
         * User groups to create, e.g. {@code admin}; precedence follows list order.
         *
         * <p>Default: none.
         */
        public Builder groups(List<String> groups) {
            this.groups = groups;
            return this;
        }

        /**
         * Function run after a user confirms sign-up.
         *
         * <p>Default: none.
         */
        public Builder postConfirmation(IFunction postConfirmation) {
            this.postConfirmation = postConfirmation;
            return this;
        }

        /**
         * A function run before Cognito issues tokens, with the version two ({@code V2_0}) event
         * that customizes access tokens, e.g. to suppress the scope {@code
         * aws.cognito.signin.user.admin} so a user's access token cannot call Cognito's user APIs
         * directly. Needs featurePlan ESSENTIALS or PLUS.
         *
         * <p>Default: none (access tokens as Cognito issues them, with that scope).
         */
        public Builder preTokenGeneration(IFunction preTokenGeneration) {
            this.preTokenGeneration = preTokenGeneration;
            return this;
        }

        /**
         * Cognito deletion protection.
         *
         * <p>Default: on; off is a synth warning.
         */
        public Builder deletionProtection(Boolean deletionProtection) {
            this.deletionProtection = deletionProtection;
            return this;
        }

        /**
         * What happens to the pool when it leaves the stack.
         *
         * <p>Default: RETAIN; anything else is a synth warning.
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        /**
         * Secrets Manager secret with the Google OAuth client as JSON {@code
         * {"clientId","clientSecret"}}; adds "Sign in with Google" (needs {@code domainPrefix} and
         * {@code oAuthCallbackUrls}).
         *
         * <p>Default: no Google sign-in.
         */
        public Builder googleSecret(ISecret googleSecret) {
            this.googleSecret = googleSecret;
            return this;
        }

        /**
         * Secret with the Sign in with Apple key as JSON {@code
         * {"servicesId","teamId","keyId","privateKey"}} (needs {@code domainPrefix} and {@code
         * oAuthCallbackUrls}).
         *
         * <p>Default: no Apple sign-in.
         */
        public Builder appleSecret(ISecret appleSecret) {
            this.appleSecret = appleSecret;
            return this;
        }

        /**
         * Secret with the Facebook app as JSON {@code {"clientId","clientSecret"}} (needs {@code
         * domainPrefix} and {@code oAuthCallbackUrls}).
         *
         * <p>Default: no Facebook sign-in.
         */
        public Builder facebookSecret(ISecret facebookSecret) {
            this.facebookSecret = facebookSecret;
            return this;
        }

        /**
         * The address verification and reset codes come from, sent through Amazon SES in the stack's
         * region (e.g. {@code no-reply@example.com}).
         *
         * <p>Default: Cognito's own mailer, about 50 mails a day per account, for development only.
         */
        public Builder emailFrom(String emailFrom) {
            this.emailFrom = emailFrom;
            return this;
        }

        /**
         * The SES identity that verifies {@code emailFrom}: its domain (e.g. {@code example.com}) or
         * the address itself.
         *
         * <p>Default: the domain of {@code emailFrom}.
         */
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
