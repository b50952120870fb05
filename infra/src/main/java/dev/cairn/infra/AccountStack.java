package dev.cairn.infra;

import dev.cairn.constructs.AuditTrail;
import dev.cairn.constructs.AuditTrailProps;
import dev.cairn.constructs.Compliance;
import dev.cairn.constructs.ConfigCompliance;
import dev.cairn.constructs.CostAnomalyAlerts;
import dev.cairn.constructs.CostAnomalyAlertsProps;
import dev.cairn.constructs.GuardDutyDetector;
import dev.cairn.constructs.Perms;
import dev.cairn.contract.Blueprint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The account baseline, {@code Cairn-account}: deployed once per account, apart from the
 * blueprints' stacks, with the controls auditors ask for that no blueprint should own. Each
 * control the organization already provides ({@link AccountConfig#organizationProvides}) is left
 * out; the template's metadata ({@value #METADATA_KEY}) records which are deployed here and which
 * are declared provided, for the compliance report.
 *
 * <p>The trail audits the media and site buckets of the blueprint deployments listed in {@link
 * AccountConfig#audited}, whose names it reads from SSM parameters the blueprints' stacks publish
 * ({@link AuditedBuckets}); deploy those first.
 */
public final class AccountStack extends Stack {
    /** The stack's name and construct id. */
    public static final String NAME = "Cairn-account";

    /** Template metadata recording the controls deployed and those the organization provides. */
    public static final String METADATA_KEY = "cairn:accountControls";

    static final String NO_ALARM_EMAILS = "@cairn/infra:accountNoAlarmEmails";
    static final String NOT_IN_US_EAST_1 = "@cairn/infra:accountCostAnomalyRegion";

    private final List<IBucket> auditedBuckets = new ArrayList<>();
    private final Topic alarmTopic;
    private final AuditTrail trail;
    private final GuardDutyDetector guardDuty;
    private final ConfigCompliance config;
    private final CostAnomalyAlerts anomalies;

    public AccountStack(Construct scope, String id, StackProps props, AccountConfig account) {
        super(scope, id, props);
        Map<String, String> notDeployed = new LinkedHashMap<>();
        if (account.deploys(AccountConfig.Control.CLOUDTRAIL)) {
            for (AccountConfig.Deployment deployment : account.audited()) {
                Blueprint blueprint = BlueprintFile.resolve(deployment.blueprint(), BlueprintFile.DIRECTORY);
                StageConfig.named(deployment.stage());
                audit(deployment, AuditedBuckets.MEDIA);
                if (blueprint.site()) {
                    audit(deployment, AuditedBuckets.SITE);
                }
            }
            for (String name : account.extraBuckets()) {
                auditedBuckets.add(Bucket.fromBucketName(this, "Audited-" + name, name));
            }
            this.alarmTopic = auditedBuckets.isEmpty() ? null : alarmTopic(account.alarmEmails());
            this.trail = new AuditTrail(
                    this,
                    "Trail",
                    AuditTrailProps.builder()
                            .dataEventBuckets(auditedBuckets)
                            .alarmTopic(alarmTopic)
                            .logRetentionDays(account.trailRetentionDays())
                            .objectLockDays(account.trailObjectLockDays())
                            .build());
            if (account.trailObjectLockDays() == 0) {
                Annotations.of(trail)
                        .acknowledgeWarning(
                                "@cairn/constructs:objectLockDays",
                                "The account's configuration turns Object Lock off (trailObjectLockDays=0); log"
                                        + " file integrity still rests on the trail's digest files.");
            }
        } else {
            this.alarmTopic = null;
            this.trail = null;
        }
        this.guardDuty =
                account.deploys(AccountConfig.Control.GUARDDUTY) ? new GuardDutyDetector(this, "GuardDuty") : null;
        this.config = account.deploys(AccountConfig.Control.CONFIG) ? new ConfigCompliance(this, "Config") : null;
        String region = getRegion();
        if (account.deploys(AccountConfig.Control.COST_ANOMALY)
                && !account.alarmEmails().isEmpty()
                && CostAnomalyAlerts.REGION.equals(region)) {
            this.anomalies = new CostAnomalyAlerts(
                    this,
                    "CostAnomalies",
                    CostAnomalyAlertsProps.builder()
                            .emails(account.alarmEmails())
                            .thresholdUsd(account.anomalyThresholdUsd())
                            .monitorArn(account.anomalyMonitorArn())
                            .build());
        } else {
            this.anomalies = null;
            if (account.deploys(AccountConfig.Control.COST_ANOMALY)) {
                String reason = account.alarmEmails().isEmpty()
                        ? "no alarmEmail: nobody to mail the anomalies to"
                        : "the stack is in " + region + "; Cost Explorer's resources exist in "
                                + CostAnomalyAlerts.REGION + " only";
                notDeployed.put(AccountConfig.Control.COST_ANOMALY.key(), reason);
                if (!account.alarmEmails().isEmpty()) {
                    Annotations.of(this)
                            .addWarningV2(
                                    NOT_IN_US_EAST_1,
                                    "Cost anomaly detection is left out: " + reason + ". Deploy the account stack in"
                                            + " us-east-1 too (-c region=us-east-1), or declare"
                                            + " organizationProvides=cost-anomaly.");
                }
            }
        }
        if (account.alarmEmails().isEmpty()) {
            Annotations.of(this)
                    .addWarningV2(
                            NO_ALARM_EMAILS,
                            "NOBODY IS NOTIFIED: the account's AccessDenied alarm publishes to a topic without"
                                    + " subscribers and cost anomaly detection is left out (its mails need an address)."
                                    + " Deploy with -c alarmEmail=ops@example.com (comma-separated for several).");
        }
        Map<String, Object> controls = new LinkedHashMap<>();
        controls.put(
                "deployed",
                account.deployed().stream()
                        .map(AccountConfig.Control::key)
                        .filter(k -> !notDeployed.containsKey(k))
                        .toList());
        controls.put(
                "providedByOrganization",
                account.organizationProvides().stream()
                        .sorted()
                        .map(AccountConfig.Control::key)
                        .toList());
        controls.put("notDeployed", notDeployed);
        controls.put("audited", account.audited().stream().map(Object::toString).toList());
        addMetadata(METADATA_KEY, controls);
    }

    /** A blueprint bucket's name, read at deploy time from the parameter its stack publishes. */
    private void audit(AccountConfig.Deployment deployment, String kind) {
        String parameter = AuditedBuckets.parameterName(deployment.blueprint(), deployment.stage(), kind);
        String name = StringParameter.valueForStringParameter(this, parameter);
        auditedBuckets.add(Bucket.fromBucketName(
                this, "Audited-" + deployment.blueprint() + "-" + deployment.stage() + "-" + kind, name));
    }

    /** The KMS-encrypted topic the account's alarms publish to, with the alarm addresses subscribed. */
    private Topic alarmTopic(List<String> emails) {
        Key key = Key.Builder.create(this, "AlarmTopicKey")
                .description("Encrypts the account baseline's alarm topic")
                .enableKeyRotation(true)
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(Perms.KMS_SNS_PUBLISH)
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                .build());
        Topic topic = Topic.Builder.create(this, "AlarmTopic")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        for (String email : emails) {
            Compliance.suppress(
                    topic.addSubscription(new EmailSubscription(email)),
                    "Serverless-SNSRedrivePolicy",
                    "E-mail delivery is retried by SNS; an alarm whose mail is lost stays visible in its"
                            + " CloudWatch state and history, and a queue of undelivered alarm mail would have no"
                            + " reader.");
        }
        return topic;
    }

    /** The buckets whose data events the trail records, in the order of {@link AccountConfig#audited}. */
    public List<IBucket> auditedBuckets() {
        return List.copyOf(auditedBuckets);
    }

    /** The topic of the AccessDenied alarm, or null when nothing is audited. */
    public Topic alarmTopic() {
        return alarmTopic;
    }

    /** The trail, or null when the organization provides it. */
    public AuditTrail trail() {
        return trail;
    }

    /** The detector, or null when the organization provides it. */
    public GuardDutyDetector guardDuty() {
        return guardDuty;
    }

    /** AWS Config, or null when the organization provides it. */
    public ConfigCompliance config() {
        return config;
    }

    /** Cost anomaly alerts, or null when provided by the organization or nobody would be mailed. */
    public CostAnomalyAlerts anomalies() {
        return anomalies;
    }
}
