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
 * Props of {@link DataTable}.
 *
 * @param partitionKey the partition key. Required.
 * @param sortKey the sort key. Default: none (simple primary key).
 * @param globalSecondaryIndexes GSIs, on demand like the table (no capacities). Default: none.
 * @param encryption server-side encryption. Default: {@code AWS_MANAGED} (KMS key {@code aws/dynamodb}),
 *     or {@code CUSTOMER_MANAGED} when {@code encryptionKey} is given.
 * @param encryptionKey customer managed KMS key. Default: none (see {@code encryption}).
 * @param pointInTimeRecoveryDays PITR recovery window, 1..35. Default: 35 days.
 * @param deletionProtection DynamoDB deletion protection. Default: on; turning it off is reported
 *     as a synth warning.
 * @param stream the DynamoDB stream view. Default: no stream.
 * @param timeToLiveAttribute the TTL attribute name (epoch seconds). Default: no TTL.
 * @param backupPlan the AWS Backup plan that backs the table up (share one across tables).
 *     Default: a plan of the table's own, daily backups kept 35 days in a new vault.
 * @param removalPolicy what CloudFormation does when the table leaves the stack. Default: RETAIN;
 *     DESTROY is reported as a synth warning.
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
        private RemovalPolicy removalPolicy;

        private Builder() {}

        public Builder partitionKey(Attribute partitionKey) {
            this.partitionKey = partitionKey;
            return this;
        }

        public Builder sortKey(Attribute sortKey) {
            this.sortKey = sortKey;
            return this;
        }

        public Builder globalSecondaryIndexes(List<GlobalSecondaryIndexProps> globalSecondaryIndexes) {
            this.globalSecondaryIndexes = globalSecondaryIndexes;
            return this;
        }

        public Builder encryption(TableEncryption encryption) {
            this.encryption = encryption;
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public Builder pointInTimeRecoveryDays(Integer pointInTimeRecoveryDays) {
            this.pointInTimeRecoveryDays = pointInTimeRecoveryDays;
            return this;
        }

        public Builder deletionProtection(Boolean deletionProtection) {
            this.deletionProtection = deletionProtection;
            return this;
        }

        public Builder stream(StreamViewType stream) {
            this.stream = stream;
            return this;
        }

        public Builder timeToLiveAttribute(String timeToLiveAttribute) {
            this.timeToLiveAttribute = timeToLiveAttribute;
            return this;
        }

        public Builder backupPlan(IBackupPlan backupPlan) {
            this.backupPlan = backupPlan;
            return this;
        }

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
                    removalPolicy);
        }
    }
}
