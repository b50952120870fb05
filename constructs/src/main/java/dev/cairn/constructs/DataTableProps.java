package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.backup.IBackupPlan;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Props of {@link DataTable}. The setters of {@link Builder} say what each prop means and its
 * default.
 *
 * @param partitionKey see {@link Builder#partitionKey}
 * @param sortKey see {@link Builder#sortKey}
 * @param globalSecondaryIndexes see {@link Builder#globalSecondaryIndexes}
 * @param encryption see {@link Builder#encryption}
 * @param encryptionKey see {@link Builder#encryptionKey}
 * @param pointInTimeRecoveryDays see {@link Builder#pointInTimeRecoveryDays}
 * @param deletionProtection see {@link Builder#deletionProtection}
 * @param stream see {@link Builder#stream}
 * @param timeToLiveAttribute see {@link Builder#timeToLiveAttribute}
 * @param backupPlan see {@link Builder#backupPlan}
 * @param withoutBackupReason see {@link Builder#withoutBackupReason}
 * @param removalPolicy see {@link Builder#removalPolicy}
 */
public record DataTableProps(
        Attribute partitionKey,
        Attribute sortKey,
        List<GlobalSecondaryIndexProps> globalSecondaryIndexes,
        TableEncryption encryption,
        IKey encryptionKey,
        Integer pointInTimeRecoveryDays,
        Boolean deletionProtection,
        StreamViewType stream,
        String timeToLiveAttribute,
        IBackupPlan backupPlan,
        String withoutBackupReason,
        RemovalPolicy removalPolicy) {

    public DataTableProps {
        globalSecondaryIndexes = globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link DataTableProps}. */
    public static final class Builder {
        private Attribute partitionKey;
        private Attribute sortKey;
        private List<GlobalSecondaryIndexProps> globalSecondaryIndexes;
        private TableEncryption encryption;
        private IKey encryptionKey;
        private Integer pointInTimeRecoveryDays;
        private Boolean deletionProtection;
        private StreamViewType stream;
        private String timeToLiveAttribute;
        private IBackupPlan backupPlan;
        private String withoutBackupReason;
        private RemovalPolicy removalPolicy;

        private Builder() {}

        /**
         * The partition key.
         *
         * <p>Default: none; required.
         */
        public Builder partitionKey(Attribute partitionKey) {
            this.partitionKey = partitionKey;
            return this;
        }

        /**
         * The sort key.
         *
         * <p>Default: none (simple primary key).
         */
        public Builder sortKey(Attribute sortKey) {
            this.sortKey = sortKey;
            return this;
        }

        /**
         * GSIs, on demand like the table (no capacities).
         *
         * <p>Default: none.
         */
        public Builder globalSecondaryIndexes(List<GlobalSecondaryIndexProps> globalSecondaryIndexes) {
            this.globalSecondaryIndexes = globalSecondaryIndexes;
            return this;
        }

        /**
         * Server-side encryption.
         *
         * <p>Default: {@code AWS_MANAGED} (KMS key {@code aws/dynamodb}), or {@code CUSTOMER_MANAGED}
         * when {@code encryptionKey} is given.
         */
        public Builder encryption(TableEncryption encryption) {
            this.encryption = encryption;
            return this;
        }

        /**
         * Customer managed KMS key.
         *
         * <p>Default: none (see {@code encryption}).
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * PITR recovery window, 1..35.
         *
         * <p>Default: 35 days.
         */
        public Builder pointInTimeRecoveryDays(Integer pointInTimeRecoveryDays) {
            this.pointInTimeRecoveryDays = pointInTimeRecoveryDays;
            return this;
        }

        /**
         * DynamoDB deletion protection.
         *
         * <p>Default: on; turning it off is reported as a synth warning.
         */
        public Builder deletionProtection(Boolean deletionProtection) {
            this.deletionProtection = deletionProtection;
            return this;
        }

        /**
         * The DynamoDB stream view.
         *
         * <p>Default: no stream.
         */
        public Builder stream(StreamViewType stream) {
            this.stream = stream;
            return this;
        }

        /**
         * The TTL attribute name (epoch seconds).
         *
         * <p>Default: no TTL.
         */
        public Builder timeToLiveAttribute(String timeToLiveAttribute) {
            this.timeToLiveAttribute = timeToLiveAttribute;
            return this;
        }

        /**
         * The AWS Backup plan that backs the table up (share one across tables).
         *
         * <p>Default: a plan of the table's own, daily backups kept 35 days in a new vault.
         */
        public Builder backupPlan(IBackupPlan backupPlan) {
            this.backupPlan = backupPlan;
            return this;
        }

        /**
         * Leaves the table out of AWS Backup, relying on point-in-time recovery alone, for the
         * reason given: it becomes the reason of the suppressed HIPAA and NIST rules that ask for a
         * backup plan. Rejected with {@code backupPlan}.
         *
         * <p>Default: null, the table is in a backup plan.
         */
        public Builder withoutBackupReason(String withoutBackupReason) {
            this.withoutBackupReason = withoutBackupReason;
            return this;
        }

        /**
         * What CloudFormation does when the table leaves the stack.
         *
         * <p>Default: RETAIN; DESTROY is reported as a synth warning.
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public DataTableProps build() {
            return new DataTableProps(
                    partitionKey,
                    sortKey,
                    globalSecondaryIndexes,
                    encryption,
                    encryptionKey,
                    pointInTimeRecoveryDays,
                    deletionProtection,
                    stream,
                    timeToLiveAttribute,
                    backupPlan,
                    withoutBackupReason,
                    removalPolicy);
        }
    }
}
