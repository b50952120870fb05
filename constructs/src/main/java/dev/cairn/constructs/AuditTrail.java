package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudtrail.AddEventSelectorOptions;
import software.amazon.awscdk.services.cloudtrail.ReadWriteType;
import software.amazon.awscdk.services.cloudtrail.S3EventSelector;
import software.amazon.awscdk.services.cloudtrail.Trail;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectLockMode;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The account's audit trail: a multi-region CloudTrail trail with log file validation, encrypted
 * with a KMS key, writing to a dedicated log bucket (access-logged, versioned, Object Lock,
 * lifecycle, TLS only) and to a CloudWatch log group; optionally S3 data events for given buckets,
 * with a metric filter and an alarm on the calls S3 refused with {@code AccessDenied}.
 */
public class AuditTrail extends Construct {

    private static final String SERVER_ACCESS_LOGS_USE_BUCKET_POLICY =
            "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

    private final IKey encryptionKey;
    private final Bucket logBucket;
    private final IBucket accessLogsBucket;
    private final LogGroup logGroup;
    private final Trail trail;
    private final List<MetricFilter> accessDeniedFilters = new ArrayList<>();
    private final Alarm accessDeniedAlarm;

    public AuditTrail(Construct scope, String id) {
        this(scope, id, AuditTrailProps.builder().build());
    }

    public AuditTrail(Construct scope, String id, AuditTrailProps props) {
        super(scope, id);
        getNode().setContext(SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
        validate(props);
        Stack stack = Stack.of(this);
        RemovalPolicy removalPolicy =
                Objects.requireNonNullElse(props.removalPolicy(), StorageDefaults.removalPolicy());
        int retentionDays =
                Objects.requireNonNullElse(props.logRetentionDays(), AuditDefaults.TRAIL_LOG_RETENTION_DAYS);
        int lockDays = Objects.requireNonNullElse(props.objectLockDays(), retentionDays);

        this.encryptionKey = props.encryptionKey() != null ? props.encryptionKey() : createKey(removalPolicy);
        allowCloudTrailAndLogs(stack);

        this.accessLogsBucket = AccessLogBuckets.create(
                this,
                "AccessLogs",
                Objects.requireNonNullElse(props.accessLogRetentionDays(), StorageDefaults.ACCESS_LOG_RETENTION_DAYS),
                removalPolicy);
        Bucket.Builder bucket = Bucket.Builder.create(this, "LogBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(encryptionKey)
                .bucketKeyEnabled(true)
                .enforceSsl(true)
                .minimumTlsVersion(StorageDefaults.MINIMUM_TLS_VERSION)
                .versioned(true)
                .serverAccessLogsBucket(accessLogsBucket)
                .serverAccessLogsPrefix("trail/")
                .targetObjectKeyFormat(StorageDefaults.accessLogKeyFormat())
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("ExpireTrailLogs")
                                .expiration(Duration.days(retentionDays))
                                .noncurrentVersionExpiration(Duration.days(1))
                                .build(),
                        StorageDefaults.abortIncompleteMultipartUploads()))
                .removalPolicy(removalPolicy);
        if (lockDays > 0) {
            ObjectLockMode mode = Objects.requireNonNullElse(props.objectLockMode(), ObjectLockMode.GOVERNANCE);
            bucket.objectLockEnabled(true)
                    .objectLockDefaultRetention(
                            mode == ObjectLockMode.COMPLIANCE
                                    ? ObjectLockRetention.compliance(Duration.days(lockDays))
                                    : ObjectLockRetention.governance(Duration.days(lockDays)));
        }
        this.logBucket = bucket.build();
        AccessLogBuckets.suppressReplication(
                logBucket,
                "The trail is multi-region and its log files are versioned, locked and validated by digest"
                        + " files; a cross-region replica is a per-account disaster-recovery decision outside"
                        + " this construct.");

        this.logGroup = ObservabilityDefaults.encryptedLogGroup(
                this,
                "LogGroup",
                Objects.requireNonNullElse(props.cloudWatchLogsRetention(), RetentionDays.ONE_YEAR),
                encryptionKey);
        logGroup.applyRemovalPolicy(removalPolicy);

        this.trail = Trail.Builder.create(this, "Resource")
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableFileValidation(true)
                .encryptionKey(encryptionKey)
                .bucket(logBucket)
                .sendToCloudWatchLogs(true)
                .cloudWatchLogGroup(logGroup)
                .managementEvents(ReadWriteType.ALL)
                .build();
        // The trail checks that it may write to the bucket and use the key when it is created.
        trail.getNode().addDependency(logBucket);
        IConstruct logsPolicy = trail.getNode().findChild("LogsRole").getNode().findChild("DefaultPolicy");
        String inline = "This policy belongs to the role CloudTrail assumes to deliver to this trail's log group"
                + " and allows only logs:CreateLogStream and logs:PutLogEvents on that group; it is versioned"
                + " in source control and deployed with the role.";
        Compliance.suppress(logsPolicy, "HIPAA.Security-IAMNoInlinePolicy", inline);
        Compliance.suppress(logsPolicy, "NIST.800.53.R5-IAMNoInlinePolicy", inline);
        Compliance.suppress(logsPolicy, "PCI.DSS.321-IAMNoInlinePolicy", inline);

        if (props.dataEventBuckets().isEmpty()) {
            this.accessDeniedAlarm = null;
        } else {
            trail.addS3EventSelector(
                    props.dataEventBuckets().stream()
                            .map(b -> S3EventSelector.builder().bucket(b).build())
                            .toList(),
                    AddEventSelectorOptions.builder()
                            .readWriteType(ReadWriteType.ALL)
                            .includeManagementEvents(false)
                            .build());
            for (int i = 0; i < props.dataEventBuckets().size(); i++) {
                IBucket audited = props.dataEventBuckets().get(i);
                accessDeniedFilters.add(MetricFilter.Builder.create(this, "AccessDenied" + i)
                        .logGroup(logGroup)
                        .filterPattern(FilterPattern.literal("{ ($.eventSource = \"s3.amazonaws.com\") && ($.errorCode"
                                + " = \"AccessDenied\") && ($.requestParameters.bucketName = \""
                                + audited.getBucketName() + "\") }"))
                        .metricNamespace(AuditDefaults.METRIC_NAMESPACE)
                        .metricName(AuditDefaults.ACCESS_DENIED_METRIC)
                        .metricValue("1")
                        .build());
            }
            this.accessDeniedAlarm = Alarm.Builder.create(this, "AccessDeniedAlarm")
                    .metric(Metric.Builder.create()
                            .namespace(AuditDefaults.METRIC_NAMESPACE)
                            .metricName(AuditDefaults.ACCESS_DENIED_METRIC)
                            .statistic("Sum")
                            .period(Duration.minutes(5))
                            .build())
                    .threshold(0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1)
                    .datapointsToAlarm(1)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .alarmDescription("S3 refused a call on an audited bucket with AccessDenied")
                    .build();
            SnsAction action = new SnsAction(props.alarmTopic());
            accessDeniedAlarm.addAlarmAction(action);
            accessDeniedAlarm.addOkAction(action);
        }

        if (lockDays == 0) {
            PropsCheck.warnOverride(this, "objectLockDays", "trail log files can be overwritten or deleted");
        }
        if (removalPolicy != RemovalPolicy.RETAIN) {
            PropsCheck.warnOverride(this, "removalPolicy", removalPolicy + " deletes the audit trail's logs");
        }
    }

