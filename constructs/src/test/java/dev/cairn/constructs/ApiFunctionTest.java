package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sqs.Queue;

class ApiFunctionTest {

    private static final String HANDLER = "example.Handler::handleRequest";

    private static Stack defaults;
    private static Stack custom;
    private static NagAudit.Findings nag;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        defaults = TestApps.stack(app, "Defaults");
        new ApiFunction(defaults, "Api", valid().build());

        custom = TestApps.stack(app, "Custom");
        ApiFunction gradual = new ApiFunction(
                custom,
                "Api",
                valid().memorySize(2048)
                        .timeout(Duration.seconds(10))
                        .description("the API")
                        .environment(Map.of("TABLE", "items"))
                        .reservedConcurrentExecutions(5)
                        .logRetention(RetentionDays.ONE_WEEK)
                        .logEncryptionKey(new Key(custom, "LogKey"))
                        .rollbackAlarms(List.of(alarm(custom)))
                        .deadLetterQueue(new Queue(custom, "Dlq"))
                        .build());
        new ApiFunction(
                custom,
                "Worker",
                valid().rollbackAlarms(List.of(alarm(custom)))
                        .deploymentConfig(LambdaDeploymentConfig.LINEAR_10_PERCENT_EVERY_1_MINUTE)
                        .logEncryptionKey(gradual.getLogEncryptionKey())
                        .build());
        DataTable table = new DataTable(
                custom,
                "Items",
                DataTableProps.builder()
                        .partitionKey(Attribute.builder()
                                .name("pk")
                                .type(AttributeType.STRING)
                                .build())
                        .build());
        table.grantApiData(gradual);

