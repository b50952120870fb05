package dev.cairn.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.TargetObjectKeyFormat;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/** Secure defaults of the storage tier (S3). */
public final class StorageDefaults {

    /** Every CloudFront distribution's generated domain, as a CORS origin. */
    public static final String CLOUDFRONT_ORIGINS = "https://*.cloudfront.net";

    public static final int ABORT_INCOMPLETE_MULTIPART_DAYS = 7;
    public static final int UPLOADS_EXPIRE_DAYS = 1;
    /** Overwritten and deleted objects stay recoverable this long, then go. */
    public static final int NONCURRENT_VERSION_EXPIRE_DAYS = 30;
    /**
     * Archived objects stay readable by a plain (pre-signed) GET in milliseconds, unlike Glacier
     * Flexible Retrieval or Deep Archive, which need a restore first.
     */
    public static final StorageClass ARCHIVE_STORAGE_CLASS = StorageClass.GLACIER_INSTANT_RETRIEVAL;

    /** Where old versions go with {@code noncurrentVersionArchiveDays}: Glacier Flexible Retrieval. */
    public static final StorageClass NONCURRENT_ARCHIVE_STORAGE_CLASS = StorageClass.GLACIER;

    /**
     * Glacier Flexible Retrieval's minimum storage duration: an archived version expiring sooner
     * is charged as if kept this long.
     */
    public static final int NONCURRENT_ARCHIVE_MINIMUM_DAYS = 90;

    public static final int ACCESS_LOG_RETENTION_DAYS = 365;
    /** Old versions of site files: long enough to roll a bad front-end deployment back. */
    public static final int SITE_NONCURRENT_EXPIRE_DAYS = 30;
    /** The deployment handler unzips and syncs the site: more memory is more CPU and network. */
    public static final int SITE_DEPLOYMENT_MEMORY_MB = 512;
    /** Everything: a front-end build changes hashed file names and the index that points to them. */
    public static final List<String> SITE_INVALIDATION_PATHS = List.of("/*");
    /** TLS below 1.2 is refused by the bucket policy. */
    public static final double MINIMUM_TLS_VERSION = 1.2;

    private StorageDefaults() {}

    /** Customer managed so a CDN's origin access control can be granted decrypt. */
    public static Key bucketKey(Construct scope, String id, RemovalPolicy removalPolicy) {
        return Key.Builder.create(scope, id)
                .description("Encrypts " + scope.getNode().getPath() + " objects")
                .enableKeyRotation(true)
                .removalPolicy(removalPolicy)
                .build();
    }

    /** Browser uploads by pre-signed PUT, and reads, from the given origins only. */
    public static CorsRule presignedUploadCors(List<String> allowedOrigins) {
        return CorsRule.builder()
                .allowedOrigins(allowedOrigins)
                .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD))
                .allowedHeaders(List.of("Content-Type", "Content-MD5", "x-amz-*"))
                .exposedHeaders(List.of("ETag"))
                .maxAge(3000)
                .build();
    }

    public static LifecycleRule abortIncompleteMultipartUploads() {
        return LifecycleRule.builder()
                .id("AbortIncompleteMultipartUploads")
                .abortIncompleteMultipartUploadAfter(Duration.days(ABORT_INCOMPLETE_MULTIPART_DAYS))
                .build();
    }

    /** Unprocessed uploads under {@code prefix} (and their old versions) are gone after a day. */
    public static LifecycleRule expireUploads(String prefix) {
        return LifecycleRule.builder()
                .id("ExpireUploads")
                .prefix(prefix)
                .expiration(Duration.days(UPLOADS_EXPIRE_DAYS))
                .noncurrentVersionExpiration(Duration.days(UPLOADS_EXPIRE_DAYS))
                .build();
    }

    /**
     * Objects under {@code prefix} move to S3 Intelligent-Tiering on their first day. The rule's id
     * predates the prefix being a prop (it was the processed images') and stays, so deployed
     * buckets see no change.
     */
    public static LifecycleRule intelligentTiering(String prefix) {
        return LifecycleRule.builder()
                .id("ImagesToIntelligentTiering")
                .prefix(prefix)
                .transitions(List.of(Transition.builder()
                        .storageClass(StorageClass.INTELLIGENT_TIERING)
                        .transitionAfter(Duration.days(0))
                        .build()))
                .build();
    }

    /** Old versions of overwritten or deleted objects are gone {@code days} after they were replaced. */
    public static LifecycleRule expireNoncurrentVersions(int days) {
        return LifecycleRule.builder()
                .id("ExpireNoncurrentVersions")
                .noncurrentVersionExpiration(Duration.days(days))
                .expiredObjectDeleteMarker(true)
                .build();
    }

    /**
     * Old versions of overwritten or deleted objects move to {@link #NONCURRENT_ARCHIVE_STORAGE_CLASS}
     * {@code archiveDays} after they were replaced, and are gone {@code days} after (later).
     */
    public static LifecycleRule archiveThenExpireNoncurrentVersions(int archiveDays, int days) {
        return LifecycleRule.builder()
                .id("ExpireNoncurrentVersions")
                .noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                        .storageClass(NONCURRENT_ARCHIVE_STORAGE_CLASS)
                        .transitionAfter(Duration.days(archiveDays))
                        .build()))
                .noncurrentVersionExpiration(Duration.days(days))
                .expiredObjectDeleteMarker(true)
                .build();
    }

    /** Site files replaced by a deployment are kept {@link #SITE_NONCURRENT_EXPIRE_DAYS} days. */
    public static LifecycleRule expireNoncurrentSiteVersions() {
        return LifecycleRule.builder()
                .id("ExpireNoncurrentVersions")
                .noncurrentVersionExpiration(Duration.days(SITE_NONCURRENT_EXPIRE_DAYS))
                .expiredObjectDeleteMarker(true)
                .build();
    }

    /**
     * Objects under {@code prefix} that carry every tag of {@code tags} (S3 filters have no
     * wildcards: a tag is how objects deeper in the key, e.g. {@code private/USER/receipts/}, are
     * picked) move to {@link #ARCHIVE_STORAGE_CLASS} {@code afterDays} after creation.
     */
    public static LifecycleRule archive(String prefix, Map<String, String> tags, int afterDays) {
        LifecycleRule.Builder rule = LifecycleRule.builder()
                .id("Archive")
                .prefix(prefix)
                .transitions(List.of(Transition.builder()
                        .storageClass(ARCHIVE_STORAGE_CLASS)
                        .transitionAfter(Duration.days(afterDays))
                        .build()));
        if (!tags.isEmpty()) {
            rule.tagFilters(Map.copyOf(tags));
        }
        return rule.build();
    }

    /**
     * The server access log destination: private, SSL only, versioned, SSE-S3 (log delivery does
     * not support SSE-KMS destinations), bucket-owner-enforced (delivery by bucket policy).
     */
    public static Bucket accessLogBucket(Construct scope, String id, int retentionDays, RemovalPolicy removalPolicy) {
        return Bucket.Builder.create(scope, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(MINIMUM_TLS_VERSION)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("ExpireAccessLogs")
                                .expiration(Duration.days(retentionDays))
                                .noncurrentVersionExpiration(Duration.days(1))
                                .build(),
                        abortIncompleteMultipartUploads()))
                .removalPolicy(removalPolicy)
                .build();
    }

    public static TargetObjectKeyFormat accessLogKeyFormat() {
        return TargetObjectKeyFormat.partitionedPrefix();
    }

    public static RemovalPolicy removalPolicy() {
        return RemovalPolicy.RETAIN;
    }
}
