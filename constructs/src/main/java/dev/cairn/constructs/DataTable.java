package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.backup.BackupSelection;
import software.amazon.awscdk.services.backup.IBackupPlan;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.Construct;

/**
 * A DynamoDB table with Cairn's data-tier defaults: on demand, point-in-time recovery (35 days),
 * deletion protection, KMS encryption, an AWS Backup plan, RETAIN.
 *
 * <p>Request-path code should get {@link #grantApiData(IGrantable)}, which leaves out Scan.
 */
public class DataTable extends Construct {

    /** DynamoDB's per-table limit of global secondary indexes. */
    static final int MAX_GLOBAL_SECONDARY_INDEXES = 20;

    private final Table table;
    private final BackupSelection backupSelection;

    public DataTable(Construct scope, String id, DataTableProps props) {
        super(scope, id);
        validate(props);

        TableEncryption encryption = props.encryption() != null
                ? props.encryption()
                : props.encryptionKey() != null ? TableEncryption.CUSTOMER_MANAGED : DataDefaults.encryption();
        int recoveryDays =
                Objects.requireNonNullElse(props.pointInTimeRecoveryDays(), DataDefaults.POINT_IN_TIME_RECOVERY_DAYS);
        boolean deletionProtection =
                Objects.requireNonNullElse(props.deletionProtection(), DataDefaults.deletionProtection());
        RemovalPolicy removalPolicy = Objects.requireNonNullElse(props.removalPolicy(), DataDefaults.removalPolicy());

        this.table = Table.Builder.create(this, "Resource")
                .partitionKey(props.partitionKey())
                .sortKey(props.sortKey())
                .billingMode(DataDefaults.billingMode())
                .pointInTimeRecoverySpecification(DataDefaults.pointInTimeRecovery(recoveryDays))
                .deletionProtection(deletionProtection)
                .encryption(encryption)
                .encryptionKey(props.encryptionKey())
                .stream(props.stream())
                .timeToLiveAttribute(props.timeToLiveAttribute())
                .removalPolicy(removalPolicy)
                .build();
        props.globalSecondaryIndexes().forEach(table::addGlobalSecondaryIndex);

        if (props.withoutBackupReason() != null) {
            this.backupSelection = null;
            for (String rule : List.of("HIPAA.Security-DynamoDBInBackupPlan", "NIST.800.53.R5-DynamoDBInBackupPlan")) {
                Compliance.suppress(table, rule, props.withoutBackupReason());
            }
        } else {
            IBackupPlan plan =
                    props.backupPlan() != null ? props.backupPlan() : DataDefaults.backupPlan(this, "BackupPlan");
            this.backupSelection = BackupSelection.Builder.create(this, "BackupSelection")
                    .backupPlan(plan)
                    .resources(List.of(BackupResource.fromDynamoDbTable(table)))
                    .build();
            Compliance.suppress(
                    backupSelection.getNode().findChild("Role"),
                    "AwsSolutions-IAM4",
                    "The role AWS Backup assumes for this selection uses AWSBackupServiceRolePolicyForBackup,"
                            + " the AWS-maintained policy scoped to backup actions that AWS Backup documents for"
                            + " selections; a hand-written copy would drift from the service.",
                    "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup");
        }

        if (!deletionProtection) {
            PropsCheck.warnOverride(this, "deletionProtection", "the table can be deleted by any stack update");
        }
        if (encryption == TableEncryption.DEFAULT) {
            PropsCheck.warnOverride(this, "encryption", "an AWS owned key: key use is not visible in CloudTrail");
        }
        if (removalPolicy != RemovalPolicy.RETAIN && removalPolicy != RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE) {
            PropsCheck.warnOverride(this, "removalPolicy", removalPolicy + " deletes the data with the stack");
        }
    }

    private void validate(DataTableProps props) {
        PropsCheck check = new PropsCheck("DataTable");
        check.require("props", props);
        if (props != null) {
            check.require("partitionKey", props.partitionKey());
            check.range("pointInTimeRecoveryDays", props.pointInTimeRecoveryDays(), 1, 35);
            check.notBlank("withoutBackupReason", props.withoutBackupReason());
            check.check(
                    props.withoutBackupReason() == null || props.backupPlan() == null,
                    "withoutBackupReason cannot be combined with backupPlan (value: " + props.withoutBackupReason()
                            + ")");
            check.notBlank("timeToLiveAttribute", props.timeToLiveAttribute());
            check.check(
                    props.encryption() != TableEncryption.CUSTOMER_MANAGED || props.encryptionKey() != null,
                    "encryptionKey is required when encryption is CUSTOMER_MANAGED (value: null)");
            check.check(
                    props.encryptionKey() == null
                            || props.encryption() == null
                            || props.encryption() == TableEncryption.CUSTOMER_MANAGED,
                    "encryptionKey needs encryption CUSTOMER_MANAGED (value: " + props.encryption() + ")");
            int gsiCount = props.globalSecondaryIndexes().size();
            check.check(
                    gsiCount <= MAX_GLOBAL_SECONDARY_INDEXES,
                    "globalSecondaryIndexes must hold at most " + MAX_GLOBAL_SECONDARY_INDEXES + " (value: " + gsiCount
                            + " indexes)");
            Set<String> names = new HashSet<>();
            for (GlobalSecondaryIndexProps gsi : props.globalSecondaryIndexes()) {
                check.check(
                        names.add(gsi.getIndexName()),
                        "globalSecondaryIndexes names must be unique (value: " + gsi.getIndexName() + ")");
                check.check(
                        gsi.getReadCapacity() == null && gsi.getWriteCapacity() == null,
                        "globalSecondaryIndexes must not set capacities on an on-demand table (value: "
                                + gsi.getIndexName() + ")");
            }
        }
        check.throwIfInvalid(getNode().getPath());
    }

