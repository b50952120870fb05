package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpApiAttributes;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.KeyGroup;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.PublicKey;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;

class CdnTest {

    private static final String WEB_ACL =
            "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cairn/11111111-2222-3333-4444-555555555555";
    private static final String SECRET_ARN =
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:cairn/origin-verify-AbCdEf";

    private static Stack full;
    private static Stack minimal;
    private static Cdn fullCdn;
    private static NagAudit.Findings nag;
    private static NagAudit.Findings nagMinimal;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        full = TestApps.stack(app, "Full", "us-east-1");
        MediaBucket media = new MediaBucket(full, "Media");
        SiteBucket site = new SiteBucket(full, "Site");
        KeyGroup signers = KeyGroup.Builder.create(full, "Signers")
                .items(List.of(PublicKey.Builder.create(full, "SignerKey")
                        .encodedKey(publicKeyPem())
                        .build()))
                .build();
        fullCdn = new Cdn(
                full,
                "Cdn",
                CdnProps.builder()
                        .mediaBucket(media.getBucket())
                        .publicMediaKeyPrefix("images/")
                        .siteBucket(site.getBucket())
                        .privateMediaKeyGroup(signers)
                        .privateMediaKeyPrefix("private/")
                        .apiDomainName("api.example.com")
                        .apiPathPattern("/api/*")
                        .cachedApiPathPatterns(List.of("/api/projects*", "/api/pages/*"))
                        .cachedApiQueryStrings(List.of("category", "drafts", "limit", "cursor"))
                        .originVerifySecret(secret(full))
                        .domainNames(List.of("app.example.com"))
                        .certificate(Certificate.fromCertificateArn(
                                full,
                                "Cert",
                                "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"))
                        .webAclId(WEB_ACL)
                        .build());
        // The site is deployed after the CDN exists, which invalidates it: no construction cycle.
        site.deploy(SiteBucketTest.siteDir(), fullCdn.getDistribution(), null);

        minimal = TestApps.stack(app, "Minimal", "us-east-1");
        new Cdn(
                minimal,
                "Cdn",
                CdnProps.builder()
                        .mediaBucket(new MediaBucket(minimal, "Media").getBucket())
                        .mediaPathPrefix("/assets/")
                        .publicMediaKeyPrefix("public/")
                        .apiPathPattern("/v1/*")
                        .originVerifyHeaderName("X-From-Cdn")
                        .httpApi(HttpApi.fromHttpApiAttributes(
                                minimal,
                                "Api",
                                HttpApiAttributes.builder()
                                        .httpApiId("a1b2c3")
                                        .apiEndpoint("https://a1b2c3.execute-api.eu-west-1.amazonaws.com")
                                        .build()))
                        .originVerifySecret(secret(minimal))
                        .originVerifySecretField("value")
                        .priceClass(PriceClass.PRICE_CLASS_ALL)
                        .build());

