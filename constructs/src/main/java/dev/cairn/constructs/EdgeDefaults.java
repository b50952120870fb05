package dev.cairn.constructs;

import java.util.List;

/** Defaults of the edge tier (WAF). */
public final class EdgeDefaults {

    /** Requests per IP per 5 minutes across the site. */
    public static final int RATE_LIMIT = 2000;
    /** Requests per IP per 5 minutes to the auth endpoints (credential stuffing, sign-up abuse). */
    public static final int AUTH_RATE_LIMIT = 100;

    public static final String AUTH_PATH_PREFIX = "/api/auth/";
    /** WAF only delivers to CloudWatch log groups whose name starts with this. */
    public static final String LOG_GROUP_PREFIX = "aws-waf-logs-";
    /** Headers never written to WAF logs: they carry bearer tokens and session cookies. */
    public static final List<String> REDACTED_HEADERS = List.of("authorization", "cookie");

    /** AWS managed rule groups, in evaluation order after the reputation lists and rate rules. */
    public static final String IP_REPUTATION = "AWSManagedRulesAmazonIpReputationList";

    public static final String ANONYMOUS_IP = "AWSManagedRulesAnonymousIpList";
    public static final String COMMON = "AWSManagedRulesCommonRuleSet";
    public static final String KNOWN_BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet";
    public static final String SQLI = "AWSManagedRulesSQLiRuleSet";

    private EdgeDefaults() {}
}
