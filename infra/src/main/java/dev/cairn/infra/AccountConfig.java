package dev.cairn.infra;

import dev.cairn.constructs.AuditDefaults;
import dev.cairn.contract.Blueprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the {@code Cairn-account} stack deploys in one account: which controls the organization
 * already provides (and so are left out), whose buckets the trail audits, who is told.
 *
 * @param account the AWS account; null: the CLI's
 * @param region the region of the stack (the trail is multi-region; GuardDuty and Config are
 *     per region); null: the CLI's, else us-east-1
 * @param organizationProvides controls the organization already runs in this account
 * @param audited blueprint deployments ({@code blueprint/stage}) whose media and site buckets get
 *     S3 data events and the AccessDenied alarm, found by their SSM parameters ({@link
 *     AuditedBuckets})
 * @param extraBuckets more bucket names to audit the same way
 * @param alarmEmails addresses subscribed to the account's alarm topic and the anomaly mails
 * @param trailRetentionDays days the trail's log files are kept
 * @param trailObjectLockDays days Object Lock protects each log file (0: no lock)
 * @param anomalyThresholdUsd total impact from which a cost anomaly is mailed
 * @param anomalyMonitorArn an existing cost monitor to subscribe to; null: a new one
 */
public record AccountConfig(
        String account,
        String region,
        Set<Control> organizationProvides,
        List<Deployment> audited,
        List<String> extraBuckets,
        List<String> alarmEmails,
        int trailRetentionDays,
        int trailObjectLockDays,
        double anomalyThresholdUsd,
        String anomalyMonitorArn) {

    /** Trail log files are kept a year, and locked (governance mode) for all of it. */
    public static final int TRAIL_RETENTION_DAYS = 365;

    /** An account control the account stack deploys unless the organization provides it. */
    public enum Control {
        CLOUDTRAIL("cloudtrail", "Audit trail (AWS CloudTrail)"),
        GUARDDUTY("guardduty", "Threat detection (Amazon GuardDuty)"),
        CONFIG("config", "Configuration compliance (AWS Config)"),
        COST_ANOMALY("cost-anomaly", "Cost anomaly detection (AWS Cost Anomaly Detection)");

        private final String key;
        private final String title;

        Control(String key, String title) {
            this.key = key;
            this.title = title;
        }

        /** Its name in {@code -c organizationProvides=...} and in the template's metadata. */
        public String key() {
            return key;
        }

        /** Its name for an auditor. */
        public String title() {
            return title;
        }

        static Control of(String key) {
            for (Control control : values()) {
                if (control.key.equalsIgnoreCase(key.strip())) {
                    return control;
                }
            }
            throw new IllegalArgumentException("organizationProvides entries must be among "
                    + Arrays.stream(values()).map(Control::key).toList() + " (value: " + key + ")");
        }
    }

    /** One blueprint deployed in one stage, e.g. {@code photo-portfolio/prod}. */
    public record Deployment(String blueprint, String stage) {
        static Deployment parse(String value) {
            String[] parts = value.strip().split("/");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        "audited entries must be BLUEPRINT/STAGE, e.g. guitar-collection/prod (value: " + value + ")");
            }
            return new Deployment(parts[0], parts[1]);
        }

        @Override
        public String toString() {
            return blueprint + "/" + stage;
        }
    }

    public AccountConfig {
        organizationProvides = organizationProvides == null || organizationProvides.isEmpty()
                ? Set.of()
                : Set.copyOf(EnumSet.copyOf(organizationProvides));
        audited = audited == null ? List.of() : List.copyOf(audited);
        extraBuckets = extraBuckets == null ? List.of() : List.copyOf(extraBuckets);
        alarmEmails = alarmEmails == null ? List.of() : List.copyOf(alarmEmails);
        if (trailObjectLockDays < 0 || trailObjectLockDays > trailRetentionDays) {
            throw new IllegalArgumentException(
                    "trailObjectLockDays must be 0.." + trailRetentionDays + " (value: " + trailObjectLockDays + ")");
        }
    }

    /** Every control deployed, trail log files kept and locked a year, nothing audited yet. */
    public static AccountConfig defaults() {
        return new AccountConfig(
                null,
                null,
                Set.of(),
                List.of(),
                List.of(),
                List.of(),
                TRAIL_RETENTION_DAYS,
                TRAIL_RETENTION_DAYS,
                AuditDefaults.ANOMALY_THRESHOLD_USD,
                null);
    }

    /** Whether the account stack deploys {@code control}. */
    public boolean deploys(Control control) {
        return !organizationProvides.contains(control);
    }

    /** The controls the stack deploys, in declaration order. */
    public List<Control> deployed() {
        return Arrays.stream(Control.values()).filter(this::deploys).toList();
    }

    /** {@code -c organizationProvides=cloudtrail,guardduty}: those controls are left out. */
    public AccountConfig withOrganizationProviding(List<String> keys) {
        Set<Control> controls = EnumSet.noneOf(Control.class);
        keys.forEach(k -> controls.add(Control.of(k)));
        return new AccountConfig(
                account,
                region,
                controls,
                audited,
                extraBuckets,
                alarmEmails,
                trailRetentionDays,
                trailObjectLockDays,
                anomalyThresholdUsd,
                anomalyMonitorArn);
    }

    /** {@code -c audited=guitar-collection/prod,personal-site/prod}. */
    public AccountConfig withAudited(List<String> deployments) {
        List<Deployment> parsed = new ArrayList<>();
        deployments.forEach(d -> parsed.add(Deployment.parse(d)));
        return new AccountConfig(
                account,
                region,
                organizationProvides,
                parsed,
                extraBuckets,
                alarmEmails,
                trailRetentionDays,
                trailObjectLockDays,
                anomalyThresholdUsd,
                anomalyMonitorArn);
    }

    /** Every blueprint in every stage: what the compliance report synthesizes. */
    public AccountConfig withEveryDeploymentOf(java.util.Collection<Blueprint> blueprints) {
        List<String> all = new ArrayList<>();
        for (Blueprint blueprint : blueprints) {
            for (StageConfig stage : StageConfig.STAGES_IN_ORDER) {
                all.add(blueprint.name() + "/" + stage.name());
            }
        }
        return withAudited(all);
    }

    /** {@code -c auditedBuckets=name,name}: buckets outside Cairn's blueprints. */
    public AccountConfig withExtraBuckets(List<String> names) {
        return new AccountConfig(
                account,
                region,
                organizationProvides,
                audited,
                names,
                alarmEmails,
                trailRetentionDays,
                trailObjectLockDays,
                anomalyThresholdUsd,
                anomalyMonitorArn);
    }

    /** {@code -c alarmEmail=a@x,b@y}. */
    public AccountConfig withAlarmEmails(List<String> emails) {
        return new AccountConfig(
                account,
                region,
                organizationProvides,
                audited,
                extraBuckets,
                emails,
                trailRetentionDays,
                trailObjectLockDays,
                anomalyThresholdUsd,
                anomalyMonitorArn);
    }

    /** {@code -c trailRetentionDays=730 -c trailObjectLockDays=0}. */
    public AccountConfig withTrailRetention(int retentionDays, int objectLockDays) {
        return new AccountConfig(
                account,
                region,
                organizationProvides,
                audited,
                extraBuckets,
                alarmEmails,
                retentionDays,
                objectLockDays,
                anomalyThresholdUsd,
                anomalyMonitorArn);
    }

    /** {@code -c anomalyThresholdUsd=25 -c anomalyMonitorArn=arn:aws:ce::...}. */
    public AccountConfig withAnomalies(double thresholdUsd, String monitorArn) {
        return new AccountConfig(
                account,
                region,
                organizationProvides,
                audited,
                extraBuckets,
                alarmEmails,
                trailRetentionDays,
                trailObjectLockDays,
                thresholdUsd,
                monitorArn);
    }

    /** The same in {@code newAccount} and {@code newRegion}. */
    public AccountConfig in(String newAccount, String newRegion) {
        return new AccountConfig(
                newAccount,
                newRegion,
                organizationProvides,
                audited,
                extraBuckets,
                alarmEmails,
                trailRetentionDays,
                trailObjectLockDays,
                anomalyThresholdUsd,
                anomalyMonitorArn);
    }
}
