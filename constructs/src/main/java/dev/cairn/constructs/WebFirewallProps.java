package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Props of {@link WebFirewall}. Every prop is optional.
 *
 * @param regional protect a regional resource (ALB, REST API, AppSync) instead of CloudFront.
 *     Default: false (CLOUDFRONT scope; the stack must be in us-east-1).
 * @param rateLimit requests per client IP per 5 minutes before blocking, 10..2000000000. Default: 2000.
 * @param authRateLimit the same, for paths under {@code authPathPrefix}; lower than
 *     {@code rateLimit}. Default: 100.
 * @param authPathPrefix path prefix of the auth endpoints. Default: {@code /api/auth/}.
 * @param commonRuleSetCountedRules rules of the common rule set to count instead of block (e.g.
 *     {@code SizeRestrictions_BODY} for large JSON bodies). Default: none, all rules block.
 * @param largeBodyPathPrefix path prefix (e.g. {@code /api/}) whose requests may carry bodies up to
 *     {@code largeBodyMaxBytes} instead of the common rule set's 8 KB; the 8 KB limit still blocks
 *     everywhere else. Default: 8 KB on every path.
 * @param largeBodyMaxBytes the body limit under {@code largeBodyPathPrefix}, by the request's
 *     {@code Content-Length}, 8193..1073741824; required with {@code largeBodyPathPrefix}. Default:
 *     8 KB on every path.
 * @param logRetention retention of the WAF log group. Default: one month.
 * @param logEncryptionKey KMS key of the log group. Default: a new key usable by CloudWatch Logs only.
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

        public Builder regional(Boolean regional) {
            this.regional = regional;
            return this;
        }

        public Builder rateLimit(Integer rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        public Builder authRateLimit(Integer authRateLimit) {
            this.authRateLimit = authRateLimit;
            return this;
        }

        public Builder authPathPrefix(String authPathPrefix) {
            this.authPathPrefix = authPathPrefix;
            return this;
        }

        public Builder commonRuleSetCountedRules(List<String> commonRuleSetCountedRules) {
            this.commonRuleSetCountedRules = commonRuleSetCountedRules;
            return this;
        }

        /** Default: the common rule set's 8 KB body limit on every path. */
        public Builder largeBodyPathPrefix(String largeBodyPathPrefix) {
            this.largeBodyPathPrefix = largeBodyPathPrefix;
            return this;
        }

        /** Default: the common rule set's 8 KB body limit on every path. */
        public Builder largeBodyMaxBytes(Integer largeBodyMaxBytes) {
            this.largeBodyMaxBytes = largeBodyMaxBytes;
            return this;
        }

        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

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
