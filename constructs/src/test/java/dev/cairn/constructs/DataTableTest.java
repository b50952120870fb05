package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;

class DataTableTest {

    private static final Attribute PK =
            Attribute.builder().name("pk").type(AttributeType.STRING).build();
    private static final Attribute SK =
            Attribute.builder().name("sk").type(AttributeType.STRING).build();

    private static Stack defaults;
    private static Stack custom;
    private static Stack acknowledged;
    private static NagAudit.Findings nag;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        defaults = TestApps.stack(app, "Defaults");
        new DataTable(
                defaults, "Items", DataTableProps.builder().partitionKey(PK).build());

        custom = TestApps.stack(app, "Custom");
        Key key = new Key(custom, "Key");
        BackupPlan sharedPlan = BackupPlan.daily35DayRetention(custom, "SharedPlan");
        DataTable table = new DataTable(
                custom,
                "Items",
                DataTableProps.builder()
                        .partitionKey(PK)
                        .sortKey(SK)
                        .globalSecondaryIndexes(List.of(GlobalSecondaryIndexProps.builder()
                                .indexName("byStatus")
                                .partitionKey(Attribute.builder()
                                        .name("status")
                                        .type(AttributeType.STRING)
                                        .build())
                                .build()))
                        .encryptionKey(key)
                        .pointInTimeRecoveryDays(7)
                        .deletionProtection(false)
                        .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                        .timeToLiveAttribute("expiresAt")
                        .backupPlan(sharedPlan)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build());
        table.grantApiData(Role.Builder.create(custom, "ApiRole")
                .assumedBy(new AccountRootPrincipal())
                .build());
        table.grantStreamRead(Role.Builder.create(custom, "StreamRole")
                .assumedBy(new AccountRootPrincipal())
                .build());

        acknowledged = TestApps.stack(app, "Acknowledged");
        DataTable scratch = new DataTable(
                acknowledged,
                "Scratch",
                DataTableProps.builder()
                        .partitionKey(PK)
                        .deletionProtection(false)
                        .build());
        software.amazon.awscdk.Annotations.of(scratch)
                .acknowledgeWarning("@cairn/constructs:deletionProtection", "Scratch table of a dev stage.");
        new DataTable(
                acknowledged,
                "AwsOwned",
                DataTableProps.builder()
                        .partitionKey(PK)
                        .encryption(TableEncryption.DEFAULT)
                        .build());

