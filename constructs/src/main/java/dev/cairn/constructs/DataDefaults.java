package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/** Secure defaults of the data tier (DynamoDB). */
public final class DataDefaults {

    /** The longest recovery window DynamoDB point-in-time recovery offers. */
    public static final int POINT_IN_TIME_RECOVERY_DAYS = 35;

    private DataDefaults() {}

    /** On demand: no capacity planning, no throttling from under-provisioning, no autoscaling to audit. */
    public static BillingMode billingMode() {
        return BillingMode.PAY_PER_REQUEST;
    }

    /** KMS with the AWS managed key {@code aws/dynamodb}: key use is visible in CloudTrail. */
    public static TableEncryption encryption() {
        return TableEncryption.AWS_MANAGED;
    }

    public static PointInTimeRecoverySpecification pointInTimeRecovery(int recoveryPeriodInDays) {
        return PointInTimeRecoverySpecification.builder()
                .pointInTimeRecoveryEnabled(true)
                .recoveryPeriodInDays(recoveryPeriodInDays)
                .build();
    }

    /** Daily backups kept 35 days, in a vault of their own (AWS Backup's standard plan). */
    public static BackupPlan backupPlan(Construct scope, String id) {
        // Named after the construct path: AWS Backup plan names are display names that should
        // tell two tables' plans apart (the L2 would name every plan after its id).
        return BackupPlan.Builder.create(scope, id)
                .backupPlanName(Names.uniqueResourceName(
                        scope, UniqueResourceNameOptions.builder().maxLength(50).build()))
                .backupPlanRules(List.of(BackupPlanRule.daily()))
                .build();
    }

    public static boolean deletionProtection() {
        return true;
    }

    public static RemovalPolicy removalPolicy() {
        return RemovalPolicy.RETAIN;
    }
}