        nag = NagAudit.audit(defaults);
    }

    private static IAlarm alarm(Stack stack) {
        return Alarm.Builder.create(
                        stack, "Alarm" + stack.getNode().getChildren().size())
                .metric(new software.amazon.awscdk.services.cloudwatch.Metric(
                        software.amazon.awscdk.services.cloudwatch.MetricProps.builder()
                                .namespace("Test")
                                .metricName("Errors")
                                .build()))
                .threshold(1)
                .evaluationPeriods(1)
                .build();
    }

    private static ApiFunctionProps.Builder valid() {
        return ApiFunctionProps.builder().code(TestApps.code()).handler(HANDLER);
    }

    @Test
    void defaultsAreNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void defaultsAreJava25Arm64SnapStartTracedJsonLogged() {
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::Lambda::Function",
                        Match.objectLike(Map.of(
                                "Runtime", "java25",
                                "Architectures", List.of("arm64"),
                                "Handler", HANDLER,
                                "MemorySize", 1024,
                                "Timeout", 29,
                                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                                "TracingConfig", Map.of("Mode", "Active"),
                                "LoggingConfig",
                                        Map.of("LogFormat", "JSON", "LogGroup", Map.of("Ref", "ApiLogGroup1717FE17")),
                                "ReservedConcurrentExecutions", Match.absent(),
                                "DeadLetterConfig", Match.absent())));
    }

    @Test
    void logGroupKeepsOneMonthEncryptedWithAKeyOnlyCloudWatchLogsMayUse() {
        Template template = Template.fromStack(defaults);
        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of("RetentionInDays", 30, "KmsKeyId", Map.of("Fn::GetAtt", List.of("ApiLogKeyCB69AA94", "Arn"))));
        template.hasResourceProperties(
                "AWS::KMS::Key",
                Match.objectLike(Map.of(
                        "EnableKeyRotation",
                        true,
                        "KeyPolicy",
                        Match.objectLike(Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Principal", Map.of("Service", "logs.eu-west-1.amazonaws.com"),
                                        "Condition",
                                                Map.of(
                                                        "ArnLike",
                                                        Map.of(
                                                                "kms:EncryptionContext:aws:logs:arn",
                                                                Match.anyValue())))))))))));
    }

    @Test
    void callersGetTheLiveAliasOnAPublishedVersion() {
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::Lambda::Alias",
                        Map.of(
                                "Name", "live",
                                "FunctionName", Map.of("Ref", "Api9AF3637B"),
                                "FunctionVersion",
                                        Map.of(
                                                "Fn::GetAtt",
                                                List.of(Match.stringLikeRegexp("ApiCurrentVersion.*"), "Version"))));
    }

    @Test
    void withoutAlarmsDeploysAllAtOnceAndRollsBackOnFailure() {
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::CodeDeploy::DeploymentGroup",
                        Match.objectLike(Map.of(
                                "DeploymentConfigName",
                                Match.stringLikeRegexp(".*AllAtOnce"),
                                "AutoRollbackConfiguration",
                                Map.of(
                                        "Enabled",
                                        true,
                                        "Events",
                                        List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST")),
                                "AlarmConfiguration",
                                Match.absent())));
    }

    @Test
    void executionRoleWritesOnlyItsOwnLogGroupAndHasNoManagedPolicies() {
        Template template = Template.fromStack(defaults);
        template.hasResourceProperties(
                "AWS::IAM::Role",
                Match.objectLike(Map.of(
                        "AssumeRolePolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                List.of(Match.objectLike(
                                        Map.of("Principal", Map.of("Service", "lambda.amazonaws.com")))))),
                        "ManagedPolicyArns",
                        Match.absent())));
        Capture statements = new Capture();
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        assertThat(statements.asArray().toString())
                .contains("logs:CreateLogStream", "logs:PutLogEvents", "ApiLogGroup1717FE17", "xray:PutTraceSegments");
    }

    @Test
    void propsSetMemoryTimeoutEnvironmentConcurrencyRetentionKeyAndDeadLetterQueue() {
        Template template = Template.fromStack(custom);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "MemorySize",
                        2048,
                        "Timeout",
                        10,
                        "Description",
                        "the API",
                        "Environment",
                        Map.of("Variables", Map.of("TABLE", "items")),
                        "ReservedConcurrentExecutions",
                        5,
                        "DeadLetterConfig",
                        Match.objectLike(Map.of()))));
        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of(
                        "RetentionInDays",
                        7,
                        "KmsKeyId",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("LogKey.*"), "Arn"))));
        template.resourceCountIs("AWS::KMS::Key", 1);
    }

    @Test
    void alarmsMakeACanaryThatRollsBackInAlarm() {
        Template.fromStack(custom)
                .hasResourceProperties(
                        "AWS::CodeDeploy::DeploymentGroup",
                        Match.objectLike(Map.of(
                                "DeploymentConfigName",
                                Match.stringLikeRegexp(".*Canary10Percent5Minutes"),
                                "AutoRollbackConfiguration",
                                Map.of(
                                        "Enabled",
                                        true,
                                        "Events",
                                        List.of(
                                                "DEPLOYMENT_FAILURE",
                                                "DEPLOYMENT_STOP_ON_REQUEST",
                                                "DEPLOYMENT_STOP_ON_ALARM")),
                                "AlarmConfiguration",
                                Match.objectLike(Map.of("Enabled", true)))));
    }

    @Test
    void deploymentConfigPropIsUsed() {
        Template.fromStack(custom)
                .hasResourceProperties(
                        "AWS::CodeDeploy::DeploymentGroup",
                        Match.objectLike(Map.of(
                                "DeploymentConfigName", Match.stringLikeRegexp(".*Linear10PercentEvery1Minute"))));
    }

    @Test
    void isAGrantableThatDataGrantsReachThroughItsRole() {
        Template.fromStack(custom)
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        Match.objectLike(Map.of(
                                "Roles",
                                List.of(Map.of("Ref", Match.stringLikeRegexp("ApiServiceRole.*"))),
                                "PolicyDocument",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Match.objectLike(
                                                Map.of("Action", Match.arrayWith(List.of("dynamodb:Query")))))))))));
    }

    @Test
    void givenConcurrencyAndDeadLetterQueueNeedNoSuppression() {
        Map<String, Map<String, Object>> functions = Template.fromStack(custom)
                .findResources(
                        "AWS::Lambda::Function",
                        Map.of("Properties", Match.objectLike(Map.of("ReservedConcurrentExecutions", 5))));
        assertThat(functions).hasSize(1);
        String metadata = String.valueOf(functions.values().iterator().next().get("Metadata"));
        assertThat(metadata).contains("LambdaInsideVPC").doesNotContain("LambdaConcurrency", "LambdaDLQ");
    }

    private static void create(ApiFunctionProps props) {
        new ApiFunction(TestApps.stack(), "Api", props);
    }

    @Test
    void failsIfCodeMissing() {
        assertThatThrownBy(
                        () -> create(ApiFunctionProps.builder().handler(HANDLER).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code is required (value: null)");
    }

    @Test
    void failsIfHandlerMissing() {
        assertThatThrownBy(() ->
                        create(ApiFunctionProps.builder().code(TestApps.code()).build()))
                .hasMessageContaining("handler is required (value: null)");
    }

    @Test
    void failsIfHandlerBlank() {
        assertThatThrownBy(() -> create(valid().handler(" ").build()))
                .hasMessageContaining("handler must not be blank");
    }

    @Test
    void failsIfMemorySizeOutOfRange() {
        assertThatThrownBy(() -> create(valid().memorySize(64).build()))
                .hasMessageContaining("memorySize must be 128..10240 (value: 64)");
    }

    @Test
    void failsIfTimeoutOutOfRange() {
        assertThatThrownBy(() -> create(valid().timeout(Duration.minutes(16)).build()))
                .hasMessageContaining("timeout (seconds) must be 1..900 (value: 960)");
    }

    @Test
    void failsIfReservedConcurrencyBelowOne() {
        assertThatThrownBy(() -> create(valid().reservedConcurrentExecutions(0).build()))
                .hasMessageContaining("reservedConcurrentExecutions must be 1..100000 (value: 0)");
    }

    @Test
    void failsIfEnvironmentSetsAReservedName() {
        assertThatThrownBy(() ->
                        create(valid().environment(Map.of("AWS_REGION", "x")).build()))
                .hasMessageContaining("environment must not set a name reserved by Lambda (value: AWS_REGION)");
    }

    @Test
    void readingASecretOfAnotherStackGrantsOnTheRoleOnlyAndDecryptsThroughSecretsManager() {
        App app = TestApps.app();
        Stack owner = TestApps.stack(app, "Owner");
        Key key = new Key(owner, "SecretKey");
        Secret secret =
                Secret.Builder.create(owner, "Secret").encryptionKey(key).build();
        Stack reader = TestApps.stack(app, "Reader");
        ApiFunction function = new ApiFunction(reader, "Api", valid().build());
        function.grantReadSecretOfOtherStack(secret, key);

        Capture statements = new Capture();
        Template.fromStack(reader)
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        String granted = statements.asArray().toString();
        assertThat(granted)
                .contains("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret")
                .contains("Action=kms:Decrypt", "kms:ViaService=secretsmanager.eu-west-1.amazonaws.com")
                .doesNotContain("kms:Encrypt", "kms:GenerateDataKey");
        // The owner's key policy does not name the reader's role: no dependency back.
        assertThat(Template.fromStack(owner).toJSON().toString()).doesNotContain("ApiServiceRole");
    }
}
