package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.Bucket;

class MediaBucketTest {

    private static Stack defaults;
    private static Stack custom;
    private static NagAudit.Findings nag;
    private static NagAudit.Findings nagWithProcessor;
    private static Stack wildcard;
    private static NagAudit.Findings nagWithWildcard;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        defaults = TestApps.stack(app, "Defaults");
        new MediaBucket(defaults, "Media");

        custom = TestApps.stack(app, "Custom");
        Function processor = Function.Builder.create(custom, "Processor")
                .runtime(Runtime.JAVA_25)
                .handler("example.Handler")
                .code(TestApps.code())
                .build();
        Bucket sharedLogs = new Bucket(custom, "SharedLogs");
        MediaBucket media = new MediaBucket(
                custom,
                "Media",
                MediaBucketProps.builder()
                        .corsAllowedOrigins(List.of("https://app.example.com", "http://localhost:5173"))
                        .encryptionKey(new Key(custom, "Key"))
                        .archivePrefix("private/")
                        .archiveTags(Map.of("cairn:kind", "receipt"))
                        .archiveAfterDays(30)
                        .noncurrentVersionExpirationDays(7)
                        .serverAccessLogsBucket(sharedLogs)
                        .serverAccessLogsPrefix("custom-media/")
                        .uploadProcessor(processor)
                        .build());
        media.grantUpload(role(custom, "Uploader"), "uploads/");
        media.grantRead(role(custom, "Reader"), "images/");
        media.grantDelete(role(custom, "Deleter"), "images/");

        wildcard = TestApps.stack(app, "Wildcard");
        MediaBucket portfolio = new MediaBucket(
                wildcard,
                "Media",
                MediaBucketProps.builder()
                        .uploadProcessor(Function.fromFunctionArn(
                                wildcard, "Processor", "arn:aws:lambda:eu-west-1:123456789012:function:images:live"))
                        .uploadProcessorKeyPattern("images/*/original.*")
                        .intelligentTieringPrefix("images/")
                        .noncurrentVersionArchiveDays(90)
                        .noncurrentVersionExpirationDays(180)
                        .build());
        portfolio.grantCdnRead("images/");
        portfolio.denyCdnRead("images/*/*/original.*");