    private Key createKey(RemovalPolicy removalPolicy) {
        return Key.Builder.create(this, "Key")
                .description("Encrypts the audit trail of " + getNode().getPath())
                .enableKeyRotation(true)
                .removalPolicy(removalPolicy)
                .build();
    }

    /** What CloudTrail and CloudWatch Logs need of the key (added when the key is in this app). */
    private void allowCloudTrailAndLogs(Stack stack) {
        String trails = stack.formatArn(ArnComponents.builder()
                .service("cloudtrail")
                .region("*")
                .resource("trail")
                .resourceName("*")
                .build());
        encryptionKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudTrailEncryptsLogs")
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of(
                        "StringEquals",
                        Map.of("aws:SourceAccount", stack.getAccount()),
                        "StringLike",
                        Map.of("kms:EncryptionContext:aws:cloudtrail:arn", trails)))
                .build());
        encryptionKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudTrailDescribesKey")
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("kms:DescribeKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
                .build());
        ObservabilityDefaults.allowLogs(encryptionKey);
    }

    private void validate(AuditTrailProps props) {
        PropsCheck check = new PropsCheck("AuditTrail");
        check.require("props", props);
        if (props != null) {
            check.range("logRetentionDays", props.logRetentionDays(), 90, 3650);
            int retention =
                    Objects.requireNonNullElse(props.logRetentionDays(), AuditDefaults.TRAIL_LOG_RETENTION_DAYS);
            check.range("objectLockDays", props.objectLockDays(), 0, retention);
            AccessLogBuckets.validate(check, props.accessLogRetentionDays(), null, "trail/");
            check.check(
                    props.dataEventBuckets().size() <= AuditDefaults.MAX_DATA_EVENT_BUCKETS,
                    "dataEventBuckets must have at most " + AuditDefaults.MAX_DATA_EVENT_BUCKETS + " buckets (value: "
                            + props.dataEventBuckets().size() + ")");
            check.check(
                    props.dataEventBuckets().isEmpty() || props.alarmTopic() != null,
                    "alarmTopic is required with dataEventBuckets (value: null)");
            check.check(
                    props.dataEventBuckets().stream().allMatch(Objects::nonNull),
                    "dataEventBuckets must not contain null (value: " + props.dataEventBuckets() + ")");
        }
        check.throwIfInvalid(getNode().getPath());
    }

    /** The trail. */
    public Trail getTrail() {
        return trail;
    }

    /** The key that encrypts log files, the log bucket and the log group. */
    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    /** The bucket the trail delivers its log and digest files to. */
    public Bucket getLogBucket() {
        return logBucket;
    }

    /** Where the log bucket's server access logs go. */
    public IBucket getAccessLogsBucket() {
        return accessLogsBucket;
    }

    /** The CloudWatch log group the trail also delivers to. */
    public LogGroup getLogGroup() {
        return logGroup;
    }

    /** One metric filter per audited bucket, all counting into {@link AuditDefaults#ACCESS_DENIED_METRIC}. */
    public List<MetricFilter> getAccessDeniedFilters() {
        return List.copyOf(accessDeniedFilters);
    }

    /** The AccessDenied alarm, or null without {@code dataEventBuckets}. */
    public Alarm getAccessDeniedAlarm() {
        return accessDeniedAlarm;
    }
}