        nag = NagAudit.audit(defaults);
    }

    @Test
    void defaultsAreNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void pinsTheTableLogicalId() {
        assertThat(Template.fromStack(defaults).findResources("AWS::DynamoDB::Table"))
                .containsOnlyKeys("Items69BE2272");
    }

    @Test
    void defaultsAreOnDemandWithPitr35DaysDeletionProtectionKmsAndRetain() {
        Template template = Template.fromStack(defaults);
        template.hasResource(
                "AWS::DynamoDB::Table",
                Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "UpdateReplacePolicy",
                        "Retain",
                        "Properties",
                        Match.objectLike(Map.of(
                                "BillingMode",
                                "PAY_PER_REQUEST",
                                "DeletionProtectionEnabled",
                                true,
                                "PointInTimeRecoverySpecification",
                                Map.of("PointInTimeRecoveryEnabled", true, "RecoveryPeriodInDays", 35),
                                "SSESpecification",
                                Map.of("SSEEnabled", true),
                                "StreamSpecification",
                                Match.absent(),
                                "TimeToLiveSpecification",
                                Match.absent()))));
    }

    @Test
    void defaultsPutTheTableIntoADailyBackupPlanKept35Days() {
        Template template = Template.fromStack(defaults);
        template.hasResourceProperties(
                "AWS::Backup::BackupPlan",
                Match.objectLike(Map.of(
                        "BackupPlan",
                        Match.objectLike(Map.of(
                                "BackupPlanRule",
                                List.of(Match.objectLike(Map.of("Lifecycle", Map.of("DeleteAfterDays", 35)))))))));
        template.hasResourceProperties(
                "AWS::Backup::BackupSelection",
                Match.objectLike(Map.of(
                        "BackupSelection",
                        Match.objectLike(
                                Map.of("Resources", List.of(Map.of("Fn::GetAtt", List.of("Items69BE2272", "Arn"))))))));
    }

    @Test
    void propsSetKeysIndexesKmsKeyStreamTtlAndRecoveryWindow() {
        Template template = Template.fromStack(custom);
        Capture keyArn = new Capture();
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "KeySchema",
                        List.of(
                                Map.of("AttributeName", "pk", "KeyType", "HASH"),
                                Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                        "GlobalSecondaryIndexes",
                        List.of(Match.objectLike(Map.of("IndexName", "byStatus"))),
                        "SSESpecification",
                        Map.of("SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", keyArn),
                        "PointInTimeRecoverySpecification",
                        Map.of("PointInTimeRecoveryEnabled", true, "RecoveryPeriodInDays", 7),
                        "StreamSpecification",
                        Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                        "TimeToLiveSpecification",
                        Map.of("AttributeName", "expiresAt", "Enabled", true),
                        "DeletionProtectionEnabled",
                        false)));
        assertThat(keyArn.asObject().toString()).contains("Key");
        template.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionPolicy", "Delete")));
    }

    @Test
    void aSharedBackupPlanIsUsedInsteadOfAnOwnOne() {
        Template template = Template.fromStack(custom);
        template.resourceCountIs("AWS::Backup::BackupPlan", 1);
        template.hasResourceProperties(
                "AWS::Backup::BackupSelection",
                Match.objectLike(Map.of(
                        "BackupPlanId",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SharedPlan.*"), "BackupPlanId")))));
    }

    @Test
    void turningOffSecurityDefaultsLeavesWarnings() {
        Annotations annotations = Annotations.fromStack(custom);
        annotations.hasWarning("/Custom/Items", Match.stringLikeRegexp(".*deletionProtection.*"));
        annotations.hasWarning("/Custom/Items", Match.stringLikeRegexp(".*removalPolicy.*"));
        assertThat(Annotations.fromStack(defaults).findWarning("*", Match.stringLikeRegexp(".*overridden.*")))
                .isEmpty();
    }

    @Test
    void anOverrideWarningCanBeAcknowledgedWithItsId() {
        Annotations annotations = Annotations.fromStack(acknowledged);
        annotations.hasNoWarning("/Acknowledged/Scratch", Match.anyValue());
        annotations.hasWarning("/Acknowledged/AwsOwned", Match.stringLikeRegexp(".*encryption.*AWS owned key.*"));
    }

    @Test
    void grantApiDataGivesExactlyTheRequestPathActionsOnTableAndIndexesNoScan() {
        Template template = Template.fromStack(custom);
        Capture statements = new Capture();
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Match.objectLike(Map.of(
                        "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("ApiRole.*"))),
                        "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        List<Object> all = statements.asArray();
        Map<?, ?> dynamo = all.stream()
                .map(Map.class::cast)
                .filter(s -> s.get("Action") instanceof List<?> a && a.contains("dynamodb:Query"))
                .findFirst()
                .orElseThrow();
        List<String> actions =
                ((List<?>) dynamo.get("Action")).stream().map(String::valueOf).toList();
        assertThat(actions).containsExactlyInAnyOrderElementsOf(Perms.DYNAMODB_API_DATA);
        assertThat(actions).doesNotContain("dynamodb:Scan");
        assertThat(dynamo.get("Resource").toString()).contains("/index/*");
        assertThat(all.toString()).contains("kms:Decrypt", "kms:GenerateDataKey*");
    }

    /** The KMS actions in the default policy of the role named {@code rolePrefix}. */
    private static List<String> kmsActionsOf(Template template, String rolePrefix) {
        Capture statements = new Capture();
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Match.objectLike(Map.of(
                        "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp(rolePrefix + ".*"))),
                        "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        return statements.asArray().stream()
                .map(Map.class::cast)
                .flatMap(s ->
                        s.get("Action") instanceof List<?> a ? a.stream() : java.util.stream.Stream.of(s.get("Action")))
                .map(String::valueOf)
                .filter(a -> a.startsWith("kms:"))
                .toList();
    }

    private static Template grantedItems(Map<String, List<String>> actionsByRole) {
        Stack stack = TestApps.stack();
        DataTable table = new DataTable(
                stack,
                "Items",
                DataTableProps.builder()
                        .partitionKey(PK)
                        .encryptionKey(new Key(stack, "Key"))
                        .build());
        actionsByRole.forEach((role, actions) -> table.grantItems(
                Role.Builder.create(stack, role)
                        .assumedBy(new AccountRootPrincipal())
                        .build(),
                actions));
        return Template.fromStack(stack);
    }

    @Test
    void aReadOnlyItemGrantDecryptsButCannotEncrypt() {
        Template template = grantedItems(Map.of("Reader", List.of("dynamodb:GetItem", "dynamodb:Query")));
        assertThat(kmsActionsOf(template, "Reader"))
                .containsExactlyInAnyOrderElementsOf(Perms.KMS_READ)
                .doesNotContain("kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*");
    }

    @Test
    void anItemGrantWithAWriteActionAlsoEncrypts() {
        Template template = grantedItems(Map.of("Writer", List.of("dynamodb:GetItem", "dynamodb:PutItem")));
        assertThat(kmsActionsOf(template, "Writer"))
                .containsExactlyInAnyOrder(
                        "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*");
    }

    @Test
    void everyApiDataActionIsClassedAsReadOrWrite() {
        // A new action in DYNAMODB_API_DATA must be sorted into reads or writes deliberately:
        // the reads are exactly these, every other action is a write.
        assertThat(Perms.DYNAMODB_API_DATA).containsAll(Perms.DYNAMODB_ITEM_READ);
        assertThat(Perms.DYNAMODB_API_DATA.stream()
                        .filter(a -> !Perms.DYNAMODB_ITEM_READ.contains(a))
                        .toList())
                .containsExactlyInAnyOrder(
                        "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    }

    @Test
    void grantStreamReadAllowsReadingTheStream() {
        Template.fromStack(custom)
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        Match.objectLike(Map.of(
                                "Roles",
                                List.of(Map.of("Ref", Match.stringLikeRegexp("StreamRole.*"))),
                                "PolicyDocument",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Action", Match.arrayWith(List.of("dynamodb:GetRecords")))))))))));
    }

    private static DataTableProps.Builder valid() {
        return DataTableProps.builder().partitionKey(PK);
    }

    private static void create(DataTableProps props) {
        new DataTable(TestApps.stack(), "Items", props);
    }

    @Test
    void failsIfPartitionKeyMissing() {
        assertThatThrownBy(() -> create(DataTableProps.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitionKey is required (value: null)");
    }

    @Test
    void failsIfRecoveryWindowOutOfRange() {
        assertThatThrownBy(() -> create(valid().pointInTimeRecoveryDays(36).build()))
                .hasMessageContaining("pointInTimeRecoveryDays must be 1..35 (value: 36)");
    }

    @Test
    void failsIfTimeToLiveAttributeBlank() {
        assertThatThrownBy(() -> create(valid().timeToLiveAttribute(" ").build()))
                .hasMessageContaining("timeToLiveAttribute must not be blank");
    }

    @Test
    void failsIfCustomerManagedEncryptionHasNoKey() {
        assertThatThrownBy(() -> create(
                        valid().encryption(TableEncryption.CUSTOMER_MANAGED).build()))
                .hasMessageContaining("encryptionKey is required when encryption is CUSTOMER_MANAGED");
    }

    @Test
    void failsIfKeyGivenWithOtherEncryption() {
        Stack stack = TestApps.stack();
        DataTableProps props = valid().encryption(TableEncryption.AWS_MANAGED)
                .encryptionKey(new Key(stack, "Key"))
                .build();
        assertThatThrownBy(() -> new DataTable(stack, "Items", props))
                .hasMessageContaining("encryptionKey needs encryption CUSTOMER_MANAGED (value: AWS_MANAGED)");
    }

    @Test
    void failsIfMoreThanTwentyIndexes() {
        List<GlobalSecondaryIndexProps> gsis =
                IntStream.range(0, 21).mapToObj(i -> gsi("gsi" + i)).toList();
        assertThatThrownBy(() -> create(valid().globalSecondaryIndexes(gsis).build()))
                .hasMessageContaining("globalSecondaryIndexes must hold at most 20 (value: 21 indexes)");
    }

    @Test
    void failsIfIndexNamesRepeat() {
        assertThatThrownBy(() -> create(valid().globalSecondaryIndexes(List.of(gsi("a"), gsi("a")))
                        .build()))
                .hasMessageContaining("globalSecondaryIndexes names must be unique (value: a)");
    }

    @Test
    void failsIfIndexHasProvisionedCapacity() {
        GlobalSecondaryIndexProps provisioned = GlobalSecondaryIndexProps.builder()
                .indexName("p")
                .partitionKey(SK)
                .readCapacity(5)
                .build();
        assertThatThrownBy(() -> create(
                        valid().globalSecondaryIndexes(List.of(provisioned)).build()))
                .hasMessageContaining(
                        "globalSecondaryIndexes must not set capacities on an on-demand table (value: p)");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> create(DataTableProps.builder()
                        .pointInTimeRecoveryDays(0)
                        .timeToLiveAttribute("")
                        .build()))
                .hasMessageStartingWith("Invalid DataTable props at Test/Items: ")
                .hasMessageContaining("partitionKey")
                .hasMessageContaining("pointInTimeRecoveryDays")
                .hasMessageContaining("timeToLiveAttribute");
    }

    private static GlobalSecondaryIndexProps gsi(String name) {
        return GlobalSecondaryIndexProps.builder()
                .indexName(name)
                .partitionKey(SK)
                .build();
    }

    @Test
    void aScanGrantCoversTheTableAloneAndReadsWithItsKey() {
        Stack stack = TestApps.stack();
        Key key = new Key(stack, "Key");
        DataTable table = new DataTable(
                stack,
                "Items",
                DataTableProps.builder()
                        .partitionKey(PK)
                        .globalSecondaryIndexes(List.of(GlobalSecondaryIndexProps.builder()
                                .indexName("byStatus")
                                .partitionKey(SK)
                                .build()))
                        .encryptionKey(key)
                        .build());
        table.grantScan(Role.Builder.create(stack, "Reindex")
                .assumedBy(new AccountRootPrincipal())
                .build());
        String policy =
                Template.fromStack(stack).findResources("AWS::IAM::Policy").toString();
        assertThat(policy)
                .contains("Action=[dynamodb:Scan, dynamodb:DescribeTable]")
                .contains("Action=[kms:Decrypt, kms:DescribeKey]")
                .doesNotContain("/index/")
                .doesNotContain("dynamodb:GetItem")
                .doesNotContain("kms:Encrypt")
                .doesNotContain("kms:GenerateDataKey");
    }

    @Test
    void withoutBackupReasonLeavesTheTableToPointInTimeRecoveryAndSaysWhy() {
        App app = TestApps.app();
        Stack stack = TestApps.stack(app, "NoBackup");
        DataTable table = new DataTable(
                stack,
                "Items",
                DataTableProps.builder()
                        .partitionKey(software.amazon.awscdk.services.dynamodb.Attribute.builder()
                                .name("pk")
                                .type(software.amazon.awscdk.services.dynamodb.AttributeType.STRING)
                                .build())
                        .withoutBackupReason("PITR alone in this stage")
                        .build());
        assertThat(table.getBackupSelection()).isNull();
        NagAudit.Findings findings = NagAudit.audit(stack);
        assertThat(findings.errors()).isEmpty();
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::Backup::BackupPlan", 0);
        template.resourceCountIs("AWS::Backup::BackupSelection", 0);
        String resource = template.findResources("AWS::DynamoDB::Table").toString();
        assertThat(resource)
                .contains("HIPAA.Security-DynamoDBInBackupPlan", "NIST.800.53.R5-DynamoDBInBackupPlan")
                .contains("PITR alone in this stage", "PointInTimeRecoveryEnabled=true");
    }

    @Test
    void withoutBackupReasonIsRejectedBesideABackupPlan() {
        App app = TestApps.app();
        Stack stack = TestApps.stack(app, "Both");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DataTable(
                        stack,
                        "Items",
                        DataTableProps.builder()
                                .partitionKey(software.amazon.awscdk.services.dynamodb.Attribute.builder()
                                        .name("pk")
                                        .type(software.amazon.awscdk.services.dynamodb.AttributeType.STRING)
                                        .build())
                                .backupPlan(DataDefaults.backupPlan(stack, "Plan"))
                                .withoutBackupReason("PITR alone")
                                .build()))
                .hasMessageContaining("withoutBackupReason cannot be combined with backupPlan");
    }
}
