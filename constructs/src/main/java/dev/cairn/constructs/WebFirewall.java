package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.constructs.Construct;

/**
 * A WAFv2 web ACL: AWS managed rule groups (IP reputation, anonymous IPs, common, known bad
 * inputs, SQL injection), a per-IP rate limit, optionally a tighter one on the auth endpoints and
 * a larger body limit under one path prefix, and logging with the authorization header, cookies and
 * API keys redacted.
 */
public class WebFirewall extends Construct {

    private final CfnWebACL webAcl;
    private final String webAclName;
    private final LogGroup logGroup;
    private final IKey logEncryptionKey;

    public WebFirewall(Construct scope, String id) {
        this(scope, id, WebFirewallProps.builder().build());
    }

    public WebFirewall(Construct scope, String id, WebFirewallProps props) {
        super(scope, id);
        validate(props);
        boolean regional = Boolean.TRUE.equals(props.regional());
        int rateLimit = Objects.requireNonNullElse(props.rateLimit(), EdgeDefaults.RATE_LIMIT);
        int authRateLimit = Objects.requireNonNullElse(props.authRateLimit(), EdgeDefaults.AUTH_RATE_LIMIT);
        String authPrefix = props.authPathPrefix();

        this.webAclName = Names.uniqueResourceName(
                this, UniqueResourceNameOptions.builder().maxLength(128).build());
        List<CfnWebACL.RuleProperty> rules = new ArrayList<>();
        rules.add(managedRule(EdgeDefaults.IP_REPUTATION, rules.size(), List.of()));
        rules.add(managedRule(EdgeDefaults.ANONYMOUS_IP, rules.size(), List.of()));
        if (authPrefix != null) {
            rules.add(rateRule("AuthRateLimit", rules.size(), authRateLimit, authPathScope(authPrefix)));
        }
        rules.add(rateRule("RateLimit", rules.size(), rateLimit, null));
        String largeBodyPrefix = props.largeBodyPathPrefix();
        List<String> counted = new ArrayList<>(props.commonRuleSetCountedRules());
        if (largeBodyPrefix != null && !counted.contains(EdgeDefaults.BODY_SIZE_RULE)) {
            // Counted, not dropped: its label lets the rule below block large bodies off the prefix.
            counted.add(EdgeDefaults.BODY_SIZE_RULE);
        }
        rules.add(managedRule(EdgeDefaults.COMMON, rules.size(), counted));
        if (largeBodyPrefix != null) {
            if (!props.commonRuleSetCountedRules().contains(EdgeDefaults.BODY_SIZE_RULE)) {
                rules.add(bodySizeOutsidePrefix(rules.size(), largeBodyPrefix));
            }
            rules.add(bodySizeUnderPrefix(rules.size(), largeBodyPrefix, props.largeBodyMaxBytes()));
        }
        rules.add(managedRule(EdgeDefaults.KNOWN_BAD_INPUTS, rules.size(), List.of()));
        rules.add(managedRule(EdgeDefaults.SQLI, rules.size(), List.of()));

        this.webAcl = CfnWebACL.Builder.create(this, "Resource")
                .name(webAclName)
                .scope(regional ? "REGIONAL" : "CLOUDFRONT")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build())
                        .build())
                .visibilityConfig(visibility(webAclName))
                .rules(rules)
                .build();

        if (!props.commonRuleSetCountedRules().isEmpty()) {
            PropsCheck.warnOverride(
                    this,
                    "commonRuleSetCountedRules",
                    props.commonRuleSetCountedRules() + " only counted, not blocked");
        }

        this.logEncryptionKey = props.logEncryptionKey() != null
                ? props.logEncryptionKey()
                : ObservabilityDefaults.logsKey(this, "LogKey");
        this.logGroup = LogGroup.Builder.create(this, "Logs")
                // WAF accepts only log groups named aws-waf-logs-*: the name is part of the contract.
                .logGroupName(EdgeDefaults.LOG_GROUP_PREFIX + webAclName)
                .retention(Objects.requireNonNullElse(props.logRetention(), ObservabilityDefaults.logRetention()))
                .encryptionKey(logEncryptionKey)
                .build();
        CfnLoggingConfiguration.Builder.create(this, "Logging")
                .resourceArn(webAcl.getAttrArn())
                // The log group's Arn attribute ends in ":*", which WAF rejects: build the bare ARN.
                .logDestinationConfigs(List.of(Stack.of(this)
                        .formatArn(ArnComponents.builder()
                                .service("logs")
                                .resource("log-group")
                                .resourceName(logGroup.getLogGroupName())
                                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                                .build())))
                .redactedFields(EdgeDefaults.REDACTED_HEADERS.stream()
                        .map(header -> CfnLoggingConfiguration.FieldToMatchProperty.builder()
                                .singleHeader(Map.of("Name", header))
                                .build())
                        .toList())
                .build();
    }

    private static CfnWebACL.RuleProperty managedRule(String name, int priority, List<String> countedRules) {
        CfnWebACL.ManagedRuleGroupStatementProperty.Builder group =
                CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                        .vendorName("AWS")
                        .name(name);
        if (!countedRules.isEmpty()) {
            group.ruleActionOverrides(countedRules.stream()
                    .map(rule -> CfnWebACL.RuleActionOverrideProperty.builder()
                            .name(rule)
                            .actionToUse(CfnWebACL.RuleActionProperty.builder()
                                    .count(CfnWebACL.CountActionProperty.builder()
                                            .build())
                                    .build())
                            .build())
                    .toList());
        }
        return CfnWebACL.RuleProperty.builder()
                .name(name)
                .priority(priority)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder()
                        .none(Map.of())
                        .build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .managedRuleGroupStatement(group.build())
                        .build())
                .visibilityConfig(visibility(name))
                .build();
    }

    private static CfnWebACL.RuleProperty rateRule(
            String name, int priority, int limit, CfnWebACL.StatementProperty scopeDown) {
        CfnWebACL.RateBasedStatementProperty.Builder rate = CfnWebACL.RateBasedStatementProperty.builder()
                .limit(limit)
                .evaluationWindowSec(300)
                .aggregateKeyType("IP");
        if (scopeDown != null) {
            rate.scopeDownStatement(scopeDown);
        }
        return CfnWebACL.RuleProperty.builder()
                .name(name)
                .priority(priority)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build())
                        .build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(rate.build())
                        .build())
                .visibilityConfig(visibility(name))
                .build();
    }

    /** The common rule set's 8 KB body limit, everywhere but under {@code prefix}. */
    private static CfnWebACL.RuleProperty bodySizeOutsidePrefix(int priority, String prefix) {
        CfnWebACL.StatementProperty oversized = CfnWebACL.StatementProperty.builder()
                .labelMatchStatement(CfnWebACL.LabelMatchStatementProperty.builder()
                        .scope("LABEL")
                        .key(EdgeDefaults.BODY_SIZE_LABEL)
                        .build())
                .build();
        CfnWebACL.StatementProperty outside = CfnWebACL.StatementProperty.builder()
                .notStatement(CfnWebACL.NotStatementProperty.builder()
                        .statement(authPathScope(prefix))
                        .build())
                .build();
        return blockRule("BodySizeRestriction", priority, and(oversized, outside));
    }

    /**
     * Under {@code prefix}, bodies up to {@code maxBytes}: WAF sees at most the first 64 KB of a
     * body, so the limit is read from the {@code Content-Length} header (the origin enforces it on
     * the body it reads too).
     */
    private static CfnWebACL.RuleProperty bodySizeUnderPrefix(int priority, String prefix, int maxBytes) {
        CfnWebACL.StatementProperty tooLong = CfnWebACL.StatementProperty.builder()
                .regexMatchStatement(CfnWebACL.RegexMatchStatementProperty.builder()
                        .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder()
                                .singleHeader(Map.of("Name", "content-length"))
                                .build())
                        .regexString(numberAbove(maxBytes))
                        .textTransformations(List.of(CfnWebACL.TextTransformationProperty.builder()
                                .priority(0)
                                .type("NONE")
                                .build()))
                        .build())
                .build();
        return blockRule("LargeBodyLimit", priority, and(authPathScope(prefix), tooLong));
    }

    /** A regular expression matching the decimal numbers greater than {@code limit}, nothing else. */
    static String numberAbove(long limit) {
        String digits = Long.toString(limit);
        List<String> larger = new ArrayList<>();
        larger.add("[1-9][0-9]{" + digits.length() + ",}");
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (digit < 9) {
                int rest = digits.length() - i - 1;
                larger.add(
                        digits.substring(0, i) + "[" + (digit + 1) + "-9]" + (rest == 0 ? "" : "[0-9]{" + rest + "}"));
            }
        }
        return "^0*(" + String.join("|", larger) + ")$";
    }

    private static CfnWebACL.StatementProperty and(CfnWebACL.StatementProperty... statements) {
        return CfnWebACL.StatementProperty.builder()
                .andStatement(CfnWebACL.AndStatementProperty.builder()
                        .statements(List.of(statements))
                        .build())
                .build();
    }

    private static CfnWebACL.RuleProperty blockRule(String name, int priority, CfnWebACL.StatementProperty statement) {
        return CfnWebACL.RuleProperty.builder()
                .name(name)
                .priority(priority)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build())
                        .build())
                .statement(statement)
                .visibilityConfig(visibility(name))
                .build();
    }

    private static CfnWebACL.StatementProperty authPathScope(String prefix) {
        return CfnWebACL.StatementProperty.builder()
                .byteMatchStatement(CfnWebACL.ByteMatchStatementProperty.builder()
                        .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder()
                                .uriPath(Map.of())
                                .build())
                        .positionalConstraint("STARTS_WITH")
                        .searchString(prefix)
                        .textTransformations(List.of(CfnWebACL.TextTransformationProperty.builder()
                                .priority(0)
                                .type("LOWERCASE")
                                .build()))
                        .build())
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metricName)
                .build();
    }

    private void validate(WebFirewallProps props) {
        PropsCheck check = new PropsCheck("WebFirewall");
        check.require("props", props);
        if (props != null) {
            String region = Stack.of(this).getRegion();
            check.check(
                    Boolean.TRUE.equals(props.regional()) || Token.isUnresolved(region) || region.equals("us-east-1"),
                    "a CloudFront web ACL must be in us-east-1; set regional or move the stack (value: " + region
                            + ")");
            check.range("rateLimit", props.rateLimit(), 10, 2_000_000_000L);
            check.range("authRateLimit", props.authRateLimit(), 10, 2_000_000_000L);
            int rate = Objects.requireNonNullElse(props.rateLimit(), EdgeDefaults.RATE_LIMIT);
            int auth = Objects.requireNonNullElse(props.authRateLimit(), EdgeDefaults.AUTH_RATE_LIMIT);
            check.check(auth < rate, "authRateLimit must be lower than rateLimit (value: " + auth + ")");
            String prefix = props.authPathPrefix();
            check.check(
                    prefix != null || props.authRateLimit() == null,
                    "authRateLimit needs authPathPrefix, the paths it limits (value: " + props.authRateLimit() + ")");
            if (prefix != null) {
                check.check(
                        prefix.startsWith("/") && prefix.equals(prefix.toLowerCase(Locale.ROOT)),
                        "authPathPrefix must start with / and be lower case (value: " + prefix + ")");
            }
            String largeBodyPrefix = props.largeBodyPathPrefix();
            check.check(
                    (largeBodyPrefix == null) == (props.largeBodyMaxBytes() == null),
                    "largeBodyPathPrefix and largeBodyMaxBytes must be given together (value: " + largeBodyPrefix + ", "
                            + props.largeBodyMaxBytes() + ")");
            if (largeBodyPrefix != null) {
                check.check(
                        largeBodyPrefix.startsWith("/")
                                && largeBodyPrefix.equals(largeBodyPrefix.toLowerCase(Locale.ROOT)),
                        "largeBodyPathPrefix must start with / and be lower case (value: " + largeBodyPrefix + ")");
            }
            check.range("largeBodyMaxBytes", props.largeBodyMaxBytes(), 8193, 1L << 30);
            for (String rule : props.commonRuleSetCountedRules()) {
                check.check(
                        rule != null && !rule.isBlank(),
                        "commonRuleSetCountedRules must not contain blank names (value: " + rule + ")");
            }
        }
        check.throwIfInvalid(getNode().getPath());
    }

    public CfnWebACL getWebAcl() {
        return webAcl;
    }

    /** The ARN to attach (CloudFront {@code webAclId}, or a regional association). */
    public String getWebAclArn() {
        return webAcl.getAttrArn();
    }

    /** The web ACL's name, e.g. for {@code ObservabilityProps.wafWebAclName}. */
    public String getWebAclName() {
        return webAclName;
    }

    public LogGroup getLogGroup() {
        return logGroup;
    }

    public IKey getLogEncryptionKey() {
        return logEncryptionKey;
    }
}
