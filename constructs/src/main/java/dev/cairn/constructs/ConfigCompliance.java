package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.config.CfnConfigurationRecorder;
import software.amazon.awscdk.services.config.CfnDeliveryChannel;
import software.amazon.awscdk.services.config.ManagedRule;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * AWS Config for this account and region: a recorder of every supported resource type with its
 * role, a delivery channel to a dedicated bucket (KMS, access-logged, versioned, TLS only,
 * lifecycle), and managed rules. An account has at most one recorder per region; where the
 * organization (e.g. AWS Control Tower) already records, do not create this.
 */
public class ConfigCompliance extends Construct {

    private static final String SERVER_ACCESS_LOGS_USE_BUCKET_POLICY =
            "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";
    private static final String CONFIG_ROLE_POLICY = "service-role/AWS_ConfigRole";

    private final IKey encryptionKey;
    private final Bucket deliveryBucket;
    private final Role role;
    private final CfnConfigurationRecorder recorder;
    private final CfnDeliveryChannel deliveryChannel;
    private final List<ManagedRule> rules = new ArrayList<>();

    public ConfigCompliance(Construct scope, String id) {
        this(scope, id, ConfigComplianceProps.builder().build());
    }

    public ConfigCompliance(Construct scope, String id, ConfigComplianceProps props) {
        super(scope, id);
        getNode().setContext(SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
        validate(props);
        String account = Stack.of(this).getAccount();
        RemovalPolicy removalPolicy =
                Objects.requireNonNullElse(props.removalPolicy(), StorageDefaults.removalPolicy());

        this.encryptionKey = props.encryptionKey() != null
                ? props.encryptionKey()
                : Key.Builder.create(this, "Key")
                        .description("Encrypts the AWS Config deliveries of "
                                + getNode().getPath())
                        .enableKeyRotation(true)
                        .removalPolicy(removalPolicy)
                        .build();
        encryptionKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("ConfigEncryptsDeliveries")
                .principals(List.of(new ServicePrincipal("config.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", account)))
                .build());

        IBucket accessLogs = AccessLogBuckets.create(
                this,
                "AccessLogs",
                Objects.requireNonNullElse(props.accessLogRetentionDays(), StorageDefaults.ACCESS_LOG_RETENTION_DAYS),
                removalPolicy);
        this.deliveryBucket = Bucket.Builder.create(this, "DeliveryBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(encryptionKey)
                .bucketKeyEnabled(true)
                .enforceSsl(true)
                .minimumTlsVersion(StorageDefaults.MINIMUM_TLS_VERSION)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("config/")
                .targetObjectKeyFormat(StorageDefaults.accessLogKeyFormat())
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("ExpireConfigDeliveries")
                                .expiration(Duration.days(Objects.requireNonNullElse(
                                        props.retentionDays(), AuditDefaults.CONFIG_RETENTION_DAYS)))
                                .noncurrentVersionExpiration(Duration.days(1))
                                .build(),
                        StorageDefaults.abortIncompleteMultipartUploads()))
                .removalPolicy(removalPolicy)
                .build();
        AccessLogBuckets.suppressReplication(
                deliveryBucket,
                "Config's snapshots and history can be delivered again from the recorder at any time; a"
                        + " cross-region replica is a per-account disaster-recovery decision outside this construct.");
        String deliveries = deliveryBucket.arnForObjects("AWSLogs/" + account + "/Config/*");
        ServicePrincipal config = new ServicePrincipal("config.amazonaws.com");
        Map<String, Object> fromThisAccount = Map.of("StringEquals", Map.of("AWS:SourceAccount", account));
        deliveryBucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("ConfigChecksBucket")
                .principals(List.of(config))
                .actions(List.of("s3:GetBucketAcl", "s3:ListBucket"))
                .resources(List.of(deliveryBucket.getBucketArn()))
                .conditions(fromThisAccount)
                .build());
        deliveryBucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("ConfigDelivers")
                .principals(List.of(config))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(deliveries))
                .conditions(Map.of(
                        "StringEquals",
                        Map.of("AWS:SourceAccount", account, "s3:x-amz-acl", "bucket-owner-full-control")))
                .build());

        this.role = Role.Builder.create(this, "Role")
                .assumedBy(config)
                .description("AWS Config's recorder and delivery channel of "
                        + getNode().getPath())
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName(CONFIG_ROLE_POLICY)))
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetBucketAcl"))
                .resources(List.of(deliveryBucket.getBucketArn()))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(deliveries))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of(encryptionKey.getKeyArn()))
                .build());
        Compliance.suppress(
                role,
                "AwsSolutions-IAM4",
                "AWS_ConfigRole is the AWS-maintained policy that lets the recorder describe every resource type"
                        + " it records; AWS updates it as Config supports new types, which a hand-written copy"
                        + " would miss.",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/" + CONFIG_ROLE_POLICY);
        String inline = "This policy belongs to the role AWS Config assumes and allows only its deliveries to this"
                + " construct's bucket and key; it is versioned in source control and deployed with the role.";
        IConstruct policy = role.getNode().findChild("DefaultPolicy");
        Compliance.suppress(policy, "HIPAA.Security-IAMNoInlinePolicy", inline);
        Compliance.suppress(policy, "NIST.800.53.R5-IAMNoInlinePolicy", inline);
        Compliance.suppress(policy, "PCI.DSS.321-IAMNoInlinePolicy", inline);
        Compliance.suppressMatching(
                policy,
                "AwsSolutions-IAM5",
                "Config writes a snapshot and history file per delivery under AWSLogs/ACCOUNT/Config/ with names"
                        + " it chooses; the statement allows only s3:PutObject there, in this one bucket.",
                "/^Resource::<.*DeliveryBucket.*\\.Arn>\\/AWSLogs\\/.*\\/Config\\/\\*$/");

        this.recorder = CfnConfigurationRecorder.Builder.create(this, "Recorder")
                .roleArn(role.getRoleArn())
                .recordingGroup(CfnConfigurationRecorder.RecordingGroupProperty.builder()
                        .allSupported(true)
                        .includeGlobalResourceTypes(!Boolean.FALSE.equals(props.includeGlobalResourceTypes()))
                        .build())
                .build();
        this.deliveryChannel = CfnDeliveryChannel.Builder.create(this, "DeliveryChannel")
                .s3BucketName(deliveryBucket.getBucketName())
                .s3KmsKeyArn(encryptionKey.getKeyArn())
                .configSnapshotDeliveryProperties(CfnDeliveryChannel.ConfigSnapshotDeliveryPropertiesProperty.builder()
                        .deliveryFrequency("TwentyFour_Hours")
                        .build())
                .build();
        // Config checks it may write before it accepts the channel, and records only once it has one.
        deliveryChannel.getNode().addDependency(deliveryBucket);
        deliveryChannel.getNode().addDependency(role);
        for (String identifier : Objects.requireNonNullElse(props.managedRules(), AuditDefaults.CONFIG_RULES)) {
            ManagedRule rule = ManagedRule.Builder.create(this, ruleId(identifier))
                    .identifier(identifier)
                    .description("Cairn account baseline: " + identifier)
                    .build();
            rule.getNode().addDependency(recorder);
            rules.add(rule);
        }
        if (removalPolicy != RemovalPolicy.RETAIN) {
            PropsCheck.warnOverride(this, "removalPolicy", removalPolicy + " deletes Config's history with the stack");
        }
    }

    /** {@code S3_BUCKET_SSL_REQUESTS_ONLY} becomes {@code S3BucketSslRequestsOnly}. */
    static String ruleId(String identifier) {
        StringBuilder id = new StringBuilder();
        for (String part : identifier.toLowerCase(java.util.Locale.ROOT).split("[_-]")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private void validate(ConfigComplianceProps props) {
        PropsCheck check = new PropsCheck("ConfigCompliance");
        check.require("props", props);
        if (props != null) {
            check.range("retentionDays", props.retentionDays(), 90, 3650);
            AccessLogBuckets.validate(check, props.accessLogRetentionDays(), null, "config/");
            if (props.managedRules() != null) {
                check.check(
                        props.managedRules().stream().allMatch(r -> r != null && !r.isBlank()),
                        "managedRules entries must not be blank (value: " + props.managedRules() + ")");
                check.check(
                        props.managedRules().stream().distinct().count()
                                == props.managedRules().size(),
                        "managedRules must not repeat a rule (value: " + props.managedRules() + ")");
            }
        }
        check.throwIfInvalid(getNode().getPath());
    }

    public CfnConfigurationRecorder getRecorder() {
        return recorder;
    }

    public CfnDeliveryChannel getDeliveryChannel() {
        return deliveryChannel;
    }

    /** The bucket the delivery channel writes to. */
    public Bucket getDeliveryBucket() {
        return deliveryBucket;
    }

    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    /** The role the recorder assumes. */
    public Role getRole() {
        return role;
    }

    /** The managed rules, in the order given. */
    public List<ManagedRule> getRules() {
        return List.copyOf(rules);
    }
}
