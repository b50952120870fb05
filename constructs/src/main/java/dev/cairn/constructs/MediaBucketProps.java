package dev.cairn.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Props of {@link MediaBucket}. Every prop is optional. The setters of {@link Builder} say what
 * each prop means and its default.
 *
 * @param corsAllowedOrigins see {@link Builder#corsAllowedOrigins}
 * @param corsAllowCloudFrontDomains see {@link Builder#corsAllowCloudFrontDomains}
 * @param encryptionKey see {@link Builder#encryptionKey}
 * @param s3ManagedEncryption see {@link Builder#s3ManagedEncryption}
 * @param archivePrefix see {@link Builder#archivePrefix}
 * @param archiveAfterDays see {@link Builder#archiveAfterDays}
 * @param archiveTags see {@link Builder#archiveTags}
 * @param noncurrentVersionExpirationDays see {@link Builder#noncurrentVersionExpirationDays}
 * @param noncurrentVersionArchiveDays see {@link Builder#noncurrentVersionArchiveDays}
 * @param serverAccessLogsBucket see {@link Builder#serverAccessLogsBucket}
 * @param serverAccessLogsPrefix see {@link Builder#serverAccessLogsPrefix}
 * @param accessLogRetentionDays see {@link Builder#accessLogRetentionDays}
 * @param uploadProcessor see {@link Builder#uploadProcessor}
 * @param uploadProcessorKeyPattern see {@link Builder#uploadProcessorKeyPattern}
 * @param uploadsPrefix see {@link Builder#uploadsPrefix}
 * @param intelligentTieringPrefix see {@link Builder#intelligentTieringPrefix}
 * @param removalPolicy see {@link Builder#removalPolicy}
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
        Integer noncurrentVersionArchiveDays,
        IBucket serverAccessLogsBucket,
        String serverAccessLogsPrefix,
        Integer accessLogRetentionDays,
        IFunction uploadProcessor,
        String uploadProcessorKeyPattern,
        String uploadsPrefix,
        String intelligentTieringPrefix,
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
        private Integer noncurrentVersionArchiveDays;
        private IBucket serverAccessLogsBucket;
        private String serverAccessLogsPrefix;
        private Integer accessLogRetentionDays;
        private IFunction uploadProcessor;
        private String uploadProcessorKeyPattern;
        private String uploadsPrefix;
        private String intelligentTieringPrefix;
        private RemovalPolicy removalPolicy;

        private Builder() {}

        /**
         * Origins allowed to PUT (pre-signed), GET and HEAD from a browser, e.g. {@code
         * https://app.example.com}; no wildcards.
         *
         * <p>Default: no CORS rule, so browsers cannot upload directly.
         */
        public Builder corsAllowedOrigins(List<String> corsAllowedOrigins) {
            this.corsAllowedOrigins = corsAllowedOrigins;
            return this;
        }

        /**
         * Also allow {@code https://*.cloudfront.net}, for a site served by a CloudFront
         * distribution in another stack, whose generated name this bucket's stack cannot know
         * without a dependency cycle. Safe because CORS guards no credential here: every request
         * needs its own pre-signed signature.
         *
         * <p>Default: false (only {@code corsAllowedOrigins}).
         */
        public Builder corsAllowCloudFrontDomains(Boolean corsAllowCloudFrontDomains) {
            this.corsAllowCloudFrontDomains = corsAllowCloudFrontDomains;
            return this;
        }

        /**
         * The KMS key for SSE-KMS.
         *
         * <p>Default: a new customer managed key with yearly rotation (customer managed so a CDN's
         * origin access control can be allowed to decrypt).
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * Use SSE-S3 instead of SSE-KMS.
         *
         * <p>Default: false (SSE-KMS); true is reported as a synth warning and fails the HIPAA/NIST/PCI
         * "default encryption KMS" rules.
         */
        public Builder s3ManagedEncryption(Boolean s3ManagedEncryption) {
            this.s3ManagedEncryption = s3ManagedEncryption;
            return this;
        }

        /**
         * Key prefix moved to Glacier Instant Retrieval (still readable by a pre-signed GET) after
         * {@code archiveAfterDays}.
         *
         * <p>Default: no archive rule.
         */
        public Builder archivePrefix(String archivePrefix) {
            this.archivePrefix = archivePrefix;
            return this;
        }

        /**
         * Days after creation that {@code archivePrefix} objects are archived (1..3650).
         *
         * <p>Default: no archive rule; required with {@code archivePrefix}.
         */
        public Builder archiveAfterDays(Integer archiveAfterDays) {
            this.archiveAfterDays = archiveAfterDays;
            return this;
        }

        /**
         * Object tags that an object under {@code archivePrefix} must all carry to be archived (S3
         * lifecycle filters have no wildcards: tag the objects to archive when writing them).
         *
         * <p>Default: every object under {@code archivePrefix}.
         */
        public Builder archiveTags(Map<String, String> archiveTags) {
            this.archiveTags = archiveTags;
            return this;
        }

        /**
         * Days an overwritten or deleted object's old version is kept (1..3650).
         *
         * <p>Default: 30.
         */
        public Builder noncurrentVersionExpirationDays(Integer noncurrentVersionExpirationDays) {
            this.noncurrentVersionExpirationDays = noncurrentVersionExpirationDays;
            return this;
        }

        /**
         * Days after which an old version moves to {@link StorageDefaults#NONCURRENT_ARCHIVE_STORAGE_CLASS}
         * (1..3650), before it expires: {@code noncurrentVersionExpirationDays} must then be later by
         * at least {@link StorageDefaults#NONCURRENT_ARCHIVE_MINIMUM_DAYS} (the class's minimum
         * storage duration, so an archived version is never deleted early at a charge). S3 by default
         * moves no object under 128 KiB.
         *
         * <p>Default: old versions stay in their storage class until they expire.
         */
        public Builder noncurrentVersionArchiveDays(Integer noncurrentVersionArchiveDays) {
            this.noncurrentVersionArchiveDays = noncurrentVersionArchiveDays;
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
         * <p>Default: {@code "media/"}.
         */
        public Builder serverAccessLogsPrefix(String serverAccessLogsPrefix) {
            this.serverAccessLogsPrefix = serverAccessLogsPrefix;
            return this;
        }

        /**
         * Days the created log bucket keeps logs (90..3650).
         *
         * <p>Default: 365; ignored when {@code serverAccessLogsBucket} is given.
         */
        public Builder accessLogRetentionDays(Integer accessLogRetentionDays) {
            this.accessLogRetentionDays = accessLogRetentionDays;
            return this;
        }

        /**
         * Function invoked (via EventBridge, asynchronously, with retries and a dead-letter queue)
         * for every object created under {@code uploadsPrefix} (or matching {@code
         * uploadProcessorKeyPattern}).
         *
         * <p>Default: none.
         */
        public Builder uploadProcessor(IFunction uploadProcessor) {
            this.uploadProcessor = uploadProcessor;
            return this;
        }

        /**
         * EventBridge {@code wildcard} pattern of the object keys that invoke {@code
         * uploadProcessor} ({@code *} matches any characters, {@code /} included), e.g. {@code
         * images/*}{@code /original.*}. It must not match the keys the processor writes.
         *
         * <p>Default: keys with prefix {@code uploadsPrefix}.
         */
        public Builder uploadProcessorKeyPattern(String uploadProcessorKeyPattern) {
            this.uploadProcessorKeyPattern = uploadProcessorKeyPattern;
            return this;
        }

        /**
         * Key folder where pre-signed browser uploads wait for processing: its objects (and their
         * old versions) expire after a day, and it is the default key filter of {@code
         * uploadProcessor}. A folder: no leading slash, a trailing slash, no wildcard.
         *
         * <p>Default: {@value MediaBucket#DEFAULT_UPLOADS_PREFIX}.
         */
        public Builder uploadsPrefix(String uploadsPrefix) {
            this.uploadsPrefix = uploadsPrefix;
            return this;
        }

        /**
         * Key folder whose objects move to S3 Intelligent-Tiering on their first day, e.g. processed
         * images that are read often at first and rarely later. A folder, not within {@code
         * uploadsPrefix} nor containing it.
         *
         * <p>Default: no tiering rule.
         */
        public Builder intelligentTieringPrefix(String intelligentTieringPrefix) {
            this.intelligentTieringPrefix = intelligentTieringPrefix;
            return this;
        }

        /**
         * What happens to the bucket, its key and the created log bucket when they leave the stack.
         *
         * <p>Default: RETAIN; anything else is reported as a synth warning.
         */
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
                    noncurrentVersionArchiveDays,
                    serverAccessLogsBucket,
                    serverAccessLogsPrefix,
                    accessLogRetentionDays,
                    uploadProcessor,
                    uploadProcessorKeyPattern,
                    uploadsPrefix,
                    intelligentTieringPrefix,
                    removalPolicy);
        }
    }
}
