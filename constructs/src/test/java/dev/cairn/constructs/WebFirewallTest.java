package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.logs.RetentionDays;

class WebFirewallTest {

    private static Stack defaults;
    private static Stack custom;
    private static NagAudit.Findings nag;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        defaults = TestApps.stack(app, "Defaults", "us-east-1");
        new WebFirewall(defaults, "Firewall");

        custom = TestApps.stack(app, "Custom", "eu-west-1");
        new WebFirewall(
                custom,
                "Firewall",
                WebFirewallProps.builder()
                        .regional(true)
                        .rateLimit(500)
                        .authRateLimit(20)
                        .authPathPrefix("/auth/")
                        .commonRuleSetCountedRules(List.of("SizeRestrictions_BODY"))
                        .logRetention(RetentionDays.THREE_MONTHS)
                        .build());

        nag = NagAudit.audit(defaults);
    }

    @Test
    void defaultsAreNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void defaultsProtectCloudFrontWithManagedRuleGroupsAndTwoRateLimits() {
        Capture rules = new Capture();
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::WAFv2::WebACL",
                        Match.objectLike(Map.of(
                                "Scope", "CLOUDFRONT", "DefaultAction", Map.of("Allow", Map.of()), "Rules", rules)));
        List<String> names = rules.asArray().stream()
                .map(rule -> String.valueOf(((Map<?, ?>) rule).get("Name")))
                .toList();
        assertThat(names)
                .containsExactly(
                        "AWSManagedRulesAmazonIpReputationList",
                        "AWSManagedRulesAnonymousIpList",
                        "AuthRateLimit",
                        "RateLimit",
                        "AWSManagedRulesCommonRuleSet",
                        "AWSManagedRulesKnownBadInputsRuleSet",
                        "AWSManagedRulesSQLiRuleSet");
        String text = rules.asArray().toString();
        assertThat(text)
                .contains("Limit=100", "Limit=2000", "SearchString=/api/auth/", "PositionalConstraint=STARTS_WITH");
    }

    @Test
    void logsToAnAwsWafLogsGroupWithAuthorizationRedacted() {
        Template template = Template.fromStack(defaults);
        Capture name = new Capture();
        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Match.objectLike(Map.of("LogGroupName", name, "RetentionInDays", 30, "KmsKeyId", Match.anyValue())));
        assertThat(name.asString()).startsWith("aws-waf-logs-");
        Capture destinations = new Capture();
        template.hasResourceProperties(
                "AWS::WAFv2::LoggingConfiguration",
                Match.objectLike(Map.of(
                        "LogDestinationConfigs",
                        destinations,
                        "RedactedFields",
                        List.of(
                                Map.of("SingleHeader", Map.of("Name", "authorization")),
                                Map.of("SingleHeader", Map.of("Name", "cookie"))))));
        assertThat(destinations.asArray().toString()).contains(":log-group:").doesNotContain("Fn::GetAtt");
    }

    @Test
    void propsSetScopeLimitsAuthPathCountedRulesAndRetention() {
        Template template = Template.fromStack(custom);
        Capture rules = new Capture();
        template.hasResourceProperties(
                "AWS::WAFv2::WebACL", Match.objectLike(Map.of("Scope", "REGIONAL", "Rules", rules)));
        assertThat(rules.asArray().toString())
                .contains("Limit=20", "Limit=500", "SearchString=/auth/")
                .contains("RuleActionOverrides=[{ActionToUse={Count={}}, Name=SizeRestrictions_BODY}]");
        template.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 90)));
        Annotations.fromStack(custom)
                .hasWarning(
                        "/Custom/Firewall",
                        Match.stringLikeRegexp(".*commonRuleSetCountedRules.*SizeRestrictions_BODY.*"));
    }

    private static void create(WebFirewallProps props) {
        new WebFirewall(TestApps.stack(TestApps.app(), "Edge", "us-east-1"), "Firewall", props);
    }

    @Test
    void failsIfCloudFrontScopeOutsideUsEast1() {
        assertThatThrownBy(() -> new WebFirewall(TestApps.stack(), "Firewall"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "a CloudFront web ACL must be in us-east-1; set regional or move the stack (value: eu-west-1)");
    }

    @Test
    void failsIfRateLimitOutOfRange() {
        assertThatThrownBy(() -> create(WebFirewallProps.builder().rateLimit(5).build()))
                .hasMessageContaining("rateLimit must be 10..2000000000 (value: 5)");
    }

    @Test
    void failsIfAuthRateLimitOutOfRange() {
        assertThatThrownBy(
                        () -> create(WebFirewallProps.builder().authRateLimit(1).build()))
                .hasMessageContaining("authRateLimit must be 10..2000000000 (value: 1)");
    }

    @Test
    void failsIfAuthRateLimitNotLowerThanRateLimit() {
        assertThatThrownBy(() -> create(WebFirewallProps.builder()
                        .rateLimit(100)
                        .authRateLimit(100)
                        .build()))
                .hasMessageContaining("authRateLimit must be lower than rateLimit (value: 100)");
    }

    @Test
    void failsIfAuthPathPrefixInvalid() {
        assertThatThrownBy(() -> create(
                        WebFirewallProps.builder().authPathPrefix("api/Auth").build()))
                .hasMessageContaining("authPathPrefix must start with / and be lower case (value: api/Auth)");
    }

    @Test
    void failsIfCountedRuleBlank() {
        assertThatThrownBy(() -> create(WebFirewallProps.builder()
                        .commonRuleSetCountedRules(List.of(" "))
                        .build()))
                .hasMessageContaining("commonRuleSetCountedRules must not contain blank names");
    }
}
