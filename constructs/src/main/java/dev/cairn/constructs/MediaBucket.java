package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * A private S3 bucket for user media: SSE-KMS, SSL only, versioned (old versions expire),
 * access-logged, with lifecycle rules for pre-signed browser uploads (expiring under {@code
 * uploadsPrefix}) and, optionally, Intelligent-Tiering and an archive.
 */
public class MediaBucket extends Construct {

    /** Where browser uploads wait for processing unless {@code uploadsPrefix} says otherwise. */
    public static final String DEFAULT_UPLOADS_PREFIX = "uploads/";

    private static final String DEFAULT_ACCESS_LOGS_PREFIX = "media/";
    private static final String SERVER_ACCESS_LOGS_USE_BUCKET_POLICY =
            "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

    private final Bucket bucket;
    private final IKey encryptionKey;
    private final IBucket accessLogsBucket;
    private final Rule uploadRule;
    private final Queue uploadDeadLetterQueue;
    private final String uploadsPrefix;

    public MediaBucket(Construct scope, String id) {
        this(scope, id, MediaBucketProps.builder().build());
    }

    public MediaBucket(Construct scope, String id, MediaBucketProps props) {
        super(scope, id);
        // Log delivery by bucket policy, not the legacy LogDeliveryWrite ACL, whatever the app's
        // feature flags say: ACLs stay disabled (bucket owner enforced) on every bucket here.
        getNode().setContext(SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
        validate(props);
        this.uploadsPrefix = Objects.requireNonNullElse(props.uploadsPrefix(), DEFAULT_UPLOADS_PREFIX);

        RemovalPolicy removalPolicy =
                Objects.requireNonNullElse(props.removalPolicy(), StorageDefaults.removalPolicy());
        boolean s3Managed = Boolean.TRUE.equals(props.s3ManagedEncryption());
        this.encryptionKey = s3Managed
                ? null
                : props.encryptionKey() != null
                        ? props.encryptionKey()
                        : StorageDefaults.bucketKey(this, "Key", removalPolicy);
        this.accessLogsBucket = props.serverAccessLogsBucket() != null
                ? props.serverAccessLogsBucket()
                : createAccessLogsBucket(props, removalPolicy);

        List<LifecycleRule> lifecycle = new ArrayList<>(List.of(
                StorageDefaults.abortIncompleteMultipartUploads(), StorageDefaults.expireUploads(uploadsPrefix)));
        if (props.intelligentTieringPrefix() != null) {
            lifecycle.add(StorageDefaults.intelligentTiering(props.intelligentTieringPrefix()));
        }
        int noncurrentDays = Objects.requireNonNullElse(
                props.noncurrentVersionExpirationDays(), StorageDefaults.NONCURRENT_VERSION_EXPIRE_DAYS);
        lifecycle.add(
                props.noncurrentVersionArchiveDays() == null
                        ? StorageDefaults.expireNoncurrentVersions(noncurrentDays)
                        : StorageDefaults.archiveThenExpireNoncurrentVersions(
                                props.noncurrentVersionArchiveDays(), noncurrentDays));
        if (props.archivePrefix() != null) {
            lifecycle.add(
                    StorageDefaults.archive(props.archivePrefix(), props.archiveTags(), props.archiveAfterDays()));
        }

        Bucket.Builder builder = Bucket.Builder.create(this, "Resource")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .minimumTlsVersion(StorageDefaults.MINIMUM_TLS_VERSION)
                .versioned(true)
                .lifecycleRules(lifecycle)
                .serverAccessLogsBucket(accessLogsBucket)
                .serverAccessLogsPrefix(
                        Objects.requireNonNullElse(props.serverAccessLogsPrefix(), DEFAULT_ACCESS_LOGS_PREFIX))
                .targetObjectKeyFormat(StorageDefaults.accessLogKeyFormat())
                .removalPolicy(removalPolicy);
        if (s3Managed) {
            builder.encryption(BucketEncryption.S3_MANAGED);
        } else {
            builder.encryption(BucketEncryption.KMS)
                    .encryptionKey(encryptionKey)
                    .bucketKeyEnabled(true);
        }
        List<String> origins = new ArrayList<>(props.corsAllowedOrigins());
        if (Boolean.TRUE.equals(props.corsAllowCloudFrontDomains())) {
            origins.add(StorageDefaults.CLOUDFRONT_ORIGINS);
        }
        if (!origins.isEmpty()) {
            builder.cors(List.of(StorageDefaults.presignedUploadCors(origins)));
        }
        this.bucket = builder.build();
        AccessLogBuckets.suppressReplication(
                bucket,
                "Versioning keeps every overwritten or deleted object recoverable in-region (old versions"
                        + " are kept for a set number of days); a cross-region replica is a per-deployment"
                        + " disaster-recovery decision outside this construct.");

        if (props.uploadProcessor() != null) {
            enableEventBridge();
            this.uploadDeadLetterQueue = ObjectCreatedRoute.deadLetterQueue(this, "UploadDeadLetterQueue");
            this.uploadRule = ObjectCreatedRoute.rule(
                    this,
                    "UploadRule",
                    uploadDeadLetterQueue,
                    bucket.getBucketName(),
                    keyFilter(props.uploadProcessorKeyPattern()),
                    props.uploadProcessor());
        } else {
            this.uploadRule = null;
            this.uploadDeadLetterQueue = null;
        }

        if (s3Managed) {
            PropsCheck.warnOverride(this, "s3ManagedEncryption", "objects are not encrypted with a KMS key");
        }
        if (removalPolicy != RemovalPolicy.RETAIN) {
            PropsCheck.warnOverride(this, "removalPolicy", removalPolicy + " deletes media with the stack");
        }
    }

    /**
     * Sends this bucket's {@code Object Created} events for keys matching {@code keyPattern} (an
     * EventBridge wildcard, as {@code uploadProcessorKeyPattern}) to {@code processor}, through a
     * rule and dead-letter queue created in {@code scope}. Give the processor's own stack as
     * {@code scope} when it is not this bucket's: the rule then refers to the bucket, never the
     * bucket's stack to the function, so no dependency cycle arises. Turns on the bucket's
     * EventBridge notifications.
     */
    public ObjectCreatedRoute routeObjectCreated(Construct scope, String id, IFunction processor, String keyPattern) {
        PropsCheck check = new PropsCheck("MediaBucket.routeObjectCreated");
        check.require("processor", processor);
        check.require("keyPattern", keyPattern);
        checkKeyPattern(check, keyPattern);
        check.throwIfInvalid(getNode().getPath());
        enableEventBridge();
        return new ObjectCreatedRoute(scope, id, bucket.getBucketName(), keyFilter(keyPattern), processor);
    }

    /**
     * Lets CloudFront origin access control read objects under {@code keyPrefix} (and decrypt
     * them), for a distribution that lives in another stack than this bucket. The statements name
     * any distribution of this account ({@code AWS:SourceArn} {@code distribution/*}), because
     * naming the distribution's id would make this bucket's stack depend on the distribution's
     * while the distribution depends on the bucket. Pass the bucket to {@link Cdn} as an import
     * ({@code Bucket.fromBucketArn}) so it does not try to edit this policy itself.
     */
    public void grantCdnRead(String keyPrefix) {
        requireKeyPrefix(keyPrefix);
        Map<String, Object> fromOwnDistributions = Map.of(
                "ArnLike",
                Map.of("AWS:SourceArn", "arn:" + Aws.PARTITION + ":cloudfront::" + Aws.ACCOUNT_ID + ":distribution/*"));
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CdnRead" + keyPrefix.replaceAll("[^A-Za-z0-9]", ""))
                .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(keyPrefix + "*")))
                .conditions(fromOwnDistributions)
                .build());
        if (encryptionKey != null) {
            encryptionKey.addToResourcePolicy(PolicyStatement.Builder.create()
                    .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                    .actions(List.of("kms:Decrypt"))
                    .resources(List.of("*"))
                    .conditions(fromOwnDistributions)
                    .build());
        }
    }

    /**
     * Refuses CloudFront (any distribution, whatever else grants it) the objects whose keys match
     * {@code keyPattern}, an S3 resource pattern such as {@code images/*}{@code /*}{@code
     * /original.*}: an explicit Deny, which no Allow of {@link #grantCdnRead} overrides. For keys
     * under a CDN-readable prefix that must stay private, e.g. originals beside their public
     * variants.
     */
    public void denyCdnRead(String keyPattern) {
        PropsCheck check = new PropsCheck("MediaBucket.denyCdnRead");
        check.require("keyPattern", keyPattern);
        checkKeyPattern(check, "keyPattern", keyPattern);
        check.throwIfInvalid(getNode().getPath());
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CdnDeny" + keyPattern.replaceAll("[^A-Za-z0-9]", ""))
                .effect(Effect.DENY)
                .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(keyPattern)))
                .build());
    }

    // EventBridge rather than an S3 notification: no notifications custom-resource Lambda, and
    // failed invocations land in a dead-letter queue instead of being dropped.
    private void enableEventBridge() {
        ((CfnBucket) bucket.getNode().getDefaultChild())
                .setNotificationConfiguration(CfnBucket.NotificationConfigurationProperty.builder()
                        .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder()
                                .eventBridgeEnabled(true)
                                .build())
                        .build());
    }

    private Map<String, String> keyFilter(String keyPattern) {
        return keyPattern == null ? Map.of("prefix", uploadsPrefix) : Map.of("wildcard", keyPattern);
    }

    private static void checkKeyPattern(PropsCheck check, String keyPattern) {
        checkKeyPattern(check, "uploadProcessorKeyPattern", keyPattern);
    }

    private static void checkKeyPattern(PropsCheck check, String prop, String keyPattern) {
        if (PropsCheck.resolved(keyPattern)) {
            check.check(
                    !keyPattern.isBlank()
                            && !keyPattern.startsWith("/")
                            && !keyPattern.replace("*", "").isEmpty(),
                    prop + " must be a key pattern without a leading slash that does not" + " match every key (value: "
                            + keyPattern + ")");
        }
    }

    private Bucket createAccessLogsBucket(MediaBucketProps props, RemovalPolicy removalPolicy) {
        return AccessLogBuckets.create(
                this,
                "AccessLogs",
                Objects.requireNonNullElse(props.accessLogRetentionDays(), StorageDefaults.ACCESS_LOG_RETENTION_DAYS),
                removalPolicy);
    }

    private void validate(MediaBucketProps props) {
        PropsCheck check = new PropsCheck("MediaBucket");
        check.require("props", props);
        if (props != null) {
            check.browserOrigins("corsAllowedOrigins", props.corsAllowedOrigins());
            check.check(
                    props.encryptionKey() == null || !Boolean.TRUE.equals(props.s3ManagedEncryption()),
                    "encryptionKey cannot be combined with s3ManagedEncryption (value: true)");
            check.check(
                    (props.archivePrefix() == null) == (props.archiveAfterDays() == null),
                    "archivePrefix and archiveAfterDays must be given together (value: " + props.archivePrefix() + ", "
                            + props.archiveAfterDays() + ")");
            check.notBlank("archivePrefix", props.archivePrefix());
            check.range("archiveAfterDays", props.archiveAfterDays(), 1, 3650);
            check.check(
                    props.archiveTags().isEmpty() || props.archivePrefix() != null,
                    "archiveTags needs archivePrefix (value: " + props.archiveTags() + ")");
            props.archiveTags()
                    .forEach((key, value) -> check.check(
                            key != null && !key.isBlank() && !key.startsWith("aws:") && value != null,
                            "archiveTags keys must be non-blank, not aws:, with a value (value: " + key + "=" + value
                                    + ")"));
            check.range("noncurrentVersionExpirationDays", props.noncurrentVersionExpirationDays(), 1, 3650);
            check.range("noncurrentVersionArchiveDays", props.noncurrentVersionArchiveDays(), 1, 3650);
            if (props.noncurrentVersionArchiveDays() != null) {
                int expiry = Objects.requireNonNullElse(
                        props.noncurrentVersionExpirationDays(), StorageDefaults.NONCURRENT_VERSION_EXPIRE_DAYS);
                check.check(
                        expiry
                                >= props.noncurrentVersionArchiveDays()
                                        + StorageDefaults.NONCURRENT_ARCHIVE_MINIMUM_DAYS,
                        "noncurrentVersionExpirationDays must be at least noncurrentVersionArchiveDays + "
                                + StorageDefaults.NONCURRENT_ARCHIVE_MINIMUM_DAYS + " (the archive's minimum storage"
                                + " duration) (value: " + expiry + ")");
            }
            String uploads = Objects.requireNonNullElse(props.uploadsPrefix(), DEFAULT_UPLOADS_PREFIX);
            checkKeyFolder(check, "uploadsPrefix", props.uploadsPrefix());
            checkKeyFolder(check, "intelligentTieringPrefix", props.intelligentTieringPrefix());
            String tiered = props.intelligentTieringPrefix();
            if (PropsCheck.resolved(tiered) && PropsCheck.resolved(uploads)) {
                check.check(
                        !tiered.startsWith(uploads) && !uploads.startsWith(tiered),
                        "intelligentTieringPrefix must not contain or lie within uploadsPrefix " + uploads
                                + ", which expires after a day (value: " + tiered + ")");
            }
            if (PropsCheck.resolved(props.archivePrefix()) && PropsCheck.resolved(uploads)) {
                check.check(
                        !props.archivePrefix().startsWith(uploads),
                        "archivePrefix must not be under uploadsPrefix " + uploads + ", which expires after a day"
                                + " (value: " + props.archivePrefix() + ")");
            }
            AccessLogBuckets.validate(
                    check,
                    props.accessLogRetentionDays(),
                    props.serverAccessLogsBucket(),
                    props.serverAccessLogsPrefix());
            String keyPattern = props.uploadProcessorKeyPattern();
            check.check(
                    keyPattern == null || props.uploadProcessor() != null,
                    "uploadProcessorKeyPattern needs uploadProcessor (value: " + keyPattern + ")");
            checkKeyPattern(check, keyPattern);
        }
        check.throwIfInvalid(getNode().getPath());
    }

    /** A bucket key folder: no leading slash, a trailing slash, no wildcard. */
    private static void checkKeyFolder(PropsCheck check, String prop, String prefix) {
        if (PropsCheck.resolved(prefix)) {
            check.check(
                    prefix.length() > 1 && !prefix.startsWith("/") && prefix.endsWith("/") && !prefix.contains("*"),
                    prop + " must be a key folder such as uploads/ (no leading slash, a trailing slash, no"
                            + " wildcard) (value: " + prefix + ")");
        }
    }

    public Bucket getBucket() {
        return bucket;
    }

    /** The SSE-KMS key, or null with {@code s3ManagedEncryption}. */
    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    public IBucket getAccessLogsBucket() {
        return accessLogsBucket;
    }

    /** The EventBridge rule that invokes the upload processor, or null without one. */
    public Rule getUploadRule() {
        return uploadRule;
    }

    /** Where upload events go after failed invocations, or null without a processor. */
    public Queue getUploadDeadLetterQueue() {
        return uploadDeadLetterQueue;
    }

    /**
     * Upload (single PUT and multipart, {@link Perms#S3_UPLOAD}) under {@code keyPrefix}, e.g.
     * {@code "uploads/"}, plus the KMS use that SSE-KMS uploads need. Meant for the function that
     * signs pre-signed PUT URLs.
     */
    public Grant grantUpload(IGrantable grantee, String keyPrefix) {
        requireKeyPrefix(keyPrefix);
        Grant grant = bucket.getGrants()
                .actionsOnObjectKeys(grantee, keyPrefix + "*", Perms.S3_UPLOAD.toArray(String[]::new));
        if (encryptionKey != null) {
            grant = grant.combine(encryptionKey.grant(grantee, Perms.KMS_UPLOAD.toArray(String[]::new)));
        }
        return grant;
    }

    /** Read objects under {@code keyPrefix} (with KMS decrypt); the L2's read grant. */
    public Grant grantRead(IGrantable grantee, String keyPrefix) {
        requireKeyPrefix(keyPrefix);
        return bucket.grantRead(grantee, keyPrefix + "*");
    }

    /** Tag objects under {@code keyPrefix} ({@link Perms#S3_TAG}), e.g. so that the archive rule picks them. */
    public Grant grantTagging(IGrantable grantee, String keyPrefix) {
        requireKeyPrefix(keyPrefix);
        return bucket.getGrants().actionsOnObjectKeys(grantee, keyPrefix + "*", Perms.S3_TAG.toArray(String[]::new));
    }

    /** Delete objects under {@code keyPrefix}; the L2's delete grant. */
    public Grant grantDelete(IGrantable grantee, String keyPrefix) {
        requireKeyPrefix(keyPrefix);
        return bucket.grantDelete(grantee, keyPrefix + "*");
    }

    private static void requireKeyPrefix(String keyPrefix) {
        if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.startsWith("/") || !keyPrefix.endsWith("/")) {
            throw new IllegalArgumentException(
                    "keyPrefix must be a folder such as \"uploads/\" (no leading slash, trailing slash) (value: "
                            + keyPrefix + ")");
        }
    }
}
