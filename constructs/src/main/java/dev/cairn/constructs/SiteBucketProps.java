package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.IDistribution;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Props of {@link SiteBucket}. Every prop is optional. The setters of {@link Builder} say what each
 * prop means and its default.
 *
 * @param encryptionKey see {@link Builder#encryptionKey}
 * @param serverAccessLogsBucket see {@link Builder#serverAccessLogsBucket}
 * @param serverAccessLogsPrefix see {@link Builder#serverAccessLogsPrefix}
 * @param accessLogRetentionDays see {@link Builder#accessLogRetentionDays}
 * @param sourcePath see {@link Builder#sourcePath}
 * @param distribution see {@link Builder#distribution}
 * @param invalidationPaths see {@link Builder#invalidationPaths}
 * @param removalPolicy see {@link Builder#removalPolicy}
 * @param logEncryptionKey see {@link Builder#logEncryptionKey}
 * @param logRetention see {@link Builder#logRetention}
 */
public record SiteBucketProps(
        IKey encryptionKey,
        IBucket serverAccessLogsBucket,
        String serverAccessLogsPrefix,
        Integer accessLogRetentionDays,
        String sourcePath,
        IDistribution distribution,
        List<String> invalidationPaths,
        RemovalPolicy removalPolicy,
        IKey logEncryptionKey,
        RetentionDays logRetention) {

    public SiteBucketProps {
        invalidationPaths = invalidationPaths == null ? null : List.copyOf(invalidationPaths);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SiteBucketProps}. */
    public static final class Builder {
        private IKey encryptionKey;
        private IBucket serverAccessLogsBucket;
        private String serverAccessLogsPrefix;
        private Integer accessLogRetentionDays;
        private String sourcePath;
        private IDistribution distribution;
        private List<String> invalidationPaths;
        private RemovalPolicy removalPolicy;
        private IKey logEncryptionKey;
        private RetentionDays logRetention;

        private Builder() {}

        /**
         * A KMS key for SSE-KMS.
         *
         * <p>Default: SSE-S3, because the objects are the public front end served to every visitor; a
         * CDN reads them without a key policy to maintain.
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * Where S3 server access logs go.
         *
         * <p>Default: a new private log bucket (SSE-S3, SSL only, versioned, logs kept {@code
         * accessLogRetentionDays}).
         */
        public Builder serverAccessLogsBucket(IBucket serverAccessLogsBucket) {
            this.serverAccessLogsBucket = serverAccessLogsBucket;
            return this;
        }

        /**
         * Key prefix of this bucket's access logs.
         *
         * <p>Default: {@code "site/"}.
         */
        public Builder serverAccessLogsPrefix(String serverAccessLogsPrefix) {
            this.serverAccessLogsPrefix = serverAccessLogsPrefix;
            return this;
        }

        /**
         * Days the created log bucket keeps logs (90..3650).
         *
         * <p>Default: 365; rejected with {@code serverAccessLogsBucket}.
         */
        public Builder accessLogRetentionDays(Integer accessLogRetentionDays) {
            this.accessLogRetentionDays = accessLogRetentionDays;
            return this;
        }

        /**
         * Local folder of built site files (e.g. {@code "../web/dist"}) copied into the bucket on
         * every deployment, deleting files no longer present.
         *
         * <p>Default: nothing deployed (or later, with {@link SiteBucket#deploy}, when the distribution
         * is built from this bucket).
         */
        public Builder sourcePath(String sourcePath) {
            this.sourcePath = sourcePath;
            return this;
        }

        /**
         * CloudFront distribution invalidated after each deployment; requires {@code sourcePath}.
         *
         * <p>Default: no invalidation.
         */
        public Builder distribution(IDistribution distribution) {
            this.distribution = distribution;
            return this;
        }

        /**
         * Paths invalidated in {@code distribution}, each starting with {@code /}.
         *
         * <p>Default: {@code ["/*"]}.
         */
        public Builder invalidationPaths(List<String> invalidationPaths) {
            this.invalidationPaths = invalidationPaths;
            return this;
        }

        /**
         * What happens to the bucket (and the created log bucket) when they leave the stack.
         *
         * <p>Default: RETAIN; anything else is reported as a synth warning.
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        /**
         * The KMS key of the deployment handler's log group (CloudWatch Logs must be allowed to
         * use it), e.g. the stage's key for all data at rest.
         *
         * <p>Default: a key of its own.
         */
        public Builder logEncryptionKey(IKey logEncryptionKey) {
            this.logEncryptionKey = logEncryptionKey;
            return this;
        }

        /**
         * How long the deployment handler's logs are kept.
         *
         * <p>Default: one month.
         */
        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        public SiteBucketProps build() {
            return new SiteBucketProps(
                    encryptionKey,
                    serverAccessLogsBucket,
                    serverAccessLogsPrefix,
                    accessLogRetentionDays,
                    sourcePath,
                    distribution,
                    invalidationPaths,
                    removalPolicy,
                    logEncryptionKey,
                    logRetention);
        }
    }
}
