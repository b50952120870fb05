package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Props of {@link ConfigCompliance}. Every prop is optional. The setters of {@link Builder} say
 * what each prop means and its default.
 *
 * @param managedRules see {@link Builder#managedRules}
 * @param includeGlobalResourceTypes see {@link Builder#includeGlobalResourceTypes}
 * @param encryptionKey see {@link Builder#encryptionKey}
 * @param retentionDays see {@link Builder#retentionDays}
 * @param accessLogRetentionDays see {@link Builder#accessLogRetentionDays}
 * @param removalPolicy see {@link Builder#removalPolicy}
 */
public record ConfigComplianceProps(
        List<String> managedRules,
        Boolean includeGlobalResourceTypes,
        IKey encryptionKey,
        Integer retentionDays,
        Integer accessLogRetentionDays,
        RemovalPolicy removalPolicy) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ConfigComplianceProps}. */
    public static final class Builder {
        private List<String> managedRules;
        private Boolean includeGlobalResourceTypes;
        private IKey encryptionKey;
        private Integer retentionDays;
        private Integer accessLogRetentionDays;
        private RemovalPolicy removalPolicy;

        private Builder() {}

        /**
         * AWS Config managed rules to evaluate, by identifier ({@code ManagedRuleIdentifiers}),
         * each with its default parameters.
         *
         * <p>Default: {@link AuditDefaults#CONFIG_RULES} (encryption at rest of tables and
         * buckets, buckets not public and TLS only, point-in-time recovery).
         */
        public Builder managedRules(List<String> managedRules) {
            this.managedRules = managedRules;
            return this;
        }

        /**
         * Whether the recorder also records global resources (IAM users, roles, policies); true
         * in one region only, or they are recorded (and paid for) once per region.
         *
         * <p>Default: true.
         */
        public Builder includeGlobalResourceTypes(Boolean includeGlobalResourceTypes) {
            this.includeGlobalResourceTypes = includeGlobalResourceTypes;
            return this;
        }

        /**
         * KMS key that encrypts the delivery bucket and the snapshots and history files Config
         * writes to it. A key of this stack gets the statement Config needs; an imported key must
         * already allow {@code config.amazonaws.com}.
         *
         * <p>Default: a new key with rotation on.
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * Days the delivery bucket keeps a snapshot or history file (90..3650).
         *
         * <p>Default: {@value AuditDefaults#CONFIG_RETENTION_DAYS}.
         */
        public Builder retentionDays(Integer retentionDays) {
            this.retentionDays = retentionDays;
            return this;
        }

        /**
         * Days the delivery bucket's server access logs are kept (90..3650).
         *
         * <p>Default: 365.
         */
        public Builder accessLogRetentionDays(Integer accessLogRetentionDays) {
            this.accessLogRetentionDays = accessLogRetentionDays;
            return this;
        }

        /**
         * What happens to the buckets and key when they leave the stack.
         *
         * <p>Default: RETAIN; anything else is reported as a synth warning.
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public ConfigComplianceProps build() {
            return new ConfigComplianceProps(
                    managedRules,
                    includeGlobalResourceTypes,
                    encryptionKey,
                    retentionDays,
                    accessLogRetentionDays,
                    removalPolicy);
        }
    }
}