        nag = NagAudit.audit(defaults);
        nagWithProcessor = NagAudit.audit(custom);
        nagWithWildcard = NagAudit.audit(wildcard);
    }

    private static Role role(Stack stack, String id) {
        return Role.Builder.create(stack, id)
                .assumedBy(new AccountRootPrincipal())
                .build();
    }

    @Test
    void defaultsAreNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void uploadHookAddsNoFindingsOfItsOwn() {
        // The processor function and the shared log bucket are fixtures with findings of their own.
        assertThat(nagWithProcessor.errors()).noneMatch(f -> f.startsWith("/Custom/Media/"));
        assertThat(nagWithProcessor.warnings()).noneMatch(f -> f.startsWith("/Custom/Media/"));
    }

    @Test
    void pinsTheLogicalIdsOfBucketsAndKey() {
        Template template = Template.fromStack(defaults);
        assertThat(template.findResources("AWS::S3::Bucket"))
                .containsOnlyKeys("Media1DC13848", "MediaAccessLogsD396FE12");
        assertThat(template.findResources("AWS::KMS::Key")).containsOnlyKeys("MediaKeyF1173EF8");
    }

    @Test
    void defaultsArePrivateKmsEncryptedVersionedAndRetained() {
        Template template = Template.fromStack(defaults);
        template.hasResource(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Match.objectLike(Map.of(
                                "PublicAccessBlockConfiguration",
                                Map.of(
                                        "BlockPublicAcls", true,
                                        "BlockPublicPolicy", true,
                                        "IgnorePublicAcls", true,
                                        "RestrictPublicBuckets", true),
                                "BucketEncryption",
                                Map.of(
                                        "ServerSideEncryptionConfiguration",
                                        List.of(Map.of(
                                                "BucketKeyEnabled",
                                                true,
                                                "ServerSideEncryptionByDefault",
                                                Map.of(
                                                        "SSEAlgorithm",
                                                        "aws:kms",
                                                        "KMSMasterKeyID",
                                                        Map.of("Fn::GetAtt", List.of("MediaKeyF1173EF8", "Arn")))))),
                                "VersioningConfiguration",
                                Map.of("Status", "Enabled"),
                                "OwnershipControls",
                                Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                                "CorsConfiguration",
                                Match.absent(),
                                "LoggingConfiguration",
                                Match.objectLike(Map.of(
                                        "DestinationBucketName",
                                        Map.of("Ref", "MediaAccessLogsD396FE12"),
                                        "LogFilePrefix",
                                        "media/")))))));
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
    }

    @Test
    void bucketPolicyDeniesPlainHttpAndOldTls() {
        Capture statements = new Capture();
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::S3::BucketPolicy",
                        Match.objectLike(Map.of(
                                "Bucket", Map.of("Ref", "Media1DC13848"),
                                "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        String policy = statements.asArray().toString();
        assertThat(policy).contains("aws:SecureTransport", "s3:TlsVersion", "Deny");
    }

    @Test
    void lifecycleAbortsMultipartExpiresUploadsTiersImagesAndExpiresOldVersions() {
        Map<?, ?> properties = (Map<?, ?>) Template.fromStack(defaults)
                .findResources("AWS::S3::Bucket")
                .get("Media1DC13848")
                .get("Properties");
        List<?> rules = (List<?>) ((Map<?, ?>) properties.get("LifecycleConfiguration")).get("Rules");
        assertThat(rules)
                .anySatisfy(r -> assertThat(r)
                        .isEqualTo(Map.of(
                                "Id", "AbortIncompleteMultipartUploads",
                                "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7),
                                "Status", "Enabled")))
                .anySatisfy(r ->
                        assertThat(r.toString()).contains("Prefix=uploads/", "ExpirationInDays=1", "NoncurrentDays=1"))
                .noneSatisfy(r -> assertThat(r.toString()).contains("INTELLIGENT_TIERING"))
                .anySatisfy(r -> assertThat(r)
                        .isEqualTo(Map.of(
                                "Id",
                                "ExpireNoncurrentVersions",
                                "NoncurrentVersionExpiration",
                                Map.of("NoncurrentDays", 30),
                                "ExpiredObjectDeleteMarker",
                                true,
                                "Status",
                                "Enabled")))
                .noneSatisfy(r -> assertThat(r.toString()).contains("NoncurrentVersionTransitions"))
                .noneSatisfy(r -> assertThat(r.toString()).contains("Id=Archive"));
    }

    @Test
    void oldVersionsMoveToGlacierBeforeTheyExpireAndImagesTierAndMultipartAborts() {
        Map<?, ?> properties = (Map<?, ?>) Template.fromStack(wildcard)
                .findResources("AWS::S3::Bucket")
                .get("Media1DC13848")
                .get("Properties");
        List<?> rules = (List<?>) ((Map<?, ?>) properties.get("LifecycleConfiguration")).get("Rules");
        assertThat(rules)
                .anySatisfy(r -> assertThat(r)
                        .isEqualTo(Map.of(
                                "Id",
                                "ExpireNoncurrentVersions",
                                "NoncurrentVersionTransitions",
                                List.of(Map.of("StorageClass", "GLACIER", "TransitionInDays", 90)),
                                "NoncurrentVersionExpiration",
                                Map.of("NoncurrentDays", 180),
                                "ExpiredObjectDeleteMarker",
                                true,
                                "Status",
                                "Enabled")))
                .anySatisfy(r -> assertThat(r)
                        .isEqualTo(Map.of(
                                "Id", "AbortIncompleteMultipartUploads",
                                "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7),
                                "Status", "Enabled")))
                .anySatisfy(r -> assertThat(r.toString())
                        .contains("Prefix=images/", "StorageClass=INTELLIGENT_TIERING", "TransitionInDays=0"));
    }

    @Test
    void failsIfOldVersionsExpireBeforeTheArchivesMinimumStorage() {
        assertThatThrownBy(() -> new MediaBucket(
                        TestApps.stack(TestApps.app(), "Bad"),
                        "Media",
                        MediaBucketProps.builder()
                                .noncurrentVersionArchiveDays(90)
                                .noncurrentVersionExpirationDays(120)
                                .build()))
                .hasMessageContaining("noncurrentVersionExpirationDays must be at least noncurrentVersionArchiveDays"
                        + " + 90 (the archive's minimum storage duration) (value: 120)");
        // Without an expiry of its own, the default 30 days come before the archive.
        assertThatThrownBy(() -> new MediaBucket(
                        TestApps.stack(TestApps.app(), "Bad"),
                        "Media",
                        MediaBucketProps.builder()
                                .noncurrentVersionArchiveDays(1)
                                .build()))
                .hasMessageContaining("(value: 30)");
    }

    @Test
    void theCdnReadsImagesButAnExplicitDenyKeepsOriginalsFromIt() {
        Map<String, Map<String, Object>> policies = Template.fromStack(wildcard)
                .findResources(
                        "AWS::S3::BucketPolicy",
                        Match.objectLike(Map.of(
                                "Properties", Match.objectLike(Map.of("Bucket", Map.of("Ref", "Media1DC13848"))))));
        assertThat(policies).hasSize(1);
        Map<?, ?> document =
                (Map<?, ?>) ((Map<?, ?>) policies.values().iterator().next().get("Properties")).get("PolicyDocument");
        List<?> all = (List<?>) document.get("Statement");
        Map<?, ?> deny = all.stream()
                .map(s -> (Map<?, ?>) s)
                .filter(s -> "CdnDenyimagesoriginal".equals(s.get("Sid")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CdnDeny statement in " + all));
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny.get("Principal")).isEqualTo(Map.of("Service", "cloudfront.amazonaws.com"));
        assertThat(deny.get("Action")).isEqualTo("s3:GetObject");
        assertThat(deny.get("Resource").toString()).contains("/images/*/*/original.*");
        // No condition: whatever distribution asks, and whatever Allow says.
        assertThat(deny.containsKey("Condition")).isFalse();
        assertThat(all.toString()).contains("CdnReadimages", "/images/*");
        assertThatThrownBy(() -> new MediaBucket(TestApps.stack(TestApps.app(), "Bad"), "Media").denyCdnRead("*"))
                .hasMessageContaining("keyPattern must be a key pattern without a leading slash");
    }

    @Test
    void uploadsAndTieringPrefixesComeFromProps() {
        Stack stack = TestApps.stack();
        new MediaBucket(
                stack,
                "Media",
                MediaBucketProps.builder()
                        .uploadsPrefix("incoming/")
                        .intelligentTieringPrefix("photos/")
                        .uploadProcessor(Function.fromFunctionArn(
                                stack, "Processor", "arn:aws:lambda:eu-west-1:123456789012:function:images:live"))
                        .build());
        Template template = Template.fromStack(stack);
        Map<?, ?> properties = (Map<?, ?>)
                template.findResources("AWS::S3::Bucket").get("Media1DC13848").get("Properties");
        List<?> rules = (List<?>) ((Map<?, ?>) properties.get("LifecycleConfiguration")).get("Rules");
        assertThat(rules)
                .anySatisfy(r -> assertThat(r.toString()).contains("Id=ExpireUploads", "Prefix=incoming/"))
                .anySatisfy(r -> assertThat(r.toString())
                        .contains("Prefix=photos/", "StorageClass=INTELLIGENT_TIERING", "TransitionInDays=0"))
                .noneSatisfy(r -> assertThat(r.toString()).contains("uploads/"));
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "EventPattern",
                        Match.objectLike(Map.of(
                                "detail",
                                Match.objectLike(
                                        Map.of("object", Map.of("key", List.of(Map.of("prefix", "incoming/"))))))))));
    }

    @Test
    void failsIfUploadsOrTieringPrefixIsNotAFolder() {
        for (String prefix : List.of("/uploads/", "uploads", "up*/")) {
            assertThatThrownBy(() -> create(
                            MediaBucketProps.builder().uploadsPrefix(prefix).build()))
                    .hasMessageContaining("uploadsPrefix must be a key folder such as uploads/ (no leading slash, a"
                            + " trailing slash, no wildcard) (value: " + prefix + ")");
        }
        assertThatThrownBy(() -> create(MediaBucketProps.builder()
                        .intelligentTieringPrefix("images")
                        .build()))
                .hasMessageContaining("intelligentTieringPrefix must be a key folder such as uploads/ (no leading"
                        + " slash, a trailing slash, no wildcard) (value: images)");
    }

    @Test
    void failsIfTieringPrefixOverlapsUploads() {
        assertThatThrownBy(() -> create(MediaBucketProps.builder()
                        .intelligentTieringPrefix("uploads/images/")
                        .build()))
                .hasMessageContaining("intelligentTieringPrefix must not contain or lie within uploadsPrefix uploads/,"
                        + " which expires after a day (value: uploads/images/)");
    }

    @Test
    void createdLogBucketIsPrivateSslOnlyVersionedAndExpiresLogsAfterAYear() {
        Template template = Template.fromStack(defaults);
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "BucketEncryption",
                        Map.of(
                                "ServerSideEncryptionConfiguration",
                                List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                        "VersioningConfiguration",
                        Map.of("Status", "Enabled"),
                        "LifecycleConfiguration",
                        Map.of(
                                "Rules",
                                Match.arrayWith(List.of(Match.objectLike(
                                        Map.of("Id", "ExpireAccessLogs", "ExpirationInDays", 365))))))));
        Capture statements = new Capture();
        template.hasResourceProperties(
                "AWS::S3::BucketPolicy",
                Match.objectLike(Map.of(
                        "Bucket", Map.of("Ref", "MediaAccessLogsD396FE12"),
                        "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        assertThat(statements.asArray().toString()).contains("logging.s3.amazonaws.com", "aws:SecureTransport");
    }

    @Test
    void corsAllowsPresignedUploadsFromTheGivenOriginsOnly() {
        Template.fromStack(custom)
                .hasResourceProperties(
                        "AWS::S3::Bucket",
                        Match.objectLike(Map.of(
                                "CorsConfiguration",
                                Map.of(
                                        "CorsRules",
                                        List.of(Match.objectLike(Map.of(
                                                "AllowedOrigins",
                                                List.of("https://app.example.com", "http://localhost:5173"),
                                                "AllowedMethods",
                                                List.of("PUT", "GET", "HEAD"),
                                                "ExposedHeaders",
                                                List.of("ETag"))))))));
    }

    @Test
    void customKeyLogBucketAndArchiveRuleAreUsed() {
        Template template = Template.fromStack(custom);
        template.resourceCountIs("AWS::KMS::Key", 1);
        template.resourceCountIs("AWS::S3::Bucket", 2);
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "LoggingConfiguration",
                        Match.objectLike(Map.of(
                                "DestinationBucketName",
                                Map.of("Ref", Match.stringLikeRegexp("SharedLogs.*")),
                                "LogFilePrefix",
                                "custom-media/")),
                        "LifecycleConfiguration",
                        Map.of(
                                "Rules",
                                Match.arrayWith(List.of(
                                        Match.objectLike(Map.of(
                                                "Id",
                                                "ExpireNoncurrentVersions",
                                                "NoncurrentVersionExpiration",
                                                Map.of("NoncurrentDays", 7))),
                                        Match.objectLike(Map.of(
                                                "Id",
                                                "Archive",
                                                "Prefix",
                                                "private/",
                                                "TagFilters",
                                                List.of(Map.of("Key", "cairn:kind", "Value", "receipt")),
                                                // Glacier Instant Retrieval: a pre-signed GET still reads it.
                                                "Transitions",
                                                List.of(
                                                        Map.of(
                                                                "StorageClass",
                                                                "GLACIER_IR",
                                                                "TransitionInDays",
                                                                30))))))))));
    }

    @Test
    void corsCanAddCloudFrontDomainsForACdnInAnotherStack() {
        Stack stack = TestApps.stack(TestApps.app(), "CloudFront");
        new MediaBucket(
                stack,
                "Media",
                MediaBucketProps.builder()
                        .corsAllowedOrigins(List.of("https://app.example.com"))
                        .corsAllowCloudFrontDomains(true)
                        .build());
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::S3::Bucket",
                        Match.objectLike(Map.of(
                                "CorsConfiguration",
                                Map.of(
                                        "CorsRules",
                                        List.of(Match.objectLike(Map.of(
                                                "AllowedOrigins",
                                                List.of("https://app.example.com", "https://*.cloudfront.net"))))))));
        assertThat(NagAudit.audit(stack).errors()).isEmpty();
    }

    @Test
    void failsIfArchiveTagsWithoutPrefixOrNoncurrentDaysOutOfRange() {
        assertThatThrownBy(() -> new MediaBucket(
                        TestApps.stack(TestApps.app(), "Bad"),
                        "Media",
                        MediaBucketProps.builder()
                                .archiveTags(Map.of("cairn:kind", "receipt"))
                                .build()))
                .hasMessageContaining("archiveTags needs archivePrefix");
        assertThatThrownBy(() -> new MediaBucket(
                        TestApps.stack(TestApps.app(), "Bad"),
                        "Media",
                        MediaBucketProps.builder()
                                .noncurrentVersionExpirationDays(0)
                                .build()))
                .hasMessageContaining("noncurrentVersionExpirationDays must be 1..3650 (value: 0)");
    }

    @Test
    void uploadProcessorIsInvokedThroughEventBridgeWithRetriesAndDeadLetterQueue() {
        Template template = Template.fromStack(custom);
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "NotificationConfiguration",
                        Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)))));
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "EventPattern",
                        Match.objectLike(Map.of(
                                "source",
                                List.of("aws.s3"),
                                "detail-type",
                                List.of("Object Created"),
                                "detail",
                                Match.objectLike(
                                        Map.of("object", Map.of("key", List.of(Map.of("prefix", "uploads/"))))))),
                        "Targets",
                        List.of(Match.objectLike(Map.of(
                                "RetryPolicy",
                                Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 7200),
                                "DeadLetterConfig",
                                Match.objectLike(Map.of())))))));
        template.hasResourceProperties(
                "AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
    }

    @Test
    void grantUploadAllowsPutAndMultipartUnderThePrefixWithKmsDataKeys() {
        String policy = policyOf("Uploader");
        assertThat(policy)
                .contains("s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "/uploads/*")
                .contains("kms:GenerateDataKey", "kms:Decrypt")
                .doesNotContain("s3:GetObject", "s3:DeleteObject", "s3:PutObjectAcl");
    }

    @Test
    void grantReadAndGrantDeleteAreScopedToThePrefix() {
        assertThat(policyOf("Reader"))
                .contains("s3:GetObject*", "/images/*", "kms:Decrypt")
                .doesNotContain("s3:PutObject");
        assertThat(policyOf("Deleter"))
                .contains("s3:DeleteObject*", "/images/*")
                .doesNotContain("s3:GetObject");
    }

    private static String policyOf(String rolePrefix) {
        Capture statements = new Capture();
        Template.fromStack(custom)
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        Match.objectLike(Map.of(
                                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp(rolePrefix + ".*"))),
                                "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        return statements.asArray().toString();
    }

    @Test
    void s3ManagedEncryptionAndDestroyLeaveWarnings() {
        Stack stack = TestApps.stack();
        new MediaBucket(
                stack,
                "Media",
                MediaBucketProps.builder()
                        .s3ManagedEncryption(true)
                        .removalPolicy(software.amazon.awscdk.RemovalPolicy.DESTROY)
                        .build());
        // Warnings are recorded at construction time, so no synth is needed to see them.
        assertThat(stack.getNode().findChild("Media").getNode().getMetadata().stream()
                        .map(entry -> String.valueOf(entry.getData()))
                        .toList()
                        .toString())
                .contains("s3ManagedEncryption", "removalPolicy");
        assertThat(stack.getNode().tryFindChild("Media").getNode().tryFindChild("Key"))
                .isNull();
    }

    @Test
    void keyPatternHookIsNagCleanUnderAllFivePacks() {
        assertThat(nagWithWildcard.errors()).isEmpty();
        assertThat(nagWithWildcard.warnings()).isEmpty();
    }

    @Test
    void uploadProcessorKeyPatternBecomesAnEventBridgeWildcardFilter() {
        Template template = Template.fromStack(wildcard);
        template.resourceCountIs("AWS::Events::Rule", 1);
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "Description",
                        "Object created matching images/*/original.* -> upload processor",
                        "EventPattern",
                        Match.objectLike(Map.of(
                                "source",
                                List.of("aws.s3"),
                                "detail-type",
                                List.of("Object Created"),
                                "detail",
                                Match.objectLike(Map.of(
                                        "object", Map.of("key", List.of(Map.of("wildcard", "images/*/original.*"))))))),
                        "Targets",
                        List.of(Match.objectLike(Map.of(
                                "Arn",
                                "arn:aws:lambda:eu-west-1:123456789012:function:images:live",
                                "RetryPolicy",
                                Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 7200)))))));
    }

    @Test
    void uploadProcessorDefaultsToTheUploadsPrefixOnly() {
        Template.fromStack(custom)
                .hasResourceProperties(
                        "AWS::Events::Rule",
                        Match.objectLike(Map.of(
                                "Description",
                                "Object created under uploads/ -> upload processor",
                                "EventPattern",
                                Match.objectLike(Map.of(
                                        "detail",
                                        Match.objectLike(Map.of(
                                                "object", Map.of("key", List.of(Map.of("prefix", "uploads/"))))))))));
    }

    @Test
    void failsIfKeyPatternWithoutProcessor() {
        assertThatThrownBy(() -> create(MediaBucketProps.builder()
                        .uploadProcessorKeyPattern("images/*/original.*")
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uploadProcessorKeyPattern needs uploadProcessor (value: images/*/original.*)");
    }

    @Test
    void failsIfKeyPatternMatchesEveryKey() {
        Stack stack = TestApps.stack();
        assertThatThrownBy(() -> new MediaBucket(
                        stack,
                        "Media",
                        MediaBucketProps.builder()
                                .uploadProcessor(Function.fromFunctionArn(
                                        stack, "Processor", "arn:aws:lambda:eu-west-1:123456789012:function:images"))
                                .uploadProcessorKeyPattern("**")
                                .build()))
                .hasMessageContaining("uploadProcessorKeyPattern must be a key pattern without a leading slash that"
                        + " does not match every key (value: **)");
    }

    private static void create(MediaBucketProps props) {
        new MediaBucket(TestApps.stack(), "Media", props);
    }

    @Test
    void failsIfCorsOriginIsWildcard() {
        assertThatThrownBy(() -> create(MediaBucketProps.builder()
                        .corsAllowedOrigins(List.of("https://*.example.com"))
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corsAllowedOrigins must not contain wildcards (value: https://*.example.com)");
    }

    @Test
    void unresolvedOriginsAreLeftForDeployTime() {
        Stack stack = TestApps.stack();
        String origin = software.amazon.awscdk.CfnParameter.Builder.create(stack, "Origin")
                .build()
                .getValueAsString();
        MediaBucket media = new MediaBucket(
                stack,
                "Media",
                MediaBucketProps.builder().corsAllowedOrigins(List.of(origin)).build());
        assertThat(media.getBucket()).isNotNull();
    }

    @Test
    void failsIfCorsOriginIsPlainHttp() {
        assertThatThrownBy(() -> create(MediaBucketProps.builder()
                        .corsAllowedOrigins(List.of("http://app.example.com"))
                        .build()))
                .hasMessageContaining(
                        "corsAllowedOrigins must be https:// origins or http://localhost (value: http://app.example.com)");
    }

    @Test
    void failsIfKeyCombinedWithS3ManagedEncryption() {
        Stack stack = TestApps.stack();
        MediaBucketProps props = MediaBucketProps.builder()
                .encryptionKey(new Key(stack, "Key"))
                .s3ManagedEncryption(true)
                .build();
        assertThatThrownBy(() -> new MediaBucket(stack, "Media", props))
                .hasMessageContaining("encryptionKey cannot be combined with s3ManagedEncryption");
    }

    @Test
    void failsIfArchivePrefixWithoutDays() {
        assertThatThrownBy(() -> create(
                        MediaBucketProps.builder().archivePrefix("audio/").build()))
                .hasMessageContaining(
                        "archivePrefix and archiveAfterDays must be given together (value: audio/, null)");
    }

    @Test
    void failsIfArchivePrefixBlank() {
        assertThatThrownBy(() -> create(MediaBucketProps.builder()
                        .archivePrefix(" ")
                        .archiveAfterDays(30)
                        .build()))
                .hasMessageContaining("archivePrefix must not be blank");
    }

    @Test
    void failsIfArchiveAfterDaysOutOfRange() {
        assertThatThrownBy(() -> create(MediaBucketProps.builder()
                        .archivePrefix("audio/")
                        .archiveAfterDays(0)
                        .build()))
                .hasMessageContaining("archiveAfterDays must be 1..3650 (value: 0)");
    }

    @Test
    void failsIfArchivingUploads() {
        assertThatThrownBy(() -> create(MediaBucketProps.builder()
                        .archivePrefix("uploads/x/")
                        .archiveAfterDays(5)
                        .build()))
                .hasMessageContaining(
                        "archivePrefix must not be under uploadsPrefix uploads/, which expires after a day (value:"
                                + " uploads/x/)");
    }

    @Test
    void failsIfAccessLogRetentionOutOfRange() {
        assertThatThrownBy(() -> create(
                        MediaBucketProps.builder().accessLogRetentionDays(30).build()))
                .hasMessageContaining("accessLogRetentionDays must be 90..3650 (value: 30)");
    }

    @Test
    void failsIfAccessLogRetentionSetWithOwnLogBucket() {
        Stack stack = TestApps.stack();
        MediaBucketProps props = MediaBucketProps.builder()
                .serverAccessLogsBucket(new Bucket(stack, "Logs"))
                .accessLogRetentionDays(400)
                .build();
        assertThatThrownBy(() -> new MediaBucket(stack, "Media", props))
                .hasMessageContaining("accessLogRetentionDays applies only to the created log bucket");
    }

    @Test
    void failsIfAccessLogsPrefixBlank() {
        assertThatThrownBy(() -> create(
                        MediaBucketProps.builder().serverAccessLogsPrefix("").build()))
                .hasMessageContaining("serverAccessLogsPrefix must not be blank");
    }

    @Test
    void failsIfGrantPrefixIsNotAFolder() {
        MediaBucket media = new MediaBucket(TestApps.stack(), "Media");
        Role role = role((Stack) media.getNode().getScope(), "R");
        assertThatThrownBy(() -> media.grantUpload(role, "/uploads"))
                .hasMessageContaining("keyPrefix must be a folder such as \"uploads/\"");
        assertThatThrownBy(() -> media.grantRead(role, "")).hasMessageContaining("keyPrefix must be a folder");
        assertThatThrownBy(() -> media.grantDelete(role, "images")).hasMessageContaining("keyPrefix must be a folder");
    }
}
