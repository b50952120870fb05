package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class CostAnomalyAlertsTest {

    @Test
    void aServiceMonitorMailsAnomaliesAboveTheThresholdAndIsNagClean() {
        Stack stack = TestApps.stack(TestApps.app(), "Cost", "us-east-1");
        new CostAnomalyAlerts(
                stack,
                "Anomalies",
                CostAnomalyAlertsProps.builder()
                        .emails(List.of("ops@example.com", "cfo@example.com"))
                        .build());
        NagAudit.Findings nag = NagAudit.audit(stack);
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::CE::AnomalyMonitor",
                Match.objectLike(Map.of("MonitorType", "DIMENSIONAL", "MonitorDimension", "SERVICE")));
        template.hasResourceProperties(
                "AWS::CE::AnomalySubscription",
                Match.objectLike(Map.of(
                        "Frequency",
                        "DAILY",
                        "MonitorArnList",
                        List.of(Map.of("Fn::GetAtt", List.of("AnomaliesMonitorF0AC7C7A", "MonitorArn"))),
                        "Subscribers",
                        List.of(
                                Map.of("Address", "ops@example.com", "Type", "EMAIL"),
                                Map.of("Address", "cfo@example.com", "Type", "EMAIL")),
                        "ThresholdExpression",
                        "{\"Dimensions\":{\"Key\":\"ANOMALY_TOTAL_IMPACT_ABSOLUTE\",\"MatchOptions\":"
                                + "[\"GREATER_THAN_OR_EQUAL\"],\"Values\":[\"10\"]}}")));
    }

    @Test
    void subscribesToAnExistingMonitorWithoutCreatingOne() {
        Stack stack = TestApps.stack(TestApps.app(), "Cost", "us-east-1");
        String existing = "arn:aws:ce::123456789012:anomalymonitor/default";
        new CostAnomalyAlerts(
                stack,
                "Anomalies",
                CostAnomalyAlertsProps.builder()
                        .emails(List.of("ops@example.com"))
                        .monitorArn(existing)
                        .thresholdUsd(25.5)
                        .frequency("WEEKLY")
                        .build());
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::CE::AnomalyMonitor", 0);
        template.hasResourceProperties(
                "AWS::CE::AnomalySubscription",
                Match.objectLike(Map.of(
                        "Frequency",
                        "WEEKLY",
                        "MonitorArnList",
                        List.of(existing),
                        "ThresholdExpression",
                        Match.stringLikeRegexp(".*\"Values\":\\[\"25.5\"\\].*"))));
    }

    @Test
    void failsWithoutAddressesOrWithAnImmediateFrequency() {
        assertThatThrownBy(() -> new CostAnomalyAlerts(
                        TestApps.stack(TestApps.app(), "Cost", "us-east-1"),
                        "Anomalies",
                        CostAnomalyAlertsProps.builder()
                                .emails(List.of())
                                .frequency("IMMEDIATE")
                                .thresholdUsd(0.5)
                                .build()))
                .hasMessageContaining("emails must not be empty")
                .hasMessageContaining("frequency must be one of [DAILY, WEEKLY] (value: IMMEDIATE)")
                .hasMessageContaining("thresholdUsd must be at least 1 (value: 0.5)");
        assertThatThrownBy(() -> new CostAnomalyAlerts(
                        TestApps.stack(TestApps.app(), "Cost", "us-east-1"),
                        "Anomalies",
                        CostAnomalyAlertsProps.builder()
                                .emails(List.of("not-an-address"))
                                .build()))
                .hasMessageContaining("emails entries must be e-mail addresses (value: not-an-address)");
    }

    @Test
    void failsOutsideUsEast1WhereCloudFormationHasNoCostExplorerTypes() {
        assertThatThrownBy(() -> new CostAnomalyAlerts(
                        TestApps.stack(),
                        "Anomalies",
                        CostAnomalyAlertsProps.builder()
                                .emails(List.of("ops@example.com"))
                                .build()))
                .hasMessageContaining(
                        "must be in a stack in us-east-1, Cost Explorer's only region (value: eu-west-1)");
    }
}
