package dev.cairn.constructs;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.ce.CfnAnomalyMonitor;
import software.amazon.awscdk.services.ce.CfnAnomalySubscription;
import software.constructs.Construct;

/**
 * AWS Cost Anomaly Detection for the account: a monitor of spend per AWS service (or an existing
 * monitor) and a subscription that mails the anomalies above a dollar threshold. Only in a stack in
 * {@value #REGION}; an account has at most one AWS services monitor.
 */
public class CostAnomalyAlerts extends Construct {

    /** The frequencies an e-mail subscription accepts. */
    public static final List<String> FREQUENCIES = List.of("DAILY", "WEEKLY");

    /** Cost Explorer's only region: CloudFormation knows its resource types nowhere else. */
    public static final String REGION = "us-east-1";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAILS = 10;

    private final CfnAnomalyMonitor monitor;
    private final CfnAnomalySubscription subscription;

    public CostAnomalyAlerts(Construct scope, String id, CostAnomalyAlertsProps props) {
        super(scope, id);
        validate(props);
        String name = Names.uniqueResourceName(
                this, UniqueResourceNameOptions.builder().maxLength(100).build());
        String monitorArn;
        if (props.monitorArn() == null) {
            this.monitor = CfnAnomalyMonitor.Builder.create(this, "Monitor")
                    .monitorName(name)
                    .monitorType("DIMENSIONAL")
                    .monitorDimension("SERVICE")
                    .build();
            monitorArn = monitor.getAttrMonitorArn();
        } else {
            this.monitor = null;
            monitorArn = props.monitorArn();
        }
        double threshold = Objects.requireNonNullElse(props.thresholdUsd(), AuditDefaults.ANOMALY_THRESHOLD_USD);
        this.subscription = CfnAnomalySubscription.Builder.create(this, "Resource")
                .subscriptionName(name)
                .frequency(Objects.requireNonNullElse(props.frequency(), FREQUENCIES.getFirst()))
                .monitorArnList(List.of(monitorArn))
                .subscribers(props.emails().stream()
                        .map(email -> CfnAnomalySubscription.SubscriberProperty.builder()
                                .type("EMAIL")
                                .address(email)
                                .build())
                        .toList())
                .thresholdExpression(thresholdExpression(threshold))
                .build();
    }

    /** Cost Explorer's expression: total impact of the anomaly at least {@code usd} dollars. */
    static String thresholdExpression(double usd) {
        String value = usd == Math.rint(usd) ? String.valueOf((long) usd) : String.valueOf(usd);
        return "{\"Dimensions\":{\"Key\":\"ANOMALY_TOTAL_IMPACT_ABSOLUTE\",\"MatchOptions\":[\"GREATER_THAN_OR_EQUAL\"],"
                + "\"Values\":[\"" + value + "\"]}}";
    }

    private void validate(CostAnomalyAlertsProps props) {
        PropsCheck check = new PropsCheck("CostAnomalyAlerts");
        check.require("props", props);
        if (props != null) {
            check.notEmpty("emails", props.emails());
            check.check(
                    props.emails().size() <= MAX_EMAILS,
                    "emails must have at most " + MAX_EMAILS + " addresses (value: "
                            + props.emails().size() + ")");
            for (String email : props.emails()) {
                check.check(
                        email != null && EMAIL.matcher(email).matches(),
                        "emails entries must be e-mail addresses (value: " + email + ")");
            }
            if (props.thresholdUsd() != null) {
                check.check(
                        props.thresholdUsd() >= 1,
                        "thresholdUsd must be at least 1 (value: " + props.thresholdUsd() + ")");
            }
            if (props.frequency() != null) {
                check.check(
                        FREQUENCIES.contains(props.frequency()),
                        "frequency must be one of " + FREQUENCIES + " (value: " + props.frequency() + ")");
            }
            check.notBlank("monitorArn", props.monitorArn());
        }
        String region = Stack.of(this).getRegion();
        check.check(
                !PropsCheck.resolved(region) || REGION.equals(region),
                "CostAnomalyAlerts must be in a stack in " + REGION + ", Cost Explorer's only region (value: " + region
                        + ")");
        check.throwIfInvalid(getNode().getPath());
    }

    /** The monitor created, or null when {@code monitorArn} was given. */
    public CfnAnomalyMonitor getMonitor() {
        return monitor;
    }

    public CfnAnomalySubscription getSubscription() {
        return subscription;
    }
}
