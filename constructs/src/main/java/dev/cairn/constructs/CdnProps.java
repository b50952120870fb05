package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.cloudfront.IKeyGroup;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * Props of {@link Cdn}: a media bucket with its public (and optionally signed) key prefixes,
 * optionally a site and an API origin. The setters of {@link Builder} document each prop and its
 * default.
 *
 * @param mediaBucket see {@link Builder#mediaBucket}
 * @param siteBucket see {@link Builder#siteBucket}
 * @param mediaPathPrefix see {@link Builder#mediaPathPrefix}
 * @param publicMediaKeyPrefix see {@link Builder#publicMediaKeyPrefix}
 * @param privateMediaKeyGroup see {@link Builder#privateMediaKeyGroup}
 * @param privateMediaKeyPrefix see {@link Builder#privateMediaKeyPrefix}
 * @param apiDomainName see {@link Builder#apiDomainName}
 * @param httpApi see {@link Builder#httpApi}
 * @param apiPathPattern see {@link Builder#apiPathPattern}
 * @param cachedApiPathPatterns see {@link Builder#cachedApiPathPatterns}
 * @param cachedApiQueryStrings see {@link Builder#cachedApiQueryStrings}
 * @param originVerifySecret see {@link Builder#originVerifySecret}
 * @param originVerifySecretField see {@link Builder#originVerifySecretField}
 * @param originVerifyHeaderName see {@link Builder#originVerifyHeaderName}
 * @param contentSecurityPolicy see {@link Builder#contentSecurityPolicy}
 * @param priceClass see {@link Builder#priceClass}
 * @param domainNames see {@link Builder#domainNames}
 * @param certificate see {@link Builder#certificate}
 * @param webAclId see {@link Builder#webAclId}
 * @param logBucket see {@link Builder#logBucket}
 * @param logRetentionDays see {@link Builder#logRetentionDays}
 */
public record CdnProps(
        IBucket mediaBucket,
        IBucket siteBucket,
        String mediaPathPrefix,
        String publicMediaKeyPrefix,
        IKeyGroup privateMediaKeyGroup,
        String privateMediaKeyPrefix,
        String apiDomainName,
        IHttpApi httpApi,
        String apiPathPattern,
        List<String> cachedApiPathPatterns,
        List<String> cachedApiQueryStrings,
        ISecret originVerifySecret,
        String originVerifySecretField,
        String originVerifyHeaderName,
        String contentSecurityPolicy,
        PriceClass priceClass,
        List<String> domainNames,
        ICertificate certificate,
        String webAclId,
        IBucket logBucket,
        Integer logRetentionDays) {

    public CdnProps {
        domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
        cachedApiPathPatterns = cachedApiPathPatterns == null ? List.of() : List.copyOf(cachedApiPathPatterns);
        cachedApiQueryStrings = cachedApiQueryStrings == null ? List.of() : List.copyOf(cachedApiQueryStrings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link CdnProps}. */
    public static final class Builder {
        private IBucket mediaBucket;
        private IBucket siteBucket;
        private String mediaPathPrefix;
        private String publicMediaKeyPrefix;
        private IKeyGroup privateMediaKeyGroup;
        private String privateMediaKeyPrefix;
        private String apiDomainName;
        private IHttpApi httpApi;
        private String apiPathPattern;
        private List<String> cachedApiPathPatterns;
        private List<String> cachedApiQueryStrings;
        private ISecret originVerifySecret;
        private String originVerifySecretField;
        private String originVerifyHeaderName;
        private String contentSecurityPolicy;
        private PriceClass priceClass;
        private List<String> domainNames;
        private ICertificate certificate;
        private String webAclId;
        private IBucket logBucket;
        private Integer logRetentionDays;

        private Builder() {}

        /**
         * The bucket served under {@code mediaPathPrefix}, read through origin access control; when it
         * is SSE-KMS encrypted (e.g. {@link MediaBucket#getBucket()}), its key policy is extended so
         * the distribution may decrypt.
         *
         * <p>Default: none; required.
         */
        public Builder mediaBucket(IBucket mediaBucket) {
            this.mediaBucket = mediaBucket;
            return this;
        }

        /**
         * The bucket of the static front end behind {@code /*}, read through origin access control,
         * with SPA routing (extension-less paths get {@code /index.html}).
         *
         * <p>Default: no site; the default behaviour is the media origin, serving {@code
         * publicMediaKeyPrefix} only.
         */
        public Builder siteBucket(IBucket siteBucket) {
            this.siteBucket = siteBucket;
            return this;
        }

        /**
         * The viewer path prefix of the media bucket, e.g. {@code "/media/"}: its behaviour is this
         * prefix and {@code *}, and CloudFront looks objects up by the rest of the path (the prefix
         * without its trailing slash is removed). It starts and ends with {@code /}, and has no
         * wildcard.
         *
         * <p>Default: {@value Cdn#DEFAULT_MEDIA_PATH_PREFIX}.
         */
        public Builder mediaPathPrefix(String mediaPathPrefix) {
            this.mediaPathPrefix = mediaPathPrefix;
            return this;
        }

        /**
         * The bucket key prefix served under {@code mediaPathPrefix} without a signed URL, e.g.
         * {@code "images/"}: other viewer paths under {@code mediaPathPrefix} get 404. A folder: no
         * leading slash, a trailing slash, no wildcard.
         *
         * <p>Default: none; required.
         */
        public Builder publicMediaKeyPrefix(String publicMediaKeyPrefix) {
            this.publicMediaKeyPrefix = publicMediaKeyPrefix;
            return this;
        }

        /**
         * Trusted key group whose signed URLs unlock {@code privateMediaKeyPrefix} under {@code
         * mediaPathPrefix}.
         *
         * <p>Default: no private media; those paths get 404. Requires {@code privateMediaKeyPrefix}.
         */
        public Builder privateMediaKeyGroup(IKeyGroup privateMediaKeyGroup) {
            this.privateMediaKeyGroup = privateMediaKeyGroup;
            return this;
        }

        /**
         * The bucket key prefix served under {@code mediaPathPrefix} only with a URL signed by {@code
         * privateMediaKeyGroup}, e.g. {@code "private/"}. A folder like {@code publicMediaKeyPrefix},
         * and neither may contain the other.
         *
         * <p>Default: none; required with {@code privateMediaKeyGroup}, rejected without it.
         */
        public Builder privateMediaKeyPrefix(String privateMediaKeyPrefix) {
            this.privateMediaKeyPrefix = privateMediaKeyPrefix;
            return this;
        }

        /**
         * Domain name of the API origin behind {@code apiPathPattern}, e.g. {@code api.example.com}.
         *
         * <p>Default: no API origin; exclusive with {@code httpApi}.
         */
        public Builder apiDomainName(String apiDomainName) {
            this.apiDomainName = apiDomainName;
            return this;
        }

        /**
         * An API Gateway HTTP API behind {@code apiPathPattern}.
         *
         * <p>Default: no API origin; exclusive with {@code apiDomainName}.
         */
        public Builder httpApi(IHttpApi httpApi) {
            this.httpApi = httpApi;
            return this;
        }

        /**
         * The viewer path pattern of the API origin, e.g. {@code "/api/*"}: it starts with {@code /},
         * ends with {@code /*} and lies outside {@code mediaPathPrefix}. Requests are forwarded with
         * their path unchanged.
         *
         * <p>Default: none; required with an API origin, rejected without one.
         */
        public Builder apiPathPattern(String apiPathPattern) {
            this.apiPathPattern = apiPathPattern;
            return this;
        }

        /**
         * Viewer path patterns inside {@code apiPathPattern} whose answers CloudFront may cache,
         * e.g. {@code "/api/projects*"}: each gets a behaviour before {@code apiPathPattern}, to the
         * same API origin (with the origin-verify header), all methods allowed, GET and HEAD cached
         * under a cache policy that honours the origin's {@code Cache-Control} (TTL min 0, default
         * 0, max {@link EdgeDefaults#API_CACHE_MAX_TTL}) and keys on the path, {@code
         * cachedApiQueryStrings}, and the {@code Authorization} and {@code Origin} headers.
         * CloudFront forwards {@code Authorization} to the origin only when the cache policy keys on
         * it (an origin request policy may not forward it), so signed-in calls on these paths keep
         * reaching the API; keyed on it, an answer to one token is never served to another caller or
         * an anonymous one. Each pattern starts with {@code apiPathPattern}'s folder, ends with
         * {@code *} and appears once.
         *
         * <p>Default: none; every API answer passes uncached. Rejected without an API origin.
         */
        public Builder cachedApiPathPatterns(List<String> cachedApiPathPatterns) {
            this.cachedApiPathPatterns = cachedApiPathPatterns;
            return this;
        }

        /**
         * The query string parameters in the cache key of {@code cachedApiPathPatterns} (at most
         * 10, CloudFront's limit); the others still reach the API but do not split the cache.
         *
         * <p>Default: none; the query string is not in the key. Rejected without {@code
         * cachedApiPathPatterns}.
         */
        public Builder cachedApiQueryStrings(List<String> cachedApiQueryStrings) {
            this.cachedApiQueryStrings = cachedApiQueryStrings;
            return this;
        }

        /**
         * Secret whose value CloudFront sends to the API in the header {@code originVerifyHeaderName}
         * (a CloudFormation dynamic reference, never plain text in the template).
         *
         * <p>Default: none; required with an API origin, rejected without one.
         */
        public Builder originVerifySecret(ISecret originVerifySecret) {
            this.originVerifySecret = originVerifySecret;
            return this;
        }

        /**
         * JSON field of {@code originVerifySecret} holding the value.
         *
         * <p>Default: the whole secret string.
         */
        public Builder originVerifySecretField(String originVerifySecretField) {
            this.originVerifySecretField = originVerifySecretField;
            return this;
        }

        /**
         * The header CloudFront sends {@code originVerifySecret}'s value in; the same name as {@code
         * HttpServiceApiProps.originVerifyHeaderName}. 1..64 letters, digits or hyphens, not {@code
         * Authorization} or {@code Host}.
         *
         * <p>Default: {@value EdgeDefaults#ORIGIN_VERIFY_HEADER}; rejected without an API origin.
         */
        public Builder originVerifyHeaderName(String originVerifyHeaderName) {
            this.originVerifyHeaderName = originVerifyHeaderName;
            return this;
        }

        /**
         * The {@code Content-Security-Policy} response header.
         *
         * <p>Default: {@link EdgeDefaults#CONTENT_SECURITY_POLICY} (same origin only, no inline
         * script, no framing).
         */
        public Builder contentSecurityPolicy(String contentSecurityPolicy) {
            this.contentSecurityPolicy = contentSecurityPolicy;
            return this;
        }

        /**
         * The edge locations used.
         *
         * <p>Default: {@code PRICE_CLASS_100} (North America and Europe).
         */
        public Builder priceClass(PriceClass priceClass) {
            this.priceClass = priceClass;
            return this;
        }

        /**
         * Alternate domain names (CNAMEs).
         *
         * <p>Default: only the {@code *.cloudfront.net} name; requires {@code certificate}.
         */
        public Builder domainNames(List<String> domainNames) {
            this.domainNames = domainNames;
            return this;
        }

        /**
         * ACM certificate in us-east-1 covering {@code domainNames}.
         *
         * <p>Default: none; requires {@code domainNames}.
         */
        public Builder certificate(ICertificate certificate) {
            this.certificate = certificate;
            return this;
        }

        /**
         * ARN of a WAFv2 web ACL with CLOUDFRONT scope (see {@link WebFirewall}).
         *
         * <p>Default: none, which cdk-nag reports (AwsSolutions-CFR2): attach one outside development.
         */
        public Builder webAclId(String webAclId) {
            this.webAclId = webAclId;
            return this;
        }

        /**
         * Bucket for CloudFront standard logs; it must have ACLs enabled (object ownership {@code
         * BucketOwnerPreferred}), which CloudFront log delivery needs.
         *
         * <p>Default: a new private log bucket (SSE-S3, SSL only, versioned, logs kept {@code
         * logRetentionDays}).
         */
        public Builder logBucket(IBucket logBucket) {
            this.logBucket = logBucket;
            return this;
        }

        /**
         * Days the created log bucket keeps logs (90..3650).
         *
         * <p>Default: 365; rejected with {@code logBucket}.
         */
        public Builder logRetentionDays(Integer logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        public CdnProps build() {
            return new CdnProps(
                    mediaBucket,
                    siteBucket,
                    mediaPathPrefix,
                    publicMediaKeyPrefix,
                    privateMediaKeyGroup,
                    privateMediaKeyPrefix,
                    apiDomainName,
                    httpApi,
                    apiPathPattern,
                    cachedApiPathPatterns,
                    cachedApiQueryStrings,
                    originVerifySecret,
                    originVerifySecretField,
                    originVerifyHeaderName,
                    contentSecurityPolicy,
                    priceClass,
                    domainNames,
                    certificate,
                    webAclId,
                    logBucket,
                    logRetentionDays);
        }
    }
}
