package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;

/** Defaults of the edge tier (WAF, CloudFront). */
public final class EdgeDefaults {

    /** Requests per IP per 5 minutes across the site. */
    public static final int RATE_LIMIT = 2000;
    /** Requests per IP per 5 minutes to the auth endpoints (credential stuffing, sign-up abuse). */
    public static final int AUTH_RATE_LIMIT = 100;

    /** WAF only delivers to CloudWatch log groups whose name starts with this. */
    public static final String LOG_GROUP_PREFIX = "aws-waf-logs-";
    /** Headers never written to WAF logs: they carry bearer tokens, session cookies and API keys. */
    public static final List<String> REDACTED_HEADERS = List.of("authorization", "cookie", "x-api-key");

    /** AWS managed rule groups, in evaluation order after the reputation lists and rate rules. */
    public static final String IP_REPUTATION = "AWSManagedRulesAmazonIpReputationList";

    public static final String ANONYMOUS_IP = "AWSManagedRulesAnonymousIpList";
    public static final String COMMON = "AWSManagedRulesCommonRuleSet";
    public static final String KNOWN_BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet";
    public static final String SQLI = "AWSManagedRulesSQLiRuleSet";

    /** The common rule set's rule that blocks bodies over 8 KB, and the label it leaves when counted. */
    public static final String BODY_SIZE_RULE = "SizeRestrictions_BODY";

    public static final String BODY_SIZE_LABEL = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body";

    /**
     * Header the API checks to refuse requests that did not come through the CDN, unless the
     * {@code originVerifyHeaderName} props of {@link Cdn} and {@link HttpServiceApi} name another.
     */
    public static final String ORIGIN_VERIFY_HEADER = "X-Origin-Verify";

    /** Two years, with subdomains and preload: what the HSTS preload list requires. */
    public static final Duration HSTS_MAX_AGE = Duration.days(730);

    /**
     * Same-origin everything, no plugins, no framing, no inline script. Apps that upload to S3 by
     * pre-signed URL add the bucket's origin to {@code connect-src} through the prop.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests";

    /**
     * How long the CDN and browsers keep media: the longest a deleted object is still served from a
     * cache (a new upload gets a new key, so only deletions and rewritten variants need it short).
     */
    public static final Duration MEDIA_TTL = Duration.minutes(5);

    /**
     * The longest the CDN keeps a cached API answer, whatever its {@code Cache-Control} says: the
     * most a public read can lag a write whose invalidation was lost.
     */
    public static final Duration API_CACHE_MAX_TTL = Duration.minutes(5);

    /**
     * The headers in the cache key of cached API paths: {@code Authorization}, which CloudFront
     * forwards only when it is in the key, and {@code Origin}, on which the API's CORS answer
     * depends.
     */
    public static final List<String> API_CACHE_KEY_HEADERS = List.of("Authorization", "Origin");

    /** CloudFront's limit of query string parameters in a cache policy's key. */
    public static final int CACHE_KEY_QUERY_STRINGS_MAX = 10;

    public static final String MEDIA_CACHE_CONTROL =
            "public, max-age=" + MEDIA_TTL.toSeconds().longValue();
    public static final String CDN_LOG_PREFIX = "cdn/";

    private EdgeDefaults() {}

    /** North America and Europe: the cheapest class; widen per deployment. */
    public static PriceClass priceClass() {
        return PriceClass.PRICE_CLASS_100;
    }

    public static SecurityPolicyProtocol minimumProtocolVersion() {
        return SecurityPolicyProtocol.TLS_V1_2_2021;
    }
}
