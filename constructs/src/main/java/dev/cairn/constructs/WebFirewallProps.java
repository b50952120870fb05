package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Props of {@link WebFirewall}. Every prop is optional. The setters of {@link Builder} say what
 * each prop means and its default.
 *
 * @param regional see {@link Builder#regional}
 * @param rateLimit see {@link Builder#rateLimit}
 * @param authRateLimit see {@link Builder#authRateLimit}
 * @param authPathPrefix see {@link Builder#authPathPrefix}
 * @param commonRuleSetCountedRules see {@link Builder#commonRuleSetCountedRules}
 * @param largeBodyPathPrefix see {@link Builder#largeBodyPathPrefix}
 * @param largeBodyMaxBytes see {@link Builder#largeBodyMaxBytes}
 * @param logRetention see {@link Builder#logRetention}
 * @param logEncryptionKey see {@link Builder#logEncryptionKey}
 */
public record WebFirewallProps(
        Boolean regional,
        Integer rateLimit,
        Integer authRateLimit,
        String authPathPrefix,
        List<String> commonRuleSetCountedRules,
        String largeBodyPathPrefix,
        Integer largeBodyMaxBytes,
        RetentionDays logRetention,
        IKey logEncryptionKey) {

    public WebFirewallProps {
        commonRuleSetCountedRules =
                commonRuleSetCountedRules == null ? List.of() : List.copyOf(commonRuleSetCountedRules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link WebFirewallProps}. */
    public static final class Builder {
        private Boolean regional;
        private Integer rateLimit;
        private Integer authRateLimit;
        private String authPathPrefix;
        private List<String> commonRuleSetCountedRules;
        private String largeBodyPathPrefix;
        private Integer largeBodyMaxBytes;
        private RetentionDays logRetention;
        private IKey logEncryptionKey;

        private Builder() {}

        /**
         * Protect a regional resource (ALB, REST API, AppSync) instead of CloudFront.
         *
         * <p>Default: false (CLOUDFRONT scope; the stack must be in us-east-1).
         */
        public Builder regional(Boolean regional) {
            this.regional = regional;
            return this;
        }

        /**
         * Requests per client IP per 5 minutes before blocking, 10..2000000000.
         *
         * <p>Default: 2000.
         */
        public Builder rateLimit(Integer rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /**
         * The same, for paths under {@code authPathPrefix}; lower than {@code rateLimit}.
         *
         * <p>Default: 100 when {@code authPathPrefix} is given; rejected without it.
         */
        public Builder authRateLimit(Integer authRateLimit) {
            this.authRateLimit = authRateLimit;
            return this;
        }

        /**
         * Path prefix of the auth endpoints that {@code authRateLimit} guards, e.g. {@code
         * /api/auth/}; it starts with {@code /} and is lower case.
         *
         * <p>Default: no separate limit for auth paths (only {@code rateLimit}); {@code authRateLimit}
         * is then rejected.
         */
        public Builder authPathPrefix(String authPathPrefix) {
            this.authPathPrefix = authPathPrefix;
            return this;
        }

        /**
         * Rules of the common rule set to count instead of block (e.g. {@code SizeRestrictions_BODY}
         * for large JSON bodies).
         *
         * <p>Default: none, all rules block.
         */
        public Builder commonRuleSetCountedRules(List<String> commonRuleSetCountedRules) {
            this.commonRuleSetCountedRules = commonRuleSetCountedRules;
            return this;
        }

        /**
         * Path prefix (e.g. {@code /api/}) whose requests may carry bodies up to {@code
         * largeBodyMaxBytes} instead of the common rule set's 8 KB; the 8 KB limit still blocks
         * everywhere else.
         *
         * <p>Default: 8 KB on every path.
         */
        public Builder largeBodyPathPrefix(String largeBodyPathPrefix) {
            this.largeBodyPathPrefix = largeBodyPathPrefix;
            return this;
        }

        /**
         * The body limit under {@code largeBodyPathPrefix}, by the request's {@code Content-Length},
         * 8193..1073741824; required with {@code largeBodyPathPrefix}.
         *
         * <p>Default: 8 KB on every path.
         */
        public Builder largeBodyMaxBytes(Integer largeBodyMaxBytes) {
            this.largeBodyMaxBytes = largeBodyMaxBytes;
            return this;
        }

        /**
         * Retention of the WAF log group.
         *
         * <p>Default: one month.
         */
        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        /**
         * KMS key of the log group.
         *
         * <p>Default: a new key usable by CloudWatch Logs only.
         */
        public Builder logEncryptionKey(IKey logEncryptionKey) {
            this.logEncryptionKey = logEncryptionKey;
            return this;
        }

        public WebFirewallProps build() {
            return new WebFirewallProps(
                    regional,
                    rateLimit,
                    authRateLimit,
                    authPathPrefix,
                    commonRuleSetCountedRules,
                    largeBodyPathPrefix,
                    largeBodyMaxBytes,
                    logRetention,
                    logEncryptionKey);
        }
    }
}
