package dev.cairn.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Props of {@link MediaBucket}. Every prop is optional.
 *
 * @param corsAllowedOrigins origins allowed to PUT (pre-signed), GET and HEAD from a browser,
 *     e.g. {@code https://app.example.com}; no wildcards. Default: no CORS rule, so browsers
 *     cannot upload directly.
 * @param corsAllowCloudFrontDomains also allow {@code https://*.cloudfront.net}, for a site served
 *     by a CloudFront distribution in another stack, whose generated name this bucket's stack
 *     cannot know without a dependency cycle. Safe because CORS guards no credential here: every
 *     request needs its own pre-signed signature. Default: false (only {@code corsAllowedOrigins}).
 * @param encryptionKey the KMS key for SSE-KMS. Default: a new customer managed key with yearly
 *     rotation (customer managed so a CDN's origin access control can be allowed to decrypt).
 * @param s3ManagedEncryption use SSE-S3 instead of SSE-KMS. Default: false (SSE-KMS); true is
 *     reported as a synth warning and fails the HIPAA/NIST/PCI "default encryption KMS" rules.
 * @param archivePrefix key prefix moved to Glacier Instant Retrieval (still readable by a
 *     pre-signed GET) after {@code archiveAfterDays}. Default: no archive rule.
 * @param archiveAfterDays days after creation that {@code archivePrefix} objects are archived
 *     (1..3650). Default: no archive rule; required with {@code archivePrefix}.
 * @param archiveTags object tags that an object under {@code archivePrefix} must all carry to be
 *     archived (S3 lifecycle filters have no wildcards: tag the objects to archive when writing
 *     them). Default: every object under {@code archivePrefix}.
 * @param noncurrentVersionExpirationDays days an overwritten or deleted object's old version is
 *     kept (1..3650). Default: 30.
 * @param serverAccessLogsBucket where S3 server access logs go. Default: a new private log bucket
 *     (SSE-S3, SSL only, versioned, logs kept {@code accessLogRetentionDays}).
 * @param serverAccessLogsPrefix key prefix of this bucket's access logs. Default: {@code "media/"}.
 * @param accessLogRetentionDays days the created log bucket keeps logs (90..3650). Default: 365;
 *     ignored when {@code serverAccessLogsBucket} is given.
 * @param uploadProcessor function invoked (via EventBridge, asynchronously, with retries and a
 *     dead-letter queue) for every object created under {@code uploads/} (or matching
 *     {@code uploadProcessorKeyPattern}). Default: none.
 * @param uploadProcessorKeyPattern EventBridge {@code wildcard} pattern of the object keys that
 *     invoke {@code uploadProcessor} ({@code *} matches any characters, {@code /} included), e.g.
 *     {@code images/*}{@code /original.*}. It must not match the keys the processor writes.
 *     Default: keys with prefix {@code uploads/}.
 * @param removalPolicy what happens to the bucket, its key and the created log bucket when they
 *     leave the stack. Default: RETAIN; anything else is reported as a synth warning.
 */
public record MediaBucketProps(
        List<String> corsAllowedOrigins,
        Boolean corsAllowCloudFrontDomains,
        IKey encryptionKey,
        Boolean s3ManagedEncryption,
        String archivePrefix,
        Integer archiveAfterDays,
        Map<String, String> archiveTags,
        Integer noncurrentVersionExpirationDays,
        IBucket serverAccessLogsBucket,
        String serverAccessLogsPrefix,
        Integer accessLogRetentionDays,
        IFunction uploadProcessor,
        String uploadProcessorKeyPattern,
        RemovalPolicy removalPolicy) {

    public MediaBucketProps {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        archiveTags = archiveTags == null ? Map.of() : Map.copyOf(archiveTags);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link MediaBucketProps}. */
    public static final class Builder {
        private List<String> corsAllowedOrigins;
        private Boolean corsAllowCloudFrontDomains;
        private IKey encryptionKey;
        private Boolean s3ManagedEncryption;
        private String archivePrefix;
        private Integer archiveAfterDays;
        private Map<String, String> archiveTags;
        private Integer noncurrentVersionExpirationDays;
        private IBucket serverAccessLogsBucket;
        private String serverAccessLogsPrefix;
        private Integer accessLogRetentionDays;
        private IFunction uploadProcessor;
        private String uploadProcessorKeyPattern;
        private RemovalPolicy removalPolicy;

        private Builder() {}

        public Builder corsAllowedOrigins(List<String> corsAllowedOrigins) {
            this.corsAllowedOrigins = corsAllowedOrigins;
            return this;
        }

        /** Default: false, only {@code corsAllowedOrigins}. */
        public Builder corsAllowCloudFrontDomains(Boolean corsAllowCloudFrontDomains) {
            this.corsAllowCloudFrontDomains = corsAllowCloudFrontDomains;
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public Builder s3ManagedEncryption(Boolean s3ManagedEncryption) {
            this.s3ManagedEncryption = s3ManagedEncryption;
            return this;
        }

        public Builder archivePrefix(String archivePrefix) {
            this.archivePrefix = archivePrefix;
            return this;
        }

        public Builder archiveAfterDays(Integer archiveAfterDays) {
            this.archiveAfterDays = archiveAfterDays;
            return this;
        }

        /** Default: every object under {@code archivePrefix} is archived. */
        public Builder archiveTags(Map<String, String> archiveTags) {
            this.archiveTags = archiveTags;
            return this;
        }

        /** Default: 30 days. */
        public Builder noncurrentVersionExpirationDays(Integer noncurrentVersionExpirationDays) {
            this.noncurrentVersionExpirationDays = noncurrentVersionExpirationDays;
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

        public Builder uploadProcessor(IFunction uploadProcessor) {
            this.uploadProcessor = uploadProcessor;
            return this;
        }

        public Builder uploadProcessorKeyPattern(String uploadProcessorKeyPattern) {
            this.uploadProcessorKeyPattern = uploadProcessorKeyPattern;
            return this;
        }

        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public MediaBucketProps build() {
            return new MediaBucketProps(
                    corsAllowedOrigins,
                    corsAllowCloudFrontDomains,
                    encryptionKey,
                    s3ManagedEncryption,
                    archivePrefix,
                    archiveAfterDays,
                    archiveTags,
                    noncurrentVersionExpirationDays,
                    serverAccessLogsBucket,
                    serverAccessLogsPrefix,
                    accessLogRetentionDays,
                    uploadProcessor,
                    uploadProcessorKeyPattern,
                    removalPolicy);
        }
    }
}
