package dev.cairn.constructs;

import java.util.List;
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

    /** Key prefix of browser uploads, waiting for the processor. */
    public static final String UPLOADS_PREFIX = "uploads/";
    /** Key prefix of processed images and their variants. */
    public static final String IMAGES_PREFIX = "images/";

    public static final int ABORT_INCOMPLETE_MULTIPART_DAYS = 7;
    public static final int UPLOADS_EXPIRE_DAYS = 1;
    public static final int NONCURRENT_TO_GLACIER_DAYS = 90;
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

    /** Unprocessed uploads (and their old versions) are gone after a day. */
    public static LifecycleRule expireUploads() {
        return LifecycleRule.builder()
                .id("ExpireUploads")
                .prefix(UPLOADS_PREFIX)
                .expiration(Duration.days(UPLOADS_EXPIRE_DAYS))
                .noncurrentVersionExpiration(Duration.days(UPLOADS_EXPIRE_DAYS))
                .build();
    }

    public static LifecycleRule imagesToIntelligentTiering() {
        return LifecycleRule.builder()
                .id("ImagesToIntelligentTiering")
                .prefix(IMAGES_PREFIX)
                .transitions(List.of(Transition.builder()
                        .storageClass(StorageClass.INTELLIGENT_TIERING)
                        .transitionAfter(Duration.days(0))
                        .build()))
                .build();
    }

    public static LifecycleRule noncurrentVersionsToGlacier() {
        return LifecycleRule.builder()
                .id("NoncurrentVersionsToGlacier")
                .noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                        .storageClass(StorageClass.GLACIER)
                        .transitionAfter(Duration.days(NONCURRENT_TO_GLACIER_DAYS))
                        .build()))
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

    public static LifecycleRule archive(String prefix, int afterDays) {
        return LifecycleRule.builder()
                .id("Archive")
                .prefix(prefix)
                .transitions(List.of(Transition.builder()
                        .storageClass(StorageClass.GLACIER)
                        .transitionAfter(Duration.days(afterDays))
                        .build()))
                .build();
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
