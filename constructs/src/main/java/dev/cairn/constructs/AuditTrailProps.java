package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.ObjectLockMode;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Props of {@link AuditTrail}. Every prop is optional, except {@code alarmTopic} when {@code
 * dataEventBuckets} is given. The setters of {@link Builder} say what each prop means and its
 * default.
 *
 * @param encryptionKey see {@link Builder#encryptionKey}
 * @param dataEventBuckets see {@link Builder#dataEventBuckets}
 * @param alarmTopic see {@link Builder#alarmTopic}
 * @param logRetentionDays see {@link Builder#logRetentionDays}
 * @param objectLockDays see {@link Builder#objectLockDays}
 * @param objectLockMode see {@link Builder#objectLockMode}
 * @param cloudWatchLogsRetention see {@link Builder#cloudWatchLogsRetention}
 * @param accessLogRetentionDays see {@link Builder#accessLogRetentionDays}
 * @param removalPolicy see {@link Builder#removalPolicy}
 */
public record AuditTrailProps(
        IKey encryptionKey,
        List<IBucket> dataEventBuckets,
        ITopic alarmTopic,
        Integer logRetentionDays,
        Integer objectLockDays,
        ObjectLockMode objectLockMode,
        RetentionDays cloudWatchLogsRetention,
        Integer accessLogRetentionDays,
        RemovalPolicy removalPolicy) {

    public AuditTrailProps {
        dataEventBuckets = dataEventBuckets == null ? List.of() : List.copyOf(dataEventBuckets);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link AuditTrailProps}. */
    public static final class Builder {
        private IKey encryptionKey;
        private List<IBucket> dataEventBuckets;
        private ITopic alarmTopic;
        private Integer logRetentionDays;
        private Integer objectLockDays;
        private ObjectLockMode objectLockMode;
        private RetentionDays cloudWatchLogsRetention;
        private Integer accessLogRetentionDays;
        private RemovalPolicy removalPolicy;

        private Builder() {}

        /**
         * The KMS key that encrypts the trail's log files, its log bucket and its CloudWatch log
         * group. A key of this stack gets the statements CloudTrail and CloudWatch Logs need; an
         * imported key must already allow them (its policy cannot be changed from here).
         *
         * <p>Default: a new key with rotation on.
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * Buckets whose object-level API calls (reads and writes) the trail records as S3 data
         * events; a metric filter counts the calls on them that S3 refused with {@code
         * AccessDenied}, and an alarm on {@code alarmTopic} fires on the first one.
         *
         * <p>Default: none (management events only, no AccessDenied alarm).
         */
        public Builder dataEventBuckets(List<IBucket> dataEventBuckets) {
            this.dataEventBuckets = dataEventBuckets;
            return this;
        }

        /**
         * Topic the AccessDenied alarm notifies (in alarm and back to OK); required with {@code
         * dataEventBuckets}. An encrypted topic's key must let {@code cloudwatch.amazonaws.com}
         * use it.
         *
         * <p>Default: none; there is then no alarm.
         */
        public Builder alarmTopic(ITopic alarmTopic) {
            this.alarmTopic = alarmTopic;
            return this;
        }

        /**
         * Days the log bucket keeps a log file before it expires (90..3650).
         *
         * <p>Default: {@value AuditDefaults#TRAIL_LOG_RETENTION_DAYS}.
         */
        public Builder logRetentionDays(Integer logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        /**
         * Days S3 Object Lock keeps every log file from being overwritten or deleted (0..{@code
         * logRetentionDays}); 0 turns Object Lock off (reported as a synth warning). Object Lock
         * can only be enabled when the bucket is created.
         *
         * <p>Default: {@code logRetentionDays}.
         */
        public Builder objectLockDays(Integer objectLockDays) {
            this.objectLockDays = objectLockDays;
            return this;
        }

        /**
         * Object Lock mode: GOVERNANCE (users with {@code s3:BypassGovernanceRetention} may still
         * delete) or COMPLIANCE (nobody, the root user included, until the days are over).
         *
         * <p>Default: GOVERNANCE.
         */
        public Builder objectLockMode(ObjectLockMode objectLockMode) {
            this.objectLockMode = objectLockMode;
            return this;
        }

        /**
         * How long the CloudWatch log group keeps the events (the log bucket is the long-term
         * record; the log group is for metric filters and queries).
         *
         * <p>Default: one year.
         */
        public Builder cloudWatchLogsRetention(RetentionDays cloudWatchLogsRetention) {
            this.cloudWatchLogsRetention = cloudWatchLogsRetention;
            return this;
        }

        /**
         * Days the log bucket's own server access logs are kept (90..3650).
         *
         * <p>Default: 365.
         */
        public Builder accessLogRetentionDays(Integer accessLogRetentionDays) {
            this.accessLogRetentionDays = accessLogRetentionDays;
            return this;
        }

        /**
         * What happens to the buckets, key and log group when they leave the stack.
         *
         * <p>Default: RETAIN; anything else is reported as a synth warning.
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public AuditTrailProps build() {
            return new AuditTrailProps(
                    encryptionKey,
                    dataEventBuckets,
                    alarmTopic,
                    logRetentionDays,
                    objectLockDays,
                    objectLockMode,
                    cloudWatchLogsRetention,
                    accessLogRetentionDays,
                    removalPolicy);
        }
    }
}
