package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpApiAttributes;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Function;

class ObservabilityTest {

    private static Stack full;
    private static Stack custom;
    private static Stack empty;
    private static Observability fullObservability;
    private static NagAudit.Findings nag;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        full = TestApps.stack(app, "Full");
        fullObservability = new Observability(
                full,
                "Obs",
                watching(full)
                        .wafWebAclName("edge-acl")
                        .monthlyBudgetUsd(50.0)
                        .alarmEmails(List.of("ops@example.com"))
                        .build());

        custom = TestApps.stack(app, "Custom");
        new Observability(
                custom,
                "Obs",
                watching(custom)
                        .functionErrorRatePercent(5.0)
                        .apiServerErrorRatePercent(1.0)
                        .apiLatencyP95Millis(250.0)
                        .build());

        empty = TestApps.stack(app, "Empty");
        new Observability(empty, "Obs");

        nag = NagAudit.audit(full);
    }

    private static ObservabilityProps.Builder watching(Stack stack) {
        return ObservabilityProps.builder()
                .functions(List.of(
                        Function.fromFunctionArn(stack, "Fn", "arn:aws:lambda:eu-west-1:123456789012:function:api")))
                .httpApis(List.of(HttpApi.fromHttpApiAttributes(
                        stack,
                        "Api",
                        HttpApiAttributes.builder().httpApiId("abc123").build())))
                .tables(List.of(Table.fromTableName(stack, "Table", "items")));
    }

    @Test
    void isNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void alarmTopicIsKmsEncryptedSslOnlyAndOpenToBudgetsOfThisAccount() {
        Template template = Template.fromStack(full);
        template.hasResourceProperties(
                "AWS::SNS::Topic",
                Map.of(
                        "KmsMasterKeyId",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ObsTopicKey.*"), "Arn"))));
        Capture statements = new Capture();
        template.hasResourceProperties(
                "AWS::SNS::TopicPolicy",
                Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        assertThat(statements.asArray().toString())
                .contains("aws:SecureTransport", "budgets.amazonaws.com", "aws:SourceAccount=123456789012");
        Capture keyStatements = new Capture();
        template.hasResourceProperties(
                "AWS::KMS::Key",
                Match.objectLike(Map.of(
                        "EnableKeyRotation", true, "KeyPolicy", Match.objectLike(Map.of("Statement", keyStatements)))));
        assertThat(keyStatements.asArray().toString())
                .contains("cloudwatch.amazonaws.com", "budgets.amazonaws.com", "kms:GenerateDataKey*");
    }

    @Test
    void lambdaErrorRateAlarmUsesMetricMathAboveOnePercent() {
        Template.fromStack(full)
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "Threshold", 1,
                                "ComparisonOperator", "GreaterThanThreshold",
                                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("Obs.*"))),
                                "OKActions", Match.anyValue(),
                                "Metrics",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Expression",
                                                "IF(invocations > 0, 100 * errors / invocations, 0)")))))));
    }

    /**
     * The expression's metrics keep the order they are named in, so every synthesis writes the
     * same template (an order that changed between JVMs would update the alarms on every deploy).
     */
    @Test
    void metricMathAlarmsListTheirMetricsInAFixedOrder() {
        Map<String, Map<String, Object>> alarms = Template.fromStack(full).findResources("AWS::CloudWatch::Alarm");
        List<List<String>> idsByExpression = alarms.values().stream()
                .map(alarm -> (Map<?, ?>) alarm.get("Properties"))
                .filter(properties -> properties.get("Metrics") != null)
                .map(properties -> ((List<?>) properties.get("Metrics"))
                        .stream()
                                .map(metric -> String.valueOf(((Map<?, ?>) metric).get("Id")))
                                .toList())
                .toList();
        assertThat(idsByExpression).isNotEmpty().allSatisfy(ids -> assertThat(ids)
                .isIn(
                        List.of("expr_1", "errors", "invocations"),
                        List.of("expr_1", "errors", "requests"),
                        List.of("expr_1", "reads", "writes")));
    }

    @Test
    void apiAlarmsWatch5xxRateAndP95Latency() {
        Template template = Template.fromStack(full);
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "Threshold",
                        0.1,
                        "Metrics",
                        Match.arrayWith(List.of(Match.objectLike(
                                Map.of("Expression", "IF(requests > 0, 100 * errors / requests, 0)")))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("MetricName", "Latency", "ExtendedStatistic", "p95", "Threshold", 1000)));
    }

    @Test
    void dynamoDbThrottlesAndWafSpikeAlarm() {
        Template template = Template.fromStack(full);
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "Threshold",
                        0,
                        "Metrics",
                        Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "reads + writes")))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "Namespace",
                        "AWS/WAFV2",
                        "MetricName",
                        "BlockedRequests",
                        "Threshold",
                        100,
                        "Dimensions",
                        Match.arrayWith(List.of(Map.of("Name", "WebACL", "Value", "edge-acl"))))));
        template.resourceCountIs("AWS::CloudWatch::Alarm", 5);
        assertThat(fullObservability.getAlarms()).hasSize(5);
    }

    @Test
    void monthlyBudgetAlertsAt80And100PercentToTopicAndEmail() {
        Capture notifications = new Capture();
        Template.fromStack(full)
                .hasResourceProperties(
                        "AWS::Budgets::Budget",
                        Map.of(
                                "Budget",
                                Map.of(
                                        "BudgetType", "COST",
                                        "TimeUnit", "MONTHLY",
                                        "BudgetLimit", Map.of("Amount", 50, "Unit", "USD")),
                                "NotificationsWithSubscribers",
                                notifications));
        List<Object> all = notifications.asArray();
        assertThat(all).hasSize(2);
        assertThat(all.toString())
                .contains("Threshold=80", "Threshold=100", "NotificationType=ACTUAL", "SubscriptionType=SNS")
                .contains("Address=ops@example.com");
    }

    @Test
    void dashboardShowsEveryWatchedSignal() {
        Capture body = new Capture();
        Template.fromStack(full).hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardBody", body));
        assertThat(body.asObject().toString())
                .contains(
                        "Lambda errors %",
                        "API 5xx %", "API latency p95 (ms)", "DynamoDB throttles", "WAF blocked requests");
    }

    @Test
    void propsChangeThresholds() {
        Template template = Template.fromStack(custom);
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("AlarmDescription", "Lambda error rate above 5.0 %", "Threshold", 5)));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("AlarmDescription", "API 5xx rate above 1.0 %", "Threshold", 1)));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Latency", "Threshold", 250)));
        template.resourceCountIs("AWS::CloudWatch::Alarm", 4);
        template.resourceCountIs("AWS::Budgets::Budget", 0);
        template.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void withoutPropsItIsATopicAndAnEmptyDashboard() {
        Template template = Template.fromStack(empty);
        template.resourceCountIs("AWS::SNS::Topic", 1);
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        template.resourceCountIs("AWS::CloudWatch::Alarm", 0);
    }

    @Test
    void addAlarmReportsAnyMetricToTheTopicOnItsFirstBreach() {
        Stack stack = TestApps.stack(TestApps.app(), "Added");
        Observability observability = new Observability(stack, "Observability");
        observability.addAlarm(
                "Quota",
                software.amazon.awscdk.services.cloudwatch.Metric.Builder.create()
                        .namespace("Example")
                        .metricName("QuotaExceeded")
                        .statistic("Sum")
                        .build(),
                0,
                "A quota ran out");
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "MetricName",
                                "QuotaExceeded",
                                "Threshold",
                                0,
                                "EvaluationPeriods",
                                1,
                                "DatapointsToAlarm",
                                1,
                                "AlarmActions",
                                List.of(Map.of("Ref", Match.stringLikeRegexp("Observability.*"))),
                                "AlarmDescription",
                                "A quota ran out")));
        assertThat(observability.getAlarms()).hasSize(1);
    }

    private static void create(ObservabilityProps props) {
        new Observability(TestApps.stack(), "Obs", props);
    }

    @Test
    void failsIfFunctionErrorRateOutOfRange() {
        assertThatThrownBy(() -> create(ObservabilityProps.builder()
                        .functionErrorRatePercent(101.0)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("functionErrorRatePercent must be 0.0..100.0 (value: 101.0)");
    }

    @Test
    void failsIfApiServerErrorRateOutOfRange() {
        assertThatThrownBy(() -> create(ObservabilityProps.builder()
                        .apiServerErrorRatePercent(-1.0)
                        .build()))
                .hasMessageContaining("apiServerErrorRatePercent must be 0.0..100.0 (value: -1.0)");
    }

    @Test
    void failsIfLatencyTargetOutOfRange() {
        assertThatThrownBy(() -> create(
                        ObservabilityProps.builder().apiLatencyP95Millis(0.0).build()))
                .hasMessageContaining("apiLatencyP95Millis must be 1.0..30000.0 (value: 0.0)");
    }

    @Test
    void failsIfWafThresholdBelowOne() {
        assertThatThrownBy(() -> create(ObservabilityProps.builder()
                        .wafWebAclName("acl")
                        .wafBlockedRequestsThreshold(0.0)
                        .build()))
                .hasMessageContaining("wafBlockedRequestsThreshold must be at least 1.0 (value: 0.0)");
    }

    @Test
    void failsIfWafThresholdWithoutWebAcl() {
        assertThatThrownBy(() -> create(ObservabilityProps.builder()
                        .wafBlockedRequestsThreshold(10.0)
                        .build()))
                .hasMessageContaining("wafBlockedRequestsThreshold needs wafWebAclName (value: 10.0)");
    }

    @Test
    void failsIfWebAclNameBlank() {
        assertThatThrownBy(() ->
                        create(ObservabilityProps.builder().wafWebAclName(" ").build()))
                .hasMessageContaining("wafWebAclName must not be blank");
    }

    @Test
    void failsIfBudgetNotPositive() {
        assertThatThrownBy(() -> create(
                        ObservabilityProps.builder().monthlyBudgetUsd(0.0).build()))
                .hasMessageContaining("monthlyBudgetUsd must be at least 0.01 (value: 0.0)");
    }

    @Test
    void failsIfAlarmEmailInvalid() {
        assertThatThrownBy(() -> create(
                        ObservabilityProps.builder().alarmEmails(List.of("ops")).build()))
                .hasMessageContaining("alarmEmails entries must be e-mail addresses (value: ops)");
    }

    @Test
    void aStageWhereNobodyActsOnAlarmsGetsNoneAndNoDashboardButKeepsItsBudgetOnAGivenKey() {
        App app = TestApps.app();
        Stack stack = TestApps.stack(app, "Quiet");
        software.amazon.awscdk.services.kms.Key key = new software.amazon.awscdk.services.kms.Key(stack, "StageKey");
        Observability quiet = new Observability(
                stack,
                "Obs",
                watching(stack)
                        .monthlyBudgetUsd(5.0)
                        .topicKey(key)
                        .alarms(false)
                        .dashboard(false)
                        .build());
        assertThat(quiet.addAlarm(
                        "Extra",
                        software.amazon.awscdk.services.cloudwatch.Metric.Builder.create()
                                .namespace("Cairn")
                                .metricName("Extra")
                                .build(),
                        0,
                        "never created"))
                .isNull();
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::CloudWatch::Alarm", 0);
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 0);
        template.resourceCountIs("AWS::Budgets::Budget", 1);
        // The topic uses the given key, whose policy lets CloudWatch and Budgets publish.
        template.resourceCountIs("AWS::KMS::Key", 1);
        template.hasResourceProperties(
                "AWS::SNS::Topic",
                Map.of("KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("StageKey.*"), "Arn"))));
        assertThat(template.findResources("AWS::KMS::Key").toString()).contains("budgets.amazonaws.com");
        assertThat(quiet.getTopicKey()).isSameAs(key);
        assertThat(quiet.getDashboard()).isNull();
    }
}
