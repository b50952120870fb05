package dev.cairn.constructs;

import java.util.List;
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
 * @param encryptionKey the KMS key for SSE-KMS. Default: a new customer managed key with yearly
 *     rotation (customer managed so a CDN's origin access control can be allowed to decrypt).
 * @param s3ManagedEncryption use SSE-S3 instead of SSE-KMS. Default: false (SSE-KMS); true is
 *     reported as a synth warning and fails the HIPAA/NIST/PCI "default encryption KMS" rules.
 * @param archivePrefix key prefix moved to Glacier after {@code archiveAfterDays}. Default: no
 *     archive rule.
 * @param archiveAfterDays days after creation that {@code archivePrefix} objects go to Glacier
 *     (1..3650). Default: no archive rule; required with {@code archivePrefix}.
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
        IKey encryptionKey,
        Boolean s3ManagedEncryption,
        String archivePrefix,
        Integer archiveAfterDays,
        IBucket serverAccessLogsBucket,
        String serverAccessLogsPrefix,
        Integer accessLogRetentionDays,
        IFunction uploadProcessor,
        String uploadProcessorKeyPattern,
        RemovalPolicy removalPolicy) {

    public MediaBucketProps {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link MediaBucketProps}. */
    public static final class Builder {
        private List<String> corsAllowedOrigins;
        private IKey encryptionKey;
        private Boolean s3ManagedEncryption;
        private String archivePrefix;
        private Integer archiveAfterDays;
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
                    encryptionKey,
                    s3ManagedEncryption,
                    archivePrefix,
                    archiveAfterDays,
                    serverAccessLogsBucket,
                    serverAccessLogsPrefix,
                    accessLogRetentionDays,
                    uploadProcessor,
                    uploadProcessorKeyPattern,
                    removalPolicy);
        }
    }
}