    /** The table; also usable as {@link ITable}. */
    public Table getTable() {
        return table;
    }

    /** The AWS Backup selection that puts the table into a backup plan; null with {@code withoutBackupReason}. */
    public BackupSelection getBackupSelection() {
        return backupSelection;
    }

    /**
     * The recommended grant for API functions: {@link Perms#DYNAMODB_API_DATA} (key reads, Query,
     * writes, condition checks; no Scan) on the table and its indexes, plus decrypt and encrypt
     * with the customer managed key if there is one.
     */
    public Grant grantApiData(IGrantable grantee) {
        return grantWithKey(grantee, Perms.DYNAMODB_API_DATA);
    }

    /**
     * Only the given item actions, for functions that need less than {@link #grantApiData} (a
     * trigger that creates one item, a worker that reads and replaces one): a subset of {@link
     * Perms#DYNAMODB_API_DATA}, on the table and its indexes. With a customer managed key it adds
     * {@link Perms#KMS_READ}, and {@link Perms#KMS_WRITE} only when an action writes: a grant of
     * {@link Perms#DYNAMODB_ITEM_READ} actions alone cannot encrypt.
     */
    public Grant grantItems(IGrantable grantee, List<String> actions) {
        List<String> unknown = actions == null
                ? List.of()
                : actions.stream()
                        .filter(action -> !Perms.DYNAMODB_API_DATA.contains(action))
                        .toList();
        if (actions == null || actions.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException(getNode().getPath() + ": actions must be a non-empty subset of "
                    + Perms.DYNAMODB_API_DATA + " (value: " + actions + ")");
        }
        return grantWithKey(grantee, actions);
    }

    /**
     * The item actions, plus, with a customer managed key, {@link Perms#KMS_READ} and (only when an
     * action writes) {@link Perms#KMS_WRITE}: a read-only grant cannot encrypt.
     */
    private Grant grantWithKey(IGrantable grantee, List<String> actions) {
        Grant grant = table.getGrants().actions(grantee, actions.toArray(String[]::new));
        if (table.getEncryptionKey() != null) {
            List<String> keyActions = new ArrayList<>(Perms.KMS_READ);
            if (!Perms.DYNAMODB_ITEM_READ.containsAll(actions)) {
                keyActions.addAll(Perms.KMS_WRITE);
            }
            grant = grant.combine(table.getEncryptionKey().grant(grantee, keyActions.toArray(String[]::new)));
        }
        return grant;
    }

    /**
     * {@link Perms#DYNAMODB_SCAN} on the table alone (not its indexes), plus {@link Perms#KMS_READ}
     * with a customer managed key: for a batch job that reads every item once (a reindex).
     */
    public Grant grantScan(IGrantable grantee) {
        Grant grant = Grant.addToPrincipal(software.amazon.awscdk.services.iam.GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(Perms.DYNAMODB_SCAN)
                .resourceArns(List.of(table.getTableArn()))
                .build());
        if (table.getEncryptionKey() != null) {
            grant = grant.combine(table.getEncryptionKey().grant(grantee, Perms.KMS_READ.toArray(String[]::new)));
        }
        return grant;
    }

    /** All read actions, Scan included: for batch jobs and tooling, not request paths. */
    public Grant grantReadData(IGrantable grantee) {
        return table.grantReadData(grantee);
    }

    public Grant grantWriteData(IGrantable grantee) {
        return table.grantWriteData(grantee);
    }

    /** All read and write actions, Scan included: for batch jobs and tooling, not request paths. */
    public Grant grantReadWriteData(IGrantable grantee) {
        return table.grantReadWriteData(grantee);
    }

    /** Reading the table's stream; the table must have been created with {@code stream}. */
    public Grant grantStreamRead(IGrantable grantee) {
        return table.grantStreamRead(grantee);
    }
}
