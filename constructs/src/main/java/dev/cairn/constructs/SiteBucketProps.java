package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.IDistribution;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Props of {@link SiteBucket}. Every prop is optional.
 *
 * @param encryptionKey a KMS key for SSE-KMS. Default: SSE-S3, because the objects are the public
 *     front end served to every visitor; a CDN reads them without a key policy to maintain.
 * @param serverAccessLogsBucket where S3 server access logs go. Default: a new private log bucket
 *     (SSE-S3, SSL only, versioned, logs kept {@code accessLogRetentionDays}).
 * @param serverAccessLogsPrefix key prefix of this bucket's access logs. Default: {@code "site/"}.
 * @param accessLogRetentionDays days the created log bucket keeps logs (90..3650). Default: 365;
 *     rejected with {@code serverAccessLogsBucket}.
 * @param sourcePath local folder of built site files (e.g. {@code "../web/dist"}) copied into the
 *     bucket on every deployment, deleting files no longer present. Default: nothing deployed
 *     (or later, with {@link SiteBucket#deploy}, when the distribution is built from this bucket).
 * @param distribution CloudFront distribution invalidated after each deployment; requires
 *     {@code sourcePath}. Default: no invalidation.
 * @param invalidationPaths paths invalidated in {@code distribution}, each starting with
 *     {@code /}. Default: {@code ["/*"]}.
 * @param removalPolicy what happens to the bucket (and the created log bucket) when they leave the
 *     stack. Default: RETAIN; anything else is reported as a synth warning.
 */
public record SiteBucketProps(
        IKey encryptionKey,
        IBucket serverAccessLogsBucket,
        String serverAccessLogsPrefix,
        Integer accessLogRetentionDays,
        String sourcePath,
        IDistribution distribution,
        List<String> invalidationPaths,
        RemovalPolicy removalPolicy) {

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

        private Builder() {}

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public Builder serverAccessLogsBucket(IBucket serverAccessLogsBucket) {
            this.serverAccessLogsBucket = serverAccessLogsBucket;
            return this;
        }

        public Builder serverAccessLogsPrefix(String serverAccessLogsPrefix) {
            this.serverAccessLogsPrefix = serverAccessLogsPrefix;
            return this;
        }

        public Builder accessLogRetentionDays(Integer accessLogRetentionDays) {
            this.accessLogRetentionDays = accessLogRetentionDays;
            return this;
        }

        public Builder sourcePath(String sourcePath) {
            this.sourcePath = sourcePath;
            return this;
        }

        public Builder distribution(IDistribution distribution) {
            this.distribution = distribution;
            return this;
        }

        public Builder invalidationPaths(List<String> invalidationPaths) {
            this.invalidationPaths = invalidationPaths;
            return this;
        }

        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
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
                    removalPolicy);
        }
    }
}
