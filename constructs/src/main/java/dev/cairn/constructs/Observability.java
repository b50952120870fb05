package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.budgets.CfnBudget;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Alarms, a dashboard and a cost budget for one stage, all reporting to one KMS-encrypted SNS
 * topic: Lambda error rate, API 5xx rate and p95 latency, DynamoDB throttles, WAF blocks.
 */
public class Observability extends Construct {

    private static final Duration PERIOD = Duration.minutes(5);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final IKey topicKey;
    private final Topic alarmTopic;
    private final List<Alarm> alarms = new ArrayList<>();
    private final Dashboard dashboard;
    private final CfnBudget budget;
    private final boolean alarmsOn;

    public Observability(Construct scope, String id) {
        this(scope, id, ObservabilityProps.builder().build());
    }

    public Observability(Construct scope, String id, ObservabilityProps props) {
        super(scope, id);
        validate(props);
        String account = Stack.of(this).getAccount();
        this.alarmsOn = !Boolean.FALSE.equals(props.alarms());

        this.topicKey = props.topicKey() != null
                ? props.topicKey()
                : Key.Builder.create(this, "TopicKey")
                        .description("Encrypts the alarm topic of " + getNode().getPath())
                        .enableKeyRotation(true)
                        .build();
        // Alarms and budgets publish as AWS services; they need the key to encrypt the message.
        topicKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(
                        new ServicePrincipal("cloudwatch.amazonaws.com"),
                        new ServicePrincipal("budgets.amazonaws.com")))
                .actions(Perms.KMS_SNS_PUBLISH)
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", account)))
                .build());
        this.alarmTopic = Topic.Builder.create(this, "Resource")
                .masterKey(topicKey)
                .enforceSsl(true)
                .build();
        alarmTopic.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("budgets.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(alarmTopic.getTopicArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", account)))
                .build());
        for (String email : props.alarmEmails()) {
            Compliance.suppress(
                    alarmTopic.addSubscription(new EmailSubscription(email)),
                    "Serverless-SNSRedrivePolicy",
                    "E-mail delivery is retried by SNS; an alarm whose mail is lost stays visible in its"
                            + " CloudWatch state and history and on the dashboard, and a queue of undelivered"
                            + " alarm mail would have no reader.");
        }

        List<IWidget> widgets = new ArrayList<>();
        double errorRate = Objects.requireNonNullElse(
                props.functionErrorRatePercent(), ObservabilityDefaults.FUNCTION_ERROR_RATE_PERCENT);
        for (IFunction function : props.functions()) {
            MathExpression rate = MathExpression.Builder.create()
                    .expression("IF(invocations > 0, 100 * errors / invocations, 0)")
                    .usingMetrics(inOrder(
                            "errors", function.metricErrors(sum()),
                            "invocations", function.metricInvocations(sum())))
                    .label("Error rate % " + function.getFunctionName())
                    .period(PERIOD)
                    .build();
            alarm("ErrorRate" + uniqueId(function), rate, errorRate, "Lambda error rate above " + errorRate + " %");
            widgets.add(graph("Lambda errors %", rate));
        }
        double serverErrorRate = Objects.requireNonNullElse(
                props.apiServerErrorRatePercent(), ObservabilityDefaults.API_SERVER_ERROR_RATE_PERCENT);
        double latencyTarget =
                Objects.requireNonNullElse(props.apiLatencyP95Millis(), ObservabilityDefaults.API_LATENCY_P95_MS);
        for (IHttpApi api : props.httpApis()) {
            MathExpression rate = MathExpression.Builder.create()
                    .expression("IF(requests > 0, 100 * errors / requests, 0)")
                    .usingMetrics(inOrder(
                            "errors", api.metricServerError(sum()),
                            "requests", api.metricCount(sum())))
                    .label("5xx rate %")
                    .period(PERIOD)
                    .build();
            alarm(
                    "ServerErrorRate" + uniqueId(api),
                    rate,
                    serverErrorRate,
                    "API 5xx rate above " + serverErrorRate + " %");
            Metric p95 = api.metricLatency(
                    MetricOptions.builder().statistic("p95").period(PERIOD).build());
            alarm("LatencyP95" + uniqueId(api), p95, latencyTarget, "API p95 latency above " + latencyTarget + " ms");
            widgets.add(graph("API 5xx %", rate));
            widgets.add(graph("API latency p95 (ms)", p95));
        }
        for (ITable table : props.tables()) {
            MathExpression throttles = MathExpression.Builder.create()
                    .expression("reads + writes")
                    .usingMetrics(inOrder(
                            "reads", table.metric("ReadThrottleEvents", sum()),
                            "writes", table.metric("WriteThrottleEvents", sum())))
                    .label("Throttled events")
                    .period(PERIOD)
                    .build();
            alarm("Throttles" + uniqueId(table), throttles, 0, "DynamoDB throttled requests");
            widgets.add(graph("DynamoDB throttles", throttles));
        }
        for (IQueue queue : props.deadLetterQueues()) {
            Metric waiting = queue.metricApproximateNumberOfMessagesVisible(
                    MetricOptions.builder().statistic("Maximum").period(PERIOD).build());
            // One failed event is one lost piece of work: alarm on the first, at once.
            alarm("DeadLetters" + uniqueId(queue), waiting, 0, "Messages waiting in a dead-letter queue", 1, 1);
            widgets.add(graph("Dead-letter messages", waiting));
        }
        if (props.wafWebAclName() != null) {
            double blocked = Objects.requireNonNullElse(
                    props.wafBlockedRequestsThreshold(), ObservabilityDefaults.WAF_BLOCKED_REQUESTS);
            Metric metric = Metric.Builder.create()
                    .namespace("AWS/WAFV2")
                    .metricName("BlockedRequests")
                    .dimensionsMap(Map.of("WebACL", props.wafWebAclName(), "Rule", "ALL"))
                    .statistic("Sum")
                    .period(PERIOD)
                    .build();
            alarm("WafBlockedSpike", metric, blocked, "WAF blocked more than " + blocked + " requests in 5 minutes");
            widgets.add(graph("WAF blocked requests", metric));
        }

        this.dashboard = Boolean.FALSE.equals(props.dashboard())
                ? null
                : Dashboard.Builder.create(this, "Dashboard").build();
        for (int i = 0; dashboard != null && i < widgets.size(); i += 2) {
            dashboard.addWidgets(
                    widgets.subList(i, Math.min(i + 2, widgets.size())).toArray(IWidget[]::new));
        }

        this.budget = props.monthlyBudgetUsd() == null ? null : budget(props);
    }

    private CfnBudget budget(ObservabilityProps props) {
        List<CfnBudget.SubscriberProperty> subscribers = new ArrayList<>();
        subscribers.add(CfnBudget.SubscriberProperty.builder()
                .subscriptionType("SNS")
                .address(alarmTopic.getTopicArn())
                .build());
        props.alarmEmails()
                .forEach(email -> subscribers.add(CfnBudget.SubscriberProperty.builder()
                        .subscriptionType("EMAIL")
                        .address(email)
                        .build()));
        List<CfnBudget.NotificationWithSubscribersProperty> notifications =
                ObservabilityDefaults.BUDGET_ALERT_PERCENTS.stream()
                        .map(percent -> CfnBudget.NotificationWithSubscribersProperty.builder()
                                .notification(CfnBudget.NotificationProperty.builder()
                                        .notificationType("ACTUAL")
                                        .comparisonOperator("GREATER_THAN")
                                        .threshold(percent)
                                        .thresholdType("PERCENTAGE")
                                        .build())
                                .subscribers(subscribers)
                                .build())
                        .toList();
        CfnBudget result = CfnBudget.Builder.create(this, "Budget")
                .budget(CfnBudget.BudgetDataProperty.builder()
                        .budgetType("COST")
                        .timeUnit("MONTHLY")
                        .budgetLimit(CfnBudget.SpendProperty.builder()
                                .amount(props.monthlyBudgetUsd())
                                .unit("USD")
                                .build())
                        .build())
                .notificationsWithSubscribers(notifications)
                .build();
        // Budgets checks that it may publish to the topic when the budget is created.
        result.getNode().addDependency(alarmTopic);
        return result;
    }

    /**
     * One more alarm on the topic, for a metric only the caller knows (e.g. a log metric filter):
     * it fires on the first 5-minute period above {@code threshold} and reports its return to OK.
     * Returns null, creating nothing, with {@code alarms(false)}.
     */
    public Alarm addAlarm(String id, IMetric metric, double threshold, String description) {
        alarm(id, metric, threshold, description, 1, 1);
        return alarmsOn ? alarms.getLast() : null;
    }

    private void alarm(String id, IMetric metric, double threshold, String description) {
        alarm(id, metric, threshold, description, 3, 2);
    }

    private void alarm(String id, IMetric metric, double threshold, String description, int periods, int datapoints) {
        if (!alarmsOn) {
            return;
        }
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(datapoints)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        SnsAction action = new SnsAction(alarmTopic);
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
        alarms.add(alarm);
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }

    private static GraphWidget graph(String title, IMetric metric) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.of(metric))
                .width(12)
                .build();
    }

    private static String uniqueId(IConstruct construct) {
        return Names.nodeUniqueId(construct.getNode());
    }

    private void validate(ObservabilityProps props) {
        PropsCheck check = new PropsCheck("Observability");
        check.require("props", props);
        if (props != null) {
            percent(check, "functionErrorRatePercent", props.functionErrorRatePercent());
            percent(check, "apiServerErrorRatePercent", props.apiServerErrorRatePercent());
            between(check, "apiLatencyP95Millis", props.apiLatencyP95Millis(), 1, 30_000);
            between(check, "wafBlockedRequestsThreshold", props.wafBlockedRequestsThreshold(), 1, Double.MAX_VALUE);
            between(check, "monthlyBudgetUsd", props.monthlyBudgetUsd(), 0.01, Double.MAX_VALUE);
            check.notBlank("wafWebAclName", props.wafWebAclName());
            check.check(
                    props.wafBlockedRequestsThreshold() == null || props.wafWebAclName() != null,
                    "wafBlockedRequestsThreshold needs wafWebAclName (value: " + props.wafBlockedRequestsThreshold()
                            + ")");
            for (String email : props.alarmEmails()) {
                check.check(
                        email != null && EMAIL.matcher(email).matches(),
                        "alarmEmails entries must be e-mail addresses (value: " + email + ")");
            }
        }
        check.throwIfInvalid(getNode().getPath());
    }

    private static void percent(PropsCheck check, String prop, Double value) {
        between(check, prop, value, 0, 100);
    }

    private static void between(PropsCheck check, String prop, Double value, double min, double max) {
        if (value != null && PropsCheck.resolved(value)) {
            check.check(
                    value >= min && value <= max,
                    prop + " must be " + (max == Double.MAX_VALUE ? "at least " + min : min + ".." + max) + " (value: "
                            + value + ")");
        }
    }

    /** The KMS-encrypted SNS topic every alarm and budget alert goes to. */
    public Topic getAlarmTopic() {
        return alarmTopic;
    }

    /** The key of the alarm topic: {@code topicKey}, or the construct's own. */
    public IKey getTopicKey() {
        return topicKey;
    }

    /** Every alarm created, e.g. to roll a CodeDeploy deployment back on them. */
    public List<Alarm> getAlarms() {
        return List.copyOf(alarms);
    }

    /** The dashboard, or null with {@code dashboard(false)}. */
    public Dashboard getDashboard() {
        return dashboard;
    }

    /** The monthly cost budget, or null without {@code monthlyBudgetUsd}. */
    public CfnBudget getBudget() {
        return budget;
    }

    /**
     * The metrics of a math expression in a fixed order: Map.of iterates in an order that changes
     * from one JVM to the next, which would reorder the alarm's metrics in every synthesized
     * template.
     */
    private static Map<String, IMetric> inOrder(String firstId, IMetric first, String secondId, IMetric second) {
        Map<String, IMetric> metrics = new LinkedHashMap<>();
        metrics.put(firstId, first);
        metrics.put(secondId, second);
        return metrics;
    }
}
