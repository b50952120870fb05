package dev.cairn.constructs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.CachedMethods;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.ICachePolicy;
import software.amazon.awscdk.services.cloudfront.IKeyGroup;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeader;
import software.amazon.awscdk.services.cloudfront.ResponseCustomHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A CloudFront distribution in front of a static site bucket ({@code /*}), a media bucket (under
 * a path prefix such as {@code /media/}: one public key prefix, optionally one signed) and an
 * HTTP API (under a path pattern such as {@code /api/*}): S3 origins through origin access
 * control, HTTPS only with TLS 1.2, security response headers, standard access logs.
 *
 * <p>API answers pass uncached, except under {@code cachedApiPathPatterns} (e.g. site-owned
 * content that anyone reads), whose cache policy honours the API's {@code Cache-Control} (at most
 * {@link EdgeDefaults#API_CACHE_MAX_TTL}). Its key holds the path, the allow-listed query strings
 * and the {@code Authorization} and {@code Origin} headers. {@code Authorization} is there because
 * CloudFront forwards it to the origin only when the cache policy keys on it (an origin request
 * policy may not forward it), and writes and signed-in reads on those paths need it. Keyed on it,
 * an answer made for one token is only ever served to that same token: anonymous requests share
 * one entry per URL, a signed-in request never hits it. What is stored is decided by the API's
 * {@code Cache-Control}: with a minimum TTL of 0, CloudFront stores nothing marked {@code private},
 * {@code no-store} or {@code no-cache}, and it never caches answers to POST, PUT, PATCH or DELETE.
 * {@code Origin} is there because the API's CORS headers differ per calling origin.
 */
public class Cdn extends Construct {

    /** The viewer path prefix of the media bucket unless {@code mediaPathPrefix} says otherwise. */
    public static final String DEFAULT_MEDIA_PATH_PREFIX = "/media/";

    private static final String INDEX = "/index.html";
    /** An HTTP header name (RFC 9110 token characters used in practice). */
    private static final Pattern HEADER_NAME = Pattern.compile("^[A-Za-z0-9-]{1,64}$");

    private static final String WILDCARD_KEY_POLICY_FOR_OAC = "@aws-cdk/aws-cloudfront-origins:wildcardKeyPolicyForOac";

    private final Distribution distribution;
    private final IBucket logBucket;
    private final ResponseHeadersPolicy responseHeadersPolicy;
    private final ResponseHeadersPolicy mediaResponseHeadersPolicy;
    private final CachePolicy mediaCachePolicy;
    private final CachePolicy apiCachePolicy;
    private final Function mediaFunction;
    private final Function privateMediaFunction;
    private final Function siteFunction;

    public Cdn(Construct scope, String id, CdnProps props) {
        super(scope, id);
        validate(props);

        this.logBucket = props.logBucket() != null ? props.logBucket() : createLogBucket(props);
        ResponseSecurityHeadersBehavior securityHeaders = securityHeaders(
                Objects.requireNonNullElse(props.contentSecurityPolicy(), EdgeDefaults.CONTENT_SECURITY_POLICY));
        this.responseHeadersPolicy = ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("HSTS, CSP, nosniff, DENY framing, strict referrer")
                .securityHeadersBehavior(securityHeaders)
                .build();
        this.mediaResponseHeadersPolicy = ResponseHeadersPolicy.Builder.create(this, "MediaHeaders")
                .comment("Security headers plus short caching for media")
                .securityHeadersBehavior(securityHeaders)
                .customHeadersBehavior(ResponseCustomHeadersBehavior.builder()
                        .customHeaders(List.of(ResponseCustomHeader.builder()
                                .header("Cache-Control")
                                .value(EdgeDefaults.MEDIA_CACHE_CONTROL)
                                .override(true)
                                .build()))
                        .build())
                .build();
        this.mediaCachePolicy = CachePolicy.Builder.create(this, "MediaCache")
                .comment("Media: cache at most MEDIA_TTL, so deleted media stop being served; vary on nothing")
                .defaultTtl(EdgeDefaults.MEDIA_TTL)
                .maxTtl(EdgeDefaults.MEDIA_TTL)
                .minTtl(Duration.seconds(0))
                .cookieBehavior(CacheCookieBehavior.none())
                .headerBehavior(CacheHeaderBehavior.none())
                .queryStringBehavior(CacheQueryStringBehavior.none())
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .build();

        IOrigin mediaOrigin = S3BucketOrigin.withOriginAccessControl(props.mediaBucket());
        String mediaPath = mediaPathPrefix(props);
        this.mediaFunction = mediaPathFunction("MediaFunction", mediaPath, mediaPath + props.publicMediaKeyPrefix());
        BehaviorOptions media = mediaBehavior(mediaOrigin, mediaFunction, null);

        Map<String, BehaviorOptions> behaviors = new LinkedHashMap<>();
        // Most specific first: CloudFront matches behaviours in order.
        if (props.privateMediaKeyGroup() != null) {
            String privatePath = mediaPath + props.privateMediaKeyPrefix();
            this.privateMediaFunction = mediaPathFunction("PrivateMediaFunction", mediaPath, privatePath);
            behaviors.put(
                    privatePath + "*", mediaBehavior(mediaOrigin, privateMediaFunction, props.privateMediaKeyGroup()));
        } else {
            this.privateMediaFunction = null;
        }
        behaviors.put(mediaPath + "*", media);
        if (hasApi(props)) {
            IOrigin apiOrigin = apiOrigin(props);
            if (props.cachedApiPathPatterns().isEmpty()) {
                this.apiCachePolicy = null;
            } else {
                this.apiCachePolicy = apiCachePolicy(props.cachedApiQueryStrings());
                for (String pattern : props.cachedApiPathPatterns()) {
                    behaviors.put(pattern, apiBehavior(apiOrigin, apiCachePolicy));
                }
            }
            behaviors.put(props.apiPathPattern(), apiBehavior(apiOrigin, CachePolicy.CACHING_DISABLED));
        } else {
            this.apiCachePolicy = null;
        }

        BehaviorOptions defaultBehavior;
        if (props.siteBucket() != null) {
            this.siteFunction = Function.Builder.create(this, "SiteFunction")
                    .comment("SPA routing: extension-less paths get " + INDEX)
                    .runtime(FunctionRuntime.JS_2_0)
                    .code(FunctionCode.fromInline(spaRoutingCode()))
                    .build();
            defaultBehavior = BehaviorOptions.builder()
                    .origin(S3BucketOrigin.withOriginAccessControl(props.siteBucket()))
                    .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                    .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                    .responseHeadersPolicy(responseHeadersPolicy)
                    .compress(true)
                    .functionAssociations(List.of(viewerRequest(siteFunction)))
                    .build();
        } else {
            this.siteFunction = null;
            defaultBehavior = media;
        }

        Distribution.Builder builder = Distribution.Builder.create(this, "Resource")
                .comment(getNode().getPath())
                .defaultBehavior(defaultBehavior)
                .additionalBehaviors(behaviors)
                .priceClass(Objects.requireNonNullElse(props.priceClass(), EdgeDefaults.priceClass()))
                .minimumProtocolVersion(EdgeDefaults.minimumProtocolVersion())
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .enableIpv6(true)
                .enableLogging(true)
                .logBucket(logBucket)
                .logFilePrefix(EdgeDefaults.CDN_LOG_PREFIX)
                .logIncludesCookies(false);
        if (props.siteBucket() != null) {
            builder.defaultRootObject(INDEX.substring(1));
        }
        if (!props.domainNames().isEmpty()) {
            builder.domainNames(props.domainNames()).certificate(props.certificate());
        }
        if (props.webAclId() != null) {
            builder.webAclId(props.webAclId());
        }
        this.distribution = builder.build();
        // After the origins are bound: an acknowledgement only removes warnings already on the node.
        acknowledgeWildcardKeyPolicy(props.mediaBucket());
        acknowledgeWildcardKeyPolicy(props.siteBucket());
        explainDistributionFindings(props);
    }

    /**
     * For an SSE-KMS bucket, CDK's OAC origin lets CloudFront decrypt for any distribution of this
     * account (a condition on {@code distribution/*}), warning on the key's parent construct; the
     * distribution's own id would make key, bucket and distribution depend on each other.
     */
    private static void acknowledgeWildcardKeyPolicy(IBucket bucket) {
        if (bucket == null || bucket.getEncryptionKey() == null) {
            return;
        }
        IConstruct keyParent = bucket.getEncryptionKey().getNode().getScope();
        Annotations.of(keyParent != null ? keyParent : bucket.getEncryptionKey())
                .acknowledgeWarning(
                        WILDCARD_KEY_POLICY_FOR_OAC,
                        "CloudFront may decrypt only on behalf of distributions of this account, and the bucket"
                                + " policy still limits reads to this distribution's origin access control.");
    }

    private static ResponseSecurityHeadersBehavior securityHeaders(String contentSecurityPolicy) {
        return ResponseSecurityHeadersBehavior.builder()
                .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                        .accessControlMaxAge(EdgeDefaults.HSTS_MAX_AGE)
                        .includeSubdomains(true)
                        .preload(true)
                        .override(true)
                        .build())
                .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                        .contentSecurityPolicy(contentSecurityPolicy)
                        .override(true)
                        .build())
                .contentTypeOptions(ResponseHeadersContentTypeOptions.builder()
                        .override(true)
                        .build())
                .frameOptions(ResponseHeadersFrameOptions.builder()
                        .frameOption(HeadersFrameOption.DENY)
                        .override(true)
                        .build())
                .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                        .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)
                        .override(true)
                        .build())
                .build();
    }

    private BehaviorOptions mediaBehavior(IOrigin origin, Function function, IKeyGroup keyGroup) {
        BehaviorOptions.Builder behavior = BehaviorOptions.builder()
                .origin(origin)
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                .cachedMethods(CachedMethods.CACHE_GET_HEAD)
                .cachePolicy(mediaCachePolicy)
                .responseHeadersPolicy(mediaResponseHeadersPolicy)
                .compress(true)
                .functionAssociations(List.of(viewerRequest(function)));
        if (keyGroup != null) {
            behavior.trustedKeyGroups(List.of(keyGroup));
        }
        return behavior.build();
    }

    /** The HTTP API, reached over TLS 1.2 with the origin-verify header; every API behaviour shares it. */
    private static IOrigin apiOrigin(CdnProps props) {
        String domainName = props.httpApi() != null
                // https://{apiId}.execute-api.{region}.amazonaws.com -> the host part
                ? Fn.select(2, Fn.split("/", props.httpApi().getApiEndpoint()))
                : props.apiDomainName();
        // unsafeUnwrap renders a CloudFormation dynamic reference ({{resolve:secretsmanager:...}}):
        // CloudFormation resolves it at deploy time, the template never holds the value.
        String verifyValue = props.originVerifySecretField() != null
                ? props.originVerifySecret()
                        .secretValueFromJson(props.originVerifySecretField())
                        .unsafeUnwrap()
                : props.originVerifySecret().getSecretValue().unsafeUnwrap();
        Map<String, String> headers = new HashMap<>();
        headers.put(
                Objects.requireNonNullElse(props.originVerifyHeaderName(), EdgeDefaults.ORIGIN_VERIFY_HEADER),
                verifyValue);
        return HttpOrigin.Builder.create(domainName)
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
                .customHeaders(headers)
                .build();
    }

    /**
     * Every method to the API, every viewer header but Host and every query string forwarded; what
     * is cached, and under which key, is {@code cachePolicy}'s.
     */
    private BehaviorOptions apiBehavior(IOrigin origin, ICachePolicy cachePolicy) {
        return BehaviorOptions.builder()
                .origin(origin)
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachedMethods(CachedMethods.CACHE_GET_HEAD)
                .cachePolicy(cachePolicy)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .responseHeadersPolicy(responseHeadersPolicy)
                .compress(true)
                .build();
    }

    /**
     * Honours the API's {@code Cache-Control} up to {@link EdgeDefaults#API_CACHE_MAX_TTL}, and
     * nothing without it; keyed on the path, {@code queryStrings} and {@link
     * EdgeDefaults#API_CACHE_KEY_HEADERS} (see the class comment for why Authorization is there).
     */
    private CachePolicy apiCachePolicy(List<String> queryStrings) {
        return CachePolicy.Builder.create(this, "ApiCache")
                .comment("Cached API reads: origin Cache-Control up to 5 min; key: path, listed query, Authorization,"
                        + " Origin")
                .minTtl(Duration.seconds(0))
                .defaultTtl(Duration.seconds(0))
                .maxTtl(EdgeDefaults.API_CACHE_MAX_TTL)
                .cookieBehavior(CacheCookieBehavior.none())
                .headerBehavior(
                        CacheHeaderBehavior.allowList(EdgeDefaults.API_CACHE_KEY_HEADERS.toArray(String[]::new)))
                .queryStringBehavior(
                        queryStrings.isEmpty()
                                ? CacheQueryStringBehavior.none()
                                : CacheQueryStringBehavior.allowList(queryStrings.toArray(String[]::new)))
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .build();
    }

    private static String mediaPathPrefix(CdnProps props) {
        return Objects.requireNonNullElse(props.mediaPathPrefix(), DEFAULT_MEDIA_PATH_PREFIX);
    }

    private static boolean hasApi(CdnProps props) {
        return props.apiDomainName() != null || props.httpApi() != null;
    }

    private Function mediaPathFunction(String id, String mediaPath, String allowedPrefix) {
        String removed = mediaPath.substring(0, mediaPath.length() - 1);
        return Function.Builder.create(this, id)
                .comment("Serves " + allowedPrefix + " only, as bucket keys without " + removed)
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(mediaPathCode(removed, allowedPrefix)))
                .build();
    }

    /**
     * Viewer paths outside {@code allowedPrefix} get 404; the rest lose {@code removedPrefix} (the
     * media path prefix without its trailing slash), leaving the bucket key with a leading slash.
     */
    static String mediaPathCode(String removedPrefix, String allowedPrefix) {
        return "function handler(event) {\n"
                + "  var request = event.request;\n"
                + "  var uri = request.uri;\n"
                + "  if (uri.indexOf('" + allowedPrefix + "') !== 0 || uri.indexOf('..') !== -1) {\n"
                + "    return { statusCode: 404, statusDescription: 'Not Found' };\n"
                + "  }\n"
                + "  request.uri = uri.substring(" + removedPrefix.length() + ");\n"
                + "  return request;\n"
                + "}\n";
    }

    /**
     * Client-side routes (no file extension in the last segment) get the app shell. Done per
     * request instead of with distribution-wide 403/404 error responses, which would also turn the
     * API's 403 and 404 answers into the HTML page.
     */
    static String spaRoutingCode() {
        return "function handler(event) {\n"
                + "  var request = event.request;\n"
                + "  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);\n"
                + "  if (last.indexOf('.') === -1) {\n"
                + "    request.uri = '" + INDEX + "';\n"
                + "  }\n"
                + "  return request;\n"
                + "}\n";
    }

    private static FunctionAssociation viewerRequest(Function function) {
        return FunctionAssociation.builder()
                .function(function)
                .eventType(FunctionEventType.VIEWER_REQUEST)
                .build();
    }

    /** CloudFront standard logging writes by ACL: this bucket keeps ACLs on, but no public ones. */
    private Bucket createLogBucket(CdnProps props) {
        int retentionDays =
                Objects.requireNonNullElse(props.logRetentionDays(), StorageDefaults.ACCESS_LOG_RETENTION_DAYS);
        Bucket logs = Bucket.Builder.create(this, "Logs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(StorageDefaults.MINIMUM_TLS_VERSION)
                .versioned(true)
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("ExpireAccessLogs")
                                .expiration(Duration.days(retentionDays))
                                .noncurrentVersionExpiration(Duration.days(1))
                                .build(),
                        StorageDefaults.abortIncompleteMultipartUploads()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        String loop = "This bucket is the CloudFront access log destination; logging its own access would"
                + " write a log record for every log delivery, without end.";
        Compliance.suppress(logs, "AwsSolutions-S1", loop);
        Compliance.suppress(logs, "HIPAA.Security-S3BucketLoggingEnabled", loop);
        Compliance.suppress(logs, "NIST.800.53.R5-S3BucketLoggingEnabled", loop);
        Compliance.suppress(logs, "PCI.DSS.321-S3BucketLoggingEnabled", loop);
        String sseS3 = "CloudFront standard log delivery writes as the awslogsdelivery account without KMS"
                + " parameters; a customer managed key would have to trust that account. The logs are"
                + " encrypted at rest with SSE-S3.";
        Compliance.suppress(logs, "HIPAA.Security-S3DefaultEncryptionKMS", sseS3);
        Compliance.suppress(logs, "NIST.800.53.R5-S3DefaultEncryptionKMS", sseS3);
        Compliance.suppress(logs, "PCI.DSS.321-S3DefaultEncryptionKMS", sseS3);
        AccessLogBuckets.suppressReplication(
                logs,
                "Access logs are kept in-region, versioned, for their retention period; a cross-region"
                        + " copy is a per-deployment disaster-recovery decision outside this construct.");
        return logs;
    }

    private void explainDistributionFindings(CdnProps props) {
        Compliance.suppress(
                distribution,
                "AwsSolutions-CFR1",
                "The site, media and API serve a worldwide audience; blocking countries is a legal and"
                        + " business decision per deployment, and abusive sources are blocked by the WAF rules.");
        if (props.domainNames().isEmpty()) {
            Compliance.suppress(
                    distribution,
                    "AwsSolutions-CFR4",
                    "Without a custom domain CloudFront serves its default *.cloudfront.net certificate,"
                            + " whose viewer policy CloudFront fixes and which cannot be set; with domainNames the"
                            + " distribution requires TLSv1.2_2021.");
        }
    }

    private void validate(CdnProps props) {
        PropsCheck check = new PropsCheck("Cdn");
        check.require("props", props);
        if (props != null) {
            check.require("mediaBucket", props.mediaBucket());
            check.check(
                    props.apiDomainName() == null || props.httpApi() == null,
                    "apiDomainName and httpApi are exclusive (value: " + props.apiDomainName() + ")");
            check.notBlank("apiDomainName", props.apiDomainName());
            if (PropsCheck.resolved(props.apiDomainName())) {
                check.check(
                        !props.apiDomainName().contains("/")
                                && !props.apiDomainName().contains(":"),
                        "apiDomainName must be a host name without scheme or path (value: " + props.apiDomainName()
                                + ")");
            }
            boolean hasApi = hasApi(props);
            checkPathsAndHeader(check, props, hasApi);
            check.check(
                    !hasApi || props.originVerifySecret() != null,
                    "originVerifySecret is required with an API origin (value: null)");
            check.check(
                    props.originVerifySecret() == null || hasApi,
                    "originVerifySecret needs apiDomainName or httpApi (value: "
                            + (props.originVerifySecret() == null
                                    ? null
                                    : props.originVerifySecret().getNode().getPath())
                            + ")");
            check.notBlank("originVerifySecretField", props.originVerifySecretField());
            check.notBlank("contentSecurityPolicy", props.contentSecurityPolicy());
            check.check(
                    props.domainNames().isEmpty() == (props.certificate() == null),
                    "domainNames and certificate must be given together (value: " + props.domainNames() + ")");
            if (props.certificate() != null
                    && PropsCheck.resolved(props.certificate().getCertificateArn())) {
                check.check(
                        props.certificate().getCertificateArn().contains(":us-east-1:"),
                        "certificate must be in us-east-1 for CloudFront (value: "
                                + props.certificate().getCertificateArn() + ")");
            }
            if (PropsCheck.resolved(props.webAclId())) {
                check.check(
                        props.webAclId().startsWith("arn:") && props.webAclId().contains(":global/webacl/"),
                        "webAclId must be the ARN of a CLOUDFRONT-scope WAFv2 web ACL (value: " + props.webAclId()
                                + ")");
            }
            check.range("logRetentionDays", props.logRetentionDays(), 90, 3650);
            check.check(
                    props.logRetentionDays() == null || props.logBucket() == null,
                    "logRetentionDays applies only to the created log bucket; it is set with logBucket (value: "
                            + props.logRetentionDays() + ")");
        }
        check.throwIfInvalid(getNode().getPath());
    }

    /** The rules of the path and header props: each message names the prop and its value. */
    private static void checkPathsAndHeader(PropsCheck check, CdnProps props, boolean hasApi) {
        String mediaPath = props.mediaPathPrefix();
        if (PropsCheck.resolved(mediaPath)) {
            check.check(
                    mediaPath.length() > 2
                            && mediaPath.startsWith("/")
                            && mediaPath.endsWith("/")
                            && !mediaPath.contains("*"),
                    "mediaPathPrefix must start and end with / and hold no wildcard, e.g. /media/ (value: " + mediaPath
                            + ")");
        }
        check.require("publicMediaKeyPrefix", props.publicMediaKeyPrefix());
        checkKeyFolder(check, "publicMediaKeyPrefix", props.publicMediaKeyPrefix());
        checkKeyFolder(check, "privateMediaKeyPrefix", props.privateMediaKeyPrefix());
        check.check(
                (props.privateMediaKeyGroup() == null) == (props.privateMediaKeyPrefix() == null),
                "privateMediaKeyGroup and privateMediaKeyPrefix must be given together (value: "
                        + props.privateMediaKeyPrefix() + ")");
        String publicKeys = props.publicMediaKeyPrefix();
        String privateKeys = props.privateMediaKeyPrefix();
        if (PropsCheck.resolved(publicKeys) && PropsCheck.resolved(privateKeys)) {
            check.check(
                    !publicKeys.startsWith(privateKeys) && !privateKeys.startsWith(publicKeys),
                    "privateMediaKeyPrefix must not contain or lie within publicMediaKeyPrefix (value: " + privateKeys
                            + ")");
        }
        String apiPath = props.apiPathPattern();
        check.check(!hasApi || apiPath != null, "apiPathPattern is required with an API origin (value: null)");
        check.check(
                hasApi || apiPath == null, "apiPathPattern needs apiDomainName or httpApi (value: " + apiPath + ")");
        if (PropsCheck.resolved(apiPath)) {
            check.check(
                    apiPath.length() > 3 && apiPath.startsWith("/") && apiPath.endsWith("/*"),
                    "apiPathPattern must start with / and end with /*, e.g. /api/* (value: " + apiPath + ")");
            String media = Objects.requireNonNullElse(mediaPath, DEFAULT_MEDIA_PATH_PREFIX);
            String apiFolder = apiPath.substring(0, apiPath.length() - 1);
            check.check(
                    !apiFolder.startsWith(media) && !media.startsWith(apiFolder),
                    "apiPathPattern must lie outside mediaPathPrefix " + media + " (value: " + apiPath + ")");
        }
        checkCachedApiPaths(check, props, hasApi);
        String header = props.originVerifyHeaderName();
        if (PropsCheck.resolved(header)) {
            check.check(
                    HEADER_NAME.matcher(header).matches()
                            && !header.equalsIgnoreCase("Authorization")
                            && !header.equalsIgnoreCase("Host"),
                    "originVerifyHeaderName must be 1..64 letters, digits or hyphens, not Authorization or Host"
                            + " (value: " + header + ")");
        }
        check.check(
                hasApi || header == null,
                "originVerifyHeaderName needs apiDomainName or httpApi (value: " + header + ")");
    }

    /** Cached API paths lie inside the API's pattern, once each; their query strings are names. */
    private static void checkCachedApiPaths(PropsCheck check, CdnProps props, boolean hasApi) {
        List<String> patterns = props.cachedApiPathPatterns();
        check.check(
                hasApi || patterns.isEmpty(),
                "cachedApiPathPatterns needs apiDomainName or httpApi (value: " + patterns + ")");
        check.check(
                !patterns.isEmpty() || props.cachedApiQueryStrings().isEmpty(),
                "cachedApiQueryStrings needs cachedApiPathPatterns (value: " + props.cachedApiQueryStrings() + ")");
        String apiPath = props.apiPathPattern();
        String apiFolder = PropsCheck.resolved(apiPath) && apiPath.endsWith("*")
                ? apiPath.substring(0, apiPath.length() - 1)
                : null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String pattern : patterns) {
            if (pattern != null && !PropsCheck.resolved(pattern)) {
                continue;
            }
            check.check(
                    pattern != null
                            && pattern.endsWith("*")
                            && apiFolder != null
                            && pattern.startsWith(apiFolder)
                            && pattern.length() > apiFolder.length() + 1
                            && !pattern.equals(apiPath),
                    "cachedApiPathPatterns entries must start with apiPathPattern's folder, name more than it and"
                            + " end with *, e.g. /api/projects* (value: " + pattern + ")");
            check.check(seen.add(pattern), "cachedApiPathPatterns must not repeat a pattern (value: " + pattern + ")");
        }
        List<String> queryStrings = props.cachedApiQueryStrings();
        check.check(
                queryStrings.size() <= EdgeDefaults.CACHE_KEY_QUERY_STRINGS_MAX,
                "cachedApiQueryStrings holds at most " + EdgeDefaults.CACHE_KEY_QUERY_STRINGS_MAX + " names (value: "
                        + queryStrings + ")");
        for (String name : queryStrings) {
            check.check(
                    name != null && name.matches("^[A-Za-z0-9_.~-]{1,64}$"),
                    "cachedApiQueryStrings entries must be query parameter names (value: " + name + ")");
        }
    }

    /** A bucket key folder: no leading slash, a trailing slash, no wildcard. */
    private static void checkKeyFolder(PropsCheck check, String prop, String prefix) {
        if (PropsCheck.resolved(prefix)) {
            check.check(
                    prefix.length() > 1 && !prefix.startsWith("/") && prefix.endsWith("/") && !prefix.contains("*"),
                    prop + " must be a key folder such as images/ (no leading slash, a trailing slash, no wildcard)"
                            + " (value: " + prefix + ")");
        }
    }

    public Distribution getDistribution() {
        return distribution;
    }

    /** The {@code *.cloudfront.net} name of the distribution. */
    public String getDomainName() {
        return distribution.getDistributionDomainName();
    }

    public IBucket getLogBucket() {
        return logBucket;
    }

    public ResponseHeadersPolicy getResponseHeadersPolicy() {
        return responseHeadersPolicy;
    }

    public CachePolicy getMediaCachePolicy() {
        return mediaCachePolicy;
    }

    /** The cache policy of {@code cachedApiPathPatterns}, or null without them. */
    public CachePolicy getApiCachePolicy() {
        return apiCachePolicy;
    }

    /** The viewer-request function of the media path (public key prefix). */
    public Function getMediaFunction() {
        return mediaFunction;
    }

    /** The viewer-request function of the private media path, or null without a key group. */
    public Function getPrivateMediaFunction() {
        return privateMediaFunction;
    }

    /** The SPA routing function of the default behaviour, or null without a site bucket. */
    public Function getSiteFunction() {
        return siteFunction;
    }
}