        nag = NagAudit.audit(full);
        nagMinimal = NagAudit.audit(minimal);
    }

    private static ISecret secret(Stack stack) {
        return Secret.fromSecretCompleteArn(stack, "OriginVerify", SECRET_ARN);
    }

    private static String publicKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String body = Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<?, ?> distributionConfig(Stack stack) {
        Map<String, Map<String, Object>> distributions =
                Template.fromStack(stack).findResources("AWS::CloudFront::Distribution");
        assertThat(distributions).hasSize(1);
        Map<?, ?> properties =
                (Map<?, ?>) distributions.values().iterator().next().get("Properties");
        return (Map<?, ?>) properties.get("DistributionConfig");
    }

    private static Map<?, ?> behavior(Stack stack, String pathPattern) {
        List<?> behaviors = (List<?>) distributionConfig(stack).get("CacheBehaviors");
        return behaviors.stream()
                .map(b -> (Map<?, ?>) b)
                .filter(b -> pathPattern.equals(b.get("PathPattern")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no behaviour " + pathPattern + " in " + behaviors));
    }

    @Test
    void fullDistributionIsNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void withoutWebAclOnlyTheWafFindingRemains() {
        assertThat(nagMinimal.errors()).isEmpty();
        assertThat(nagMinimal.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w)
                .startsWith("/Minimal/Cdn/Resource/Resource: AwsSolutions-CFR2"));
    }

    @Test
    void pinsTheLogicalIdsOfDistributionAndLogBucket() {
        Template template = Template.fromStack(full);
        assertThat(template.findResources("AWS::CloudFront::Distribution")).containsOnlyKeys("CdnF9DD0B44");
        assertThat(template.findResources("AWS::S3::Bucket")).containsKey("CdnLogsA23F7455");
    }

    @Test
    void httpsOnlyTls12Http3Ipv6PriceClassWafAndCustomDomain() {
        Map<?, ?> config = distributionConfig(full);
        assertThat(config.get("PriceClass")).isEqualTo("PriceClass_100");
        assertThat(config.get("HttpVersion")).isEqualTo("http2and3");
        assertThat(config.get("IPV6Enabled")).isEqualTo(true);
        assertThat(config.get("WebACLId")).isEqualTo(WEB_ACL);
        assertThat(config.get("Aliases")).isEqualTo(List.of("app.example.com"));
        assertThat(config.get("DefaultRootObject")).isEqualTo("index.html");
        assertThat(config.get("ViewerCertificate").toString())
                .contains("MinimumProtocolVersion=TLSv1.2_2021", "SslSupportMethod=sni-only");
        assertThat(config.get("Logging").toString())
                .contains("Prefix=cdn/", "IncludeCookies=false", "RegionalDomainName");
        assertThat(distributionConfig(minimal).get("PriceClass")).isEqualTo("PriceClass_All");
    }

    @Test
    void defaultBehaviourServesTheSiteThroughOacWithSpaRouting() {
        Map<?, ?> defaults = (Map<?, ?>) distributionConfig(full).get("DefaultCacheBehavior");
        assertThat(defaults.get("ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
        assertThat(defaults.get("Compress")).isEqualTo(true);
        assertThat(defaults.get("FunctionAssociations").toString()).contains("viewer-request", "CdnSiteFunction");
        assertThat(distributionConfig(full).get("CustomErrorResponses")).isNull();
        assertThat(Cdn.spaRoutingCode()).contains("'/index.html'", "indexOf('.') === -1");

        Template template = Template.fromStack(full);
        template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 2);
        template.resourceCountIs("AWS::CloudFront::CloudFrontOriginAccessIdentity", 0);
        Capture statements = new Capture();
        template.hasResourceProperties(
                "AWS::S3::BucketPolicy",
                Match.objectLike(Map.of(
                        "Bucket", Map.of("Ref", "Site03B75BBB"),
                        "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        assertThat(statements.asArray().toString())
                .contains("cloudfront.amazonaws.com", "s3:GetObject", "AWS:SourceArn");
    }

    @Test
    void mediaIsCachedForFiveMinutesAtMostAndOnlyImagesArePublic() {
        Map<?, ?> media = behavior(full, "/media/*");
        assertThat(media.get("AllowedMethods")).isEqualTo(List.of("GET", "HEAD"));
        assertThat(media.get("FunctionAssociations").toString()).contains("viewer-request", "CdnMediaFunction");
        assertThat(media.get("TrustedKeyGroups")).isNull();
        Template template = Template.fromStack(full);
        template.hasResourceProperties(
                "AWS::CloudFront::CachePolicy",
                Match.objectLike(Map.of(
                        "CachePolicyConfig", Match.objectLike(Map.of("DefaultTTL", 300, "MaxTTL", 300, "MinTTL", 0)))));
        template.hasResourceProperties(
                "AWS::CloudFront::Function",
                Match.objectLike(Map.of(
                        "FunctionCode",
                        Match.stringLikeRegexp(
                                "[\\s\\S]*indexOf\\('/media/images/'\\) !== 0[\\s\\S]*substring\\(6\\)[\\s\\S]*"),
                        "FunctionConfig",
                        Map.of("Comment", Match.anyValue(), "Runtime", "cloudfront-js-2.0"))));
        assertThat(template.toJSON().toString())
                .contains("Header=Cache-Control, Override=true, Value=public, max-age=300}")
                .doesNotContain("immutable")
                .doesNotContain("max-age=31536000");
    }

    @Test
    void privateMediaNeedsASignedUrlFromTheKeyGroup() {
        Map<?, ?> privateMedia = behavior(full, "/media/private/*");
        assertThat(privateMedia.get("TrustedKeyGroups").toString()).contains("Signers");
        assertThat(privateMedia.get("FunctionAssociations").toString()).contains("CdnPrivateMediaFunction");
        List<?> order = ((List<?>) distributionConfig(full).get("CacheBehaviors"))
                .stream().map(b -> ((Map<?, ?>) b).get("PathPattern")).toList();
        assertThat(order.indexOf("/media/private/*")).isLessThan(order.indexOf("/media/*"));
        assertThat(fullCdn.getPrivateMediaFunction()).isNotNull();
    }

    @Test
    void mediaOriginMayDecryptWithTheMediaKey() {
        Capture statements = new Capture();
        Template.fromStack(full)
                .hasResourceProperties(
                        "AWS::KMS::Key",
                        Match.objectLike(Map.of(
                                "Description",
                                Match.stringLikeRegexp(".*Media.*"),
                                "KeyPolicy",
                                Match.objectLike(Map.of("Statement", statements)))));
        assertThat(statements.asArray().toString())
                .contains("cloudfront.amazonaws.com", "kms:Decrypt", "AWS:SourceArn");
    }

    @Test
    void apiIsUncachedWithAllMethodsAndTheVerifyHeaderFromSecretsManager() {
        Map<?, ?> api = behavior(full, "/api/*");
        assertThat(api.get("CachePolicyId")).isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        assertThat(api.get("OriginRequestPolicyId")).isEqualTo("b689b0a8-53d0-40ab-baf2-68738e2966ac");
        assertThat(api.get("AllowedMethods").toString()).contains("POST", "PUT", "PATCH", "DELETE", "OPTIONS");
        String origins = distributionConfig(full).get("Origins").toString();
        assertThat(origins)
                .contains("DomainName=api.example.com", "HeaderName=X-Origin-Verify", "OriginProtocolPolicy=https-only")
                .contains("{{resolve:secretsmanager:" + SECRET_ARN + ":SecretString:::}}");
        assertThat(distributionConfig(minimal).get("Origins").toString())
                .contains(
                        "{{resolve:secretsmanager:" + SECRET_ARN + ":SecretString:value::}}",
                        "DomainName=a1b2c3.execute-api.eu-west-1.amazonaws.com");
    }

    @Test
    void cachedApiPathsComeBeforeTheApiAndHonourTheOriginsCacheControl() {
        List<String> patterns = ((List<?>) distributionConfig(full).get("CacheBehaviors"))
                .stream()
                        .map(b -> String.valueOf(((Map<?, ?>) b).get("PathPattern")))
                        .toList();
        // CloudFront takes the first behaviour that matches: the cached paths must precede /api/*.
        assertThat(patterns)
                .containsExactly("/media/private/*", "/media/*", "/api/projects*", "/api/pages/*", "/api/*");
        Map<?, ?> api = behavior(full, "/api/*");
        for (String pattern : List.of("/api/projects*", "/api/pages/*")) {
            Map<?, ?> cached = behavior(full, pattern);
            assertThat(cached.get("TargetOriginId")).isEqualTo(api.get("TargetOriginId"));
            assertThat(cached.get("AllowedMethods").toString()).contains("POST", "PUT", "PATCH", "DELETE", "OPTIONS");
            assertThat(cached.get("CachedMethods")).isEqualTo(List.of("GET", "HEAD"));
            assertThat(cached.get("OriginRequestPolicyId")).isEqualTo(api.get("OriginRequestPolicyId"));
            assertThat(cached.get("Compress")).isEqualTo(true);
            assertThat(cached.get("ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
            assertThat(cached.get("CachePolicyId")).hasToString("{Ref=" + logicalId(fullCdn.getApiCachePolicy()) + "}");
        }
        // One origin for every API behaviour: the verify header goes with the cached paths too.
        assertThat(distributionConfig(full).get("Origins").toString().split("HeaderName=X-Origin-Verify", -1))
                .hasSize(2);
        Template.fromStack(full)
                .hasResourceProperties(
                        "AWS::CloudFront::CachePolicy",
                        Map.of(
                                "CachePolicyConfig",
                                Match.objectLike(Map.of(
                                        "MinTTL",
                                        0,
                                        "DefaultTTL",
                                        0,
                                        "MaxTTL",
                                        300,
                                        "ParametersInCacheKeyAndForwardedToOrigin",
                                        Map.of(
                                                "CookiesConfig", Map.of("CookieBehavior", "none"),
                                                "HeadersConfig",
                                                        Map.of(
                                                                "HeaderBehavior",
                                                                "whitelist",
                                                                "Headers",
                                                                List.of("Authorization", "Origin")),
                                                "QueryStringsConfig",
                                                        Map.of(
                                                                "QueryStringBehavior",
                                                                "whitelist",
                                                                "QueryStrings",
                                                                List.of("category", "drafts", "limit", "cursor")),
                                                "EnableAcceptEncodingGzip", true,
                                                "EnableAcceptEncodingBrotli", true)))));
        // Without cached paths there is no API cache policy, and the API stays uncached.
        assertThat(Template.fromStack(minimal).findResources("AWS::CloudFront::CachePolicy"))
                .hasSize(1);
        assertThat(behavior(minimal, "/v1/*").get("CachePolicyId")).isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
    }

    private static String logicalId(software.constructs.IConstruct construct) {
        return full.getLogicalId(
                (software.amazon.awscdk.CfnElement) construct.getNode().getDefaultChild());
    }

    @Test
    void failsIfCachedApiPathsLieOutsideTheApiOrRepeat() {
        for (String pattern : List.of("/media/x*", "/api/*", "/api/", "api/projects*", "/apix/projects*")) {
            Stack stack = TestApps.stack();
            assertInvalid(
                    validWithApi(stack).cachedApiPathPatterns(List.of(pattern)),
                    stack,
                    "cachedApiPathPatterns entries must start with apiPathPattern's folder, name more than it and"
                            + " end with *, e.g. /api/projects* (value: " + pattern + ")");
        }
        Stack repeated = TestApps.stack();
        assertInvalid(
                validWithApi(repeated).cachedApiPathPatterns(List.of("/api/pages/*", "/api/pages/*")),
                repeated,
                "cachedApiPathPatterns must not repeat a pattern (value: /api/pages/*)");
        Stack withoutApi = TestApps.stack();
        assertInvalid(
                valid(withoutApi).cachedApiPathPatterns(List.of("/api/pages/*")),
                withoutApi,
                "cachedApiPathPatterns needs apiDomainName or httpApi (value: [/api/pages/*])");
    }

    @Test
    void failsIfCachedQueryStringsWithoutPathsTooManyOrNotNames() {
        Stack stack = TestApps.stack();
        assertInvalid(
                validWithApi(stack).cachedApiQueryStrings(List.of("category")),
                stack,
                "cachedApiQueryStrings needs cachedApiPathPatterns (value: [category])");
        List<String> eleven =
                java.util.stream.IntStream.range(0, 11).mapToObj(i -> "q" + i).toList();
        Stack tooMany = TestApps.stack();
        assertInvalid(
                validWithApi(tooMany)
                        .cachedApiPathPatterns(List.of("/api/pages/*"))
                        .cachedApiQueryStrings(eleven),
                tooMany,
                "cachedApiQueryStrings holds at most 10 names");
        Stack notAName = TestApps.stack();
        assertInvalid(
                validWithApi(notAName)
                        .cachedApiPathPatterns(List.of("/api/pages/*"))
                        .cachedApiQueryStrings(List.of("a b")),
                notAName,
                "cachedApiQueryStrings entries must be query parameter names (value: a b)");
    }

    @Test
    void securityHeadersPolicyHasHstsCspNosniffDenyAndStrictReferrer() {
        Template.fromStack(full)
                .hasResourceProperties(
                        "AWS::CloudFront::ResponseHeadersPolicy",
                        Match.objectLike(Map.of(
                                "ResponseHeadersPolicyConfig",
                                Match.objectLike(Map.of(
                                        "SecurityHeadersConfig",
                                        Map.of(
                                                "StrictTransportSecurity",
                                                Map.of(
                                                        "AccessControlMaxAgeSec", 63072000,
                                                        "IncludeSubdomains", true,
                                                        "Preload", true,
                                                        "Override", true),
                                                "ContentSecurityPolicy",
                                                Map.of(
                                                        "ContentSecurityPolicy",
                                                        EdgeDefaults.CONTENT_SECURITY_POLICY,
                                                        "Override",
                                                        true),
                                                "ContentTypeOptions",
                                                Map.of("Override", true),
                                                "FrameOptions",
                                                Map.of("FrameOption", "DENY", "Override", true),
                                                "ReferrerPolicy",
                                                Map.of(
                                                        "ReferrerPolicy",
                                                        "strict-origin-when-cross-origin",
                                                        "Override",
                                                        true)))))));
    }

    @Test
    void logBucketKeepsAclsForCloudFrontButBlocksPublicAccess() {
        Template.fromStack(full)
                .hasResourceProperties(
                        "AWS::S3::Bucket",
                        Match.objectLike(Map.of(
                                "OwnershipControls",
                                Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerPreferred"))),
                                "PublicAccessBlockConfiguration",
                                Map.of(
                                        "BlockPublicAcls", true,
                                        "BlockPublicPolicy", true,
                                        "IgnorePublicAcls", true,
                                        "RestrictPublicBuckets", true))));
    }

    @Test
    void siteDeploymentInvalidatesThisDistribution() {
        Template.fromStack(full)
                .hasResourceProperties(
                        "Custom::CDKBucketDeployment",
                        Match.objectLike(Map.of("DistributionId", Map.of("Ref", "CdnF9DD0B44"))));
    }

    @Test
    void exposesDistributionAndDomainName() {
        assertThat(fullCdn.getDistribution()).isNotNull();
        assertThat(fullCdn.getDomainName()).isNotBlank();
        assertThat(fullCdn.getLogBucket()).isNotNull();
    }

    private static CdnProps.Builder valid(Stack stack) {
        return CdnProps.builder().mediaBucket(new Bucket(stack, "Media")).publicMediaKeyPrefix("images/");
    }

    private static IHttpApi httpApi(Stack stack) {
        return HttpApi.fromHttpApiAttributes(
                stack,
                "Api",
                HttpApiAttributes.builder()
                        .httpApiId("x")
                        .apiEndpoint("https://x.execute-api.eu-west-1.amazonaws.com")
                        .build());
    }

    /** Valid props with an API origin, for the rules of the API path and header. */
    private static CdnProps.Builder validWithApi(Stack stack) {
        return valid(stack)
                .httpApi(httpApi(stack))
                .originVerifySecret(secret(stack))
                .apiPathPattern("/api/*");
    }

    private static void assertInvalid(CdnProps.Builder props, Stack stack, String message) {
        assertThatThrownBy(() -> new Cdn(stack, "Cdn", props.build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void pathsAndHeaderComeFromProps() {
        assertThat(behavior(minimal, "/assets/*").get("AllowedMethods")).isEqualTo(List.of("GET", "HEAD"));
        assertThat(behavior(minimal, "/v1/*").get("AllowedMethods").toString()).contains("POST", "DELETE");
        List<String> patterns = ((List<?>) distributionConfig(minimal).get("CacheBehaviors"))
                .stream()
                        .map(b -> String.valueOf(((Map<?, ?>) b).get("PathPattern")))
                        .toList();
        assertThat(patterns).containsExactly("/assets/*", "/v1/*");
        Template.fromStack(minimal)
                .hasResourceProperties(
                        "AWS::CloudFront::Function",
                        Match.objectLike(
                                Map.of(
                                        "FunctionCode",
                                        Match.stringLikeRegexp(
                                                "[\\s\\S]*indexOf\\('/assets/public/'\\) !== 0[\\s\\S]*substring\\(7\\)[\\s\\S]*"))));
        assertThat(distributionConfig(minimal).get("Origins").toString())
                .contains("HeaderName=X-From-Cdn")
                .doesNotContain("X-Origin-Verify");
    }

    @Test
    void failsIfPublicMediaKeyPrefixMissingOrNotAFolder() {
        Stack stack = TestApps.stack();
        assertInvalid(
                CdnProps.builder().mediaBucket(new Bucket(stack, "Media")),
                stack,
                "publicMediaKeyPrefix is required (value: null)");
        Stack other = TestApps.stack();
        assertInvalid(
                valid(other).publicMediaKeyPrefix("/images"),
                other,
                "publicMediaKeyPrefix must be a key folder such as images/ (no leading slash, a trailing slash, no"
                        + " wildcard) (value: /images)");
    }

    @Test
    void failsIfMediaPathPrefixIsNotAFolderPath() {
        for (String prefix : List.of("media/", "/media", "/", "/media/*/")) {
            Stack stack = TestApps.stack();
            assertInvalid(
                    valid(stack).mediaPathPrefix(prefix),
                    stack,
                    "mediaPathPrefix must start and end with / and hold no wildcard, e.g. /media/ (value: " + prefix
                            + ")");
        }
    }

    @Test
    void failsIfPrivateMediaKeyPrefixWithoutKeyGroupOrNotAFolder() {
        Stack stack = TestApps.stack();
        assertInvalid(
                valid(stack).privateMediaKeyPrefix("private/"),
                stack,
                "privateMediaKeyGroup and privateMediaKeyPrefix must be given together (value: private/)");
        Stack other = TestApps.stack();
        assertInvalid(
                valid(other).privateMediaKeyPrefix("private/*"),
                other,
                "privateMediaKeyPrefix must be a key folder such as images/ (no leading slash, a trailing slash,"
                        + " no wildcard) (value: private/*)");
    }

    @Test
    void failsIfPrivateAndPublicMediaKeyPrefixesOverlap() {
        Stack stack = TestApps.stack();
        assertInvalid(
                valid(stack).privateMediaKeyPrefix("images/private/"),
                stack,
                "privateMediaKeyPrefix must not contain or lie within publicMediaKeyPrefix (value: images/private/)");
    }

    @Test
    void failsIfApiPathPatternMissingWithApiOrGivenWithout() {
        Stack stack = TestApps.stack();
        assertInvalid(
                validWithApi(stack).apiPathPattern(null),
                stack,
                "apiPathPattern is required with an API origin (value: null)");
        Stack other = TestApps.stack();
        assertInvalid(
                valid(other).apiPathPattern("/api/*"),
                other,
                "apiPathPattern needs apiDomainName or httpApi (value: /api/*)");
    }

    @Test
    void failsIfApiPathPatternIsNotAFolderPattern() {
        for (String pattern : List.of("api/*", "/api", "/*")) {
            Stack stack = TestApps.stack();
            assertInvalid(
                    validWithApi(stack).apiPathPattern(pattern),
                    stack,
                    "apiPathPattern must start with / and end with /*, e.g. /api/* (value: " + pattern + ")");
        }
    }

    @Test
    void failsIfApiPathPatternOverlapsTheMediaPath() {
        Stack stack = TestApps.stack();
        assertInvalid(
                validWithApi(stack).apiPathPattern("/media/api/*"),
                stack,
                "apiPathPattern must lie outside mediaPathPrefix /media/ (value: /media/api/*)");
    }

    @Test
    void failsIfOriginVerifyHeaderNameInvalidOrWithoutApi() {
        for (String header : List.of("X Origin", "Authorization", "host")) {
            Stack stack = TestApps.stack();
            assertInvalid(
                    validWithApi(stack).originVerifyHeaderName(header),
                    stack,
                    "originVerifyHeaderName must be 1..64 letters, digits or hyphens, not Authorization or Host"
                            + " (value: " + header + ")");
        }
        Stack other = TestApps.stack();
        assertInvalid(
                valid(other).originVerifyHeaderName("X-Origin-Verify"),
                other,
                "originVerifyHeaderName needs apiDomainName or httpApi (value: X-Origin-Verify)");
    }

    @Test
    void failsIfMediaBucketMissing() {
        assertThatThrownBy(() ->
                        new Cdn(TestApps.stack(), "Cdn", CdnProps.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mediaBucket is required (value: null)");
    }

    @Test
    void failsIfApiOriginWithoutSecretOrBothApiKinds() {
        Stack stack = TestApps.stack();
        CdnProps props = valid(stack)
                .apiDomainName("api.example.com")
                .httpApi(httpApi(stack))
                .apiPathPattern("/api/*")
                .build();
        assertThatThrownBy(() -> new Cdn(stack, "Cdn", props))
                .hasMessageContaining("apiDomainName and httpApi are exclusive")
                .hasMessageContaining("originVerifySecret is required with an API origin");
    }

    @Test
    void failsIfApiDomainNameIsAUrl() {
        Stack stack = TestApps.stack();
        CdnProps props = valid(stack)
                .apiDomainName("https://api.example.com")
                .apiPathPattern("/api/*")
                .originVerifySecret(secret(stack))
                .build();
        assertThatThrownBy(() -> new Cdn(stack, "Cdn", props))
                .hasMessageContaining(
                        "apiDomainName must be a host name without scheme or path (value: https://api.example.com)");
    }

    @Test
    void failsIfSecretWithoutApi() {
        Stack stack = TestApps.stack();
        CdnProps props = valid(stack).originVerifySecret(secret(stack)).build();
        assertThatThrownBy(() -> new Cdn(stack, "Cdn", props))
                .hasMessageContaining("originVerifySecret needs apiDomainName or httpApi");
    }

    @Test
    void failsIfDomainNamesWithoutCertificateOrCertificateOutsideUsEast1() {
        Stack stack = TestApps.stack();
        assertThatThrownBy(() -> new Cdn(
                        stack,
                        "Cdn",
                        valid(stack).domainNames(List.of("app.example.com")).build()))
                .hasMessageContaining("domainNames and certificate must be given together (value: [app.example.com])");
        Stack other = TestApps.stack();
        CdnProps props = valid(other)
                .domainNames(List.of("app.example.com"))
                .certificate(Certificate.fromCertificateArn(
                        other, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc"))
                .build();
        assertThatThrownBy(() -> new Cdn(other, "Cdn", props))
                .hasMessageContaining("certificate must be in us-east-1 for CloudFront");
    }

    @Test
    void failsIfWebAclIsNotCloudFrontScoped() {
        Stack stack = TestApps.stack();
        String regional = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/x/1";
        assertThatThrownBy(() ->
                        new Cdn(stack, "Cdn", valid(stack).webAclId(regional).build()))
                .hasMessageContaining(
                        "webAclId must be the ARN of a CLOUDFRONT-scope WAFv2 web ACL (value: " + regional + ")");
    }

    @Test
    void failsIfLogRetentionOutOfRangeOrWithOwnLogBucket() {
        Stack stack = TestApps.stack();
        assertThatThrownBy(() ->
                        new Cdn(stack, "Cdn", valid(stack).logRetentionDays(7).build()))
                .hasMessageContaining("logRetentionDays must be 90..3650 (value: 7)");
        Stack other = TestApps.stack();
        CdnProps props = valid(other)
                .logBucket(new Bucket(other, "Logs"))
                .logRetentionDays(400)
                .build();
        assertThatThrownBy(() -> new Cdn(other, "Cdn", props))
                .hasMessageContaining("logRetentionDays applies only to the created log bucket");
    }

    @Test
    void failsIfContentSecurityPolicyBlank() {
        Stack stack = TestApps.stack();
        assertThatThrownBy(() -> new Cdn(
                        stack, "Cdn", valid(stack).contentSecurityPolicy(" ").build()))
                .hasMessageContaining("contentSecurityPolicy must not be blank");
    }
}
