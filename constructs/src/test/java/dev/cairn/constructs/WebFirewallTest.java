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
    private static Stack largeBodies;
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

        largeBodies = TestApps.stack(app, "LargeBodies", "us-east-1");
        new WebFirewall(
                largeBodies,
                "Firewall",
                WebFirewallProps.builder()
                        .authPathPrefix("/api/auth/")
                        .largeBodyPathPrefix("/api/")
                        .largeBodyMaxBytes(1_048_576)
                        .build());

        nag = NagAudit.audit(defaults);
    }

    @Test
    void defaultsAreNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void defaultsProtectCloudFrontWithManagedRuleGroupsAndOneRateLimit() {
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
                        "RateLimit",
                        "AWSManagedRulesCommonRuleSet",
                        "AWSManagedRulesKnownBadInputsRuleSet",
                        "AWSManagedRulesSQLiRuleSet");
        assertThat(rules.asArray().toString()).contains("Limit=2000").doesNotContain("SearchString");
    }

    @Test
    void anAuthPathPrefixAddsATighterLimitOnThosePaths() {
        Capture rules = new Capture();
        Template.fromStack(largeBodies)
                .hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of("Rules", rules)));
        Map<?, ?> auth = rules.asArray().stream()
                .map(rule -> (Map<?, ?>) rule)
                .filter(rule -> "AuthRateLimit".equals(rule.get("Name")))
                .findFirst()
                .orElseThrow();
        assertThat(auth.toString())
                .contains("Limit=100", "SearchString=/api/auth/", "PositionalConstraint=STARTS_WITH");
    }

    @Test
    void logsToAnAwsWafLogsGroupWithAuthorizationCookiesAndApiKeysRedacted() {
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
                                Map.of("SingleHeader", Map.of("Name", "cookie")),
                                Map.of("SingleHeader", Map.of("Name", "x-api-key"))))));
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

    @Test
    void underTheLargeBodyPrefixBodiesMayReachTheLimitWhileEightKilobytesStillBlockElsewhere() {
        Capture rules = new Capture();
        Template.fromStack(largeBodies)
                .hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of("Rules", rules)));
        List<Map<?, ?>> all = new java.util.ArrayList<>();
        rules.asArray().forEach(rule -> all.add((Map<?, ?>) rule));
        assertThat(all.stream().map(rule -> String.valueOf(rule.get("Name"))).toList())
                .containsExactly(
                        "AWSManagedRulesAmazonIpReputationList",
                        "AWSManagedRulesAnonymousIpList",
                        "AuthRateLimit",
                        "RateLimit",
                        "AWSManagedRulesCommonRuleSet",
                        "BodySizeRestriction",
                        "LargeBodyLimit",
                        "AWSManagedRulesKnownBadInputsRuleSet",
                        "AWSManagedRulesSQLiRuleSet");
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get("Priority")).isEqualTo(i);
        }
        // The common rule set only counts its 8 KB rule ...
        assertThat(all.get(4).toString())
                .contains("RuleActionOverrides=[{ActionToUse={Count={}}, Name=SizeRestrictions_BODY}]");
        // ... whose label blocks off /api/ ...
        assertThat(all.get(5).toString())
                .contains("Block={}")
                .contains("Key=awswaf:managed:aws:core-rule-set:SizeRestrictions_Body")
                .contains("NotStatement={Statement={ByteMatchStatement=")
                .contains("SearchString=/api/");
        // ... and under /api/ a Content-Length over 1 MB blocks.
        String limit = all.get(6).toString();
        assertThat(limit).contains("Block={}", "SearchString=/api/", "Name=content-length");
        Map<?, ?> and = (Map<?, ?>) ((Map<?, ?>) all.get(6).get("Statement")).get("AndStatement");
        Map<?, ?> regex = (Map<?, ?>) ((Map<?, ?>) ((List<?>) and.get("Statements")).get(1)).get("RegexMatchStatement");
        java.util.regex.Pattern above = java.util.regex.Pattern.compile((String) regex.get("RegexString"));
        for (String accepted : List.of("0", "1", "8193", "65536", "999999", "1048575", "1048576")) {
            assertThat(above.matcher(accepted).matches()).as(accepted).isFalse();
        }
        for (String refused : List.of(
                "1048577",
                "1048580",
                "1048600",
                "1049000",
                "1100000",
                "2000000",
                "10485760",
                "99999999",
                "001048577")) {
            assertThat(above.matcher(refused).matches()).as(refused).isTrue();
        }
        assertThat(NagAudit.audit(largeBodies).errors()).isEmpty();
        Annotations.fromStack(largeBodies).hasNoWarning("*", Match.anyValue());
    }

    @Test
    void numberAboveMatchesExactlyTheLargerNumbers() {
        for (long limit : List.of(8193L, 1_048_576L, 999_999L, 1_000_000L)) {
            java.util.regex.Pattern above = java.util.regex.Pattern.compile(WebFirewall.numberAbove(limit));
            for (long n = limit - 2000; n <= limit + 2000; n++) {
                assertThat(above.matcher(Long.toString(n)).matches())
                        .as(limit + " vs " + n)
                        .isEqualTo(n > limit);
            }
            assertThat(above.matcher(Long.toString(limit * 10)).matches()).isTrue();
        }
    }

    @Test
    void failsIfLargeBodyPropsComeAlone() {
        assertThatThrownBy(() -> create(
                        WebFirewallProps.builder().largeBodyPathPrefix("/api/").build()))
                .hasMessageContaining("largeBodyPathPrefix and largeBodyMaxBytes must be given together");
        assertThatThrownBy(() -> create(WebFirewallProps.builder()
                        .largeBodyPathPrefix("/api/")
                        .largeBodyMaxBytes(100)
                        .build()))
                .hasMessageContaining("largeBodyMaxBytes must be 8193..");
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
    void failsIfAuthRateLimitWithoutAuthPathPrefix() {
        assertThatThrownBy(() ->
                        create(WebFirewallProps.builder().authRateLimit(50).build()))
                .hasMessageContaining("authRateLimit needs authPathPrefix, the paths it limits (value: 50)");
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
