package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.cloudfront.IKeyGroup;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * Props of {@link Cdn}.
 *
 * @param mediaBucket the media bucket behind {@code /media/*}, read through origin access control;
 *     when it is SSE-KMS encrypted (e.g. {@link MediaBucket#getBucket()}), its key policy is
 *     extended so the distribution may decrypt. Required.
 * @param siteBucket the bucket of the static front end behind {@code /*}, read through origin
 *     access control, with SPA routing (extension-less paths get {@code /index.html}). Default: no
 *     site; the default behaviour is the media origin, serving {@code /media/images/} only.
 * @param privateMediaKeyGroup trusted key group whose signed URLs unlock
 *     {@code /media/private/*}. Default: no private media; those paths get 404.
 * @param apiDomainName domain name of the API origin behind {@code /api/*}, e.g.
 *     {@code api.example.com}. Default: no API origin; exclusive with {@code httpApi}.
 * @param httpApi an API Gateway HTTP API behind {@code /api/*}. Default: no API origin; exclusive
 *     with {@code apiDomainName}.
 * @param originVerifySecret secret whose value CloudFront sends to the API as
 *     {@code X-Origin-Verify} (a CloudFormation dynamic reference, never plain text in the
 *     template). Required with an API origin.
 * @param originVerifySecretField JSON field of {@code originVerifySecret} holding the value.
 *     Default: the whole secret string.
 * @param contentSecurityPolicy the {@code Content-Security-Policy} header. Default:
 *     {@link EdgeDefaults#CONTENT_SECURITY_POLICY} (same origin only, no inline script, no framing).
 * @param priceClass edge locations used. Default: {@code PRICE_CLASS_100}.
 * @param domainNames alternate domain names (CNAMEs). Default: only the
 *     {@code *.cloudfront.net} name; requires {@code certificate}.
 * @param certificate ACM certificate in us-east-1 covering {@code domainNames}. Default: none;
 *     requires {@code domainNames}.
 * @param webAclId ARN of a WAFv2 web ACL with CLOUDFRONT scope (see {@link WebFirewall}). Default:
 *     none, which cdk-nag reports (AwsSolutions-CFR2): attach one outside development.
 * @param logBucket bucket for CloudFront standard logs; it must have ACLs enabled (object
 *     ownership {@code BucketOwnerPreferred}), which CloudFront log delivery needs. Default: a new
 *     private log bucket (SSE-S3, SSL only, versioned, logs kept {@code logRetentionDays}).
 * @param logRetentionDays days the created log bucket keeps logs (90..3650). Default: 365;
 *     rejected with {@code logBucket}.
 */
public record CdnProps(
        IBucket mediaBucket,
        IBucket siteBucket,
        IKeyGroup privateMediaKeyGroup,
        String apiDomainName,
        IHttpApi httpApi,
        ISecret originVerifySecret,
        String originVerifySecretField,
        String contentSecurityPolicy,
        PriceClass priceClass,
        List<String> domainNames,
        ICertificate certificate,
        String webAclId,
        IBucket logBucket,
        Integer logRetentionDays) {

    public CdnProps {
        domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link CdnProps}. */
    public static final class Builder {
        private IBucket mediaBucket;
        private IBucket siteBucket;
        private IKeyGroup privateMediaKeyGroup;
        private String apiDomainName;
        private IHttpApi httpApi;
        private ISecret originVerifySecret;
        private String originVerifySecretField;
        private String contentSecurityPolicy;
        private PriceClass priceClass;
        private List<String> domainNames;
        private ICertificate certificate;
        private String webAclId;
        private IBucket logBucket;
        private Integer logRetentionDays;

        private Builder() {}

        public Builder mediaBucket(IBucket mediaBucket) {
            this.mediaBucket = mediaBucket;
            return this;
        }

        public Builder siteBucket(IBucket siteBucket) {
            this.siteBucket = siteBucket;
            return this;
        }

        public Builder privateMediaKeyGroup(IKeyGroup privateMediaKeyGroup) {
            this.privateMediaKeyGroup = privateMediaKeyGroup;
            return this;
        }

        public Builder apiDomainName(String apiDomainName) {
            this.apiDomainName = apiDomainName;
            return this;
        }

        public Builder httpApi(IHttpApi httpApi) {
            this.httpApi = httpApi;
            return this;
        }

        public Builder originVerifySecret(ISecret originVerifySecret) {
            this.originVerifySecret = originVerifySecret;
            return this;
        }

        public Builder originVerifySecretField(String originVerifySecretField) {
            this.originVerifySecretField = originVerifySecretField;
            return this;
        }

        public Builder contentSecurityPolicy(String contentSecurityPolicy) {
            this.contentSecurityPolicy = contentSecurityPolicy;
            return this;
        }

        public Builder priceClass(PriceClass priceClass) {
            this.priceClass = priceClass;
            return this;
        }

        public Builder domainNames(List<String> domainNames) {
            this.domainNames = domainNames;
            return this;
        }

        public Builder certificate(ICertificate certificate) {
            this.certificate = certificate;
            return this;
        }

        public Builder webAclId(String webAclId) {
            this.webAclId = webAclId;
            return this;
        }

        public Builder logBucket(IBucket logBucket) {
            this.logBucket = logBucket;
            return this;
        }

        public Builder logRetentionDays(Integer logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        public CdnProps build() {
            return new CdnProps(
                    mediaBucket,
                    siteBucket,
                    privateMediaKeyGroup,
                    apiDomainName,
                    httpApi,
                    originVerifySecret,
                    originVerifySecretField,
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
