package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.DistributionAttributes;
import software.amazon.awscdk.services.cloudfront.IDistribution;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;

class SiteBucketTest {

    private static Stack defaults;
    private static Stack deployed;
    private static NagAudit.Findings nag;
    private static NagAudit.Findings nagDeployed;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        defaults = TestApps.stack(app, "Defaults");
        new SiteBucket(defaults, "Site");

        deployed = TestApps.stack(app, "Deployed");
        new SiteBucket(
                deployed,
                "Site",
                SiteBucketProps.builder()
                        .sourcePath(siteDir())
                        .distribution(importedDistribution(deployed))
                        .invalidationPaths(List.of("/index.html", "/assets/*"))
                        .build());

        nag = NagAudit.audit(defaults);
        nagDeployed = NagAudit.audit(deployed);
    }

    static String siteDir() {
        try {
            Path dir = Files.createTempDirectory("cairn-site-");
            Files.writeString(dir.resolve("index.html"), "<!doctype html><title>cairn</title>\n");
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IDistribution importedDistribution(Stack stack) {
        return Distribution.fromDistributionAttributes(
                stack,
                "Cdn",
                DistributionAttributes.builder()
                        .distributionId("E1EXAMPLE")
                        .domainName("d111111abcdef8.cloudfront.net")
                        .build());
    }

    @Test
    void defaultsAreNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void deploymentWithInvalidationIsNagCleanUnderAllFivePacks() {
        assertThat(nagDeployed.errors()).isEmpty();
        assertThat(nagDeployed.warnings()).isEmpty();
    }

    @Test
    void pinsTheLogicalIdsOfTheBuckets() {
        assertThat(Template.fromStack(defaults).findResources("AWS::S3::Bucket"))
                .containsOnlyKeys("Site03B75BBB", "SiteAccessLogs536C0B75");
    }

    @Test
    void defaultsArePrivateSseS3VersionedLoggedAndRetained() {
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
                                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                                "VersioningConfiguration",
                                Map.of("Status", "Enabled"),
                                "OwnershipControls",
                                Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                                "LoggingConfiguration",
                                Match.objectLike(Map.of(
                                        "DestinationBucketName",
                                        Map.of("Ref", "SiteAccessLogs536C0B75"),
                                        "LogFilePrefix",
                                        "site/")),
                                "LifecycleConfiguration",
                                Map.of(
                                        "Rules",
                                        Match.arrayWith(List.of(
                                                Match.objectLike(
                                                        Map.of(
                                                                "Id",
                                                                "ExpireNoncurrentVersions",
                                                                "NoncurrentVersionExpiration",
                                                                Map.of("NoncurrentDays", 30)))))))))));
        template.resourceCountIs("Custom::CDKBucketDeployment", 0);
        template.resourceCountIs("AWS::Lambda::Function", 0);
    }

    @Test
    void bucketPolicyDeniesPlainHttpAndOldTls() {
        Capture statements = new Capture();
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::S3::BucketPolicy",
                        Match.objectLike(Map.of(
                                "Bucket", Map.of("Ref", "Site03B75BBB"),
                                "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        assertThat(statements.asArray().toString()).contains("aws:SecureTransport", "s3:TlsVersion", "Deny");
    }

    @Test
    void deploymentPrunesRetainsFilesAndInvalidatesTheGivenPaths() {
        Template template = Template.fromStack(deployed);
        template.hasResource(
                "Custom::CDKBucketDeployment",
                Match.objectLike(Map.of(
                        "Properties",
                        Match.objectLike(Map.of(
                                "DestinationBucketName",
                                Map.of("Ref", "Site03B75BBB"),
                                "Prune",
                                true,
                                "RetainOnDelete",
                                true,
                                "DistributionId",
                                "E1EXAMPLE",
                                "DistributionPaths",
                                List.of("/index.html", "/assets/*"))))));
    }

    @Test
    void deploymentHandlerUsesItsOwnRoleWithoutManagedPoliciesAndAnEncryptedLogGroup() {
        Template template = Template.fromStack(deployed);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "MemorySize",
                        512,
                        "Role",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SiteDeploymentRole.*"), "Arn")),
                        "LoggingConfig",
                        Match.objectLike(
                                Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("SiteDeploymentLogs.*")))))));
        template.hasResourceProperties(
                "AWS::IAM::Role",
                Match.objectLike(Map.of(
                        "AssumeRolePolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                List.of(Match.objectLike(
                                        Map.of("Principal", Map.of("Service", "lambda.amazonaws.com")))))),
                        "ManagedPolicyArns",
                        Match.absent())));
        template.hasResourceProperties(
                "AWS::Logs::LogGroup", Match.objectLike(Map.of("KmsKeyId", Match.anyValue(), "RetentionInDays", 30)));
    }

    @Test
    void kmsKeyAndOwnLogBucketAreUsedWhenGiven() {
        Stack stack = TestApps.stack();
        Key key = new Key(stack, "Key");
        Bucket logs = new Bucket(stack, "Logs");
        SiteBucket site = new SiteBucket(
                stack,
                "Site",
                SiteBucketProps.builder()
                        .encryptionKey(key)
                        .serverAccessLogsBucket(logs)
                        .serverAccessLogsPrefix("web/")
                        .build());
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::S3::Bucket", 2);
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "BucketEncryption",
                        Map.of(
                                "ServerSideEncryptionConfiguration",
                                List.of(Map.of(
                                        "BucketKeyEnabled",
                                        true,
                                        "ServerSideEncryptionByDefault",
                                        Match.objectLike(Map.of("SSEAlgorithm", "aws:kms"))))),
                        "LoggingConfiguration",
                        Match.objectLike(Map.of("LogFilePrefix", "web/")))));
        assertThat(site.getEncryptionKey()).isSameAs(key);
        assertThat(site.getAccessLogsBucket()).isSameAs(logs);
        assertThat(site.getDeployment()).isNull();
    }

    @Test
    void destroyLeavesAWarning() {
        Stack stack = TestApps.stack();
        new SiteBucket(
                stack,
                "Site",
                SiteBucketProps.builder().removalPolicy(RemovalPolicy.DESTROY).build());
        assertThat(stack.getNode().findChild("Site").getNode().getMetadata().stream()
                        .map(entry -> String.valueOf(entry.getData()))
                        .toList()
                        .toString())
                .contains("@cairn/constructs:removalPolicy");
    }

    private static void create(SiteBucketProps props) {
        new SiteBucket(TestApps.stack(), "Site", props);
    }

    @Test
    void failsIfAccessLogRetentionOutOfRange() {
        assertThatThrownBy(() -> create(
                        SiteBucketProps.builder().accessLogRetentionDays(10).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessLogRetentionDays must be 90..3650 (value: 10)");
    }

    @Test
    void failsIfAccessLogRetentionSetWithOwnLogBucket() {
        Stack stack = TestApps.stack();
        SiteBucketProps props = SiteBucketProps.builder()
                .serverAccessLogsBucket(new Bucket(stack, "Logs"))
                .accessLogRetentionDays(400)
                .build();
        assertThatThrownBy(() -> new SiteBucket(stack, "Site", props))
                .hasMessageContaining("accessLogRetentionDays applies only to the created log bucket");
    }

    @Test
    void failsIfAccessLogsPrefixBlank() {
        assertThatThrownBy(() -> create(
                        SiteBucketProps.builder().serverAccessLogsPrefix(" ").build()))
                .hasMessageContaining("serverAccessLogsPrefix must not be blank");
    }

    @Test
    void failsIfSourcePathBlank() {
        assertThatThrownBy(() -> create(SiteBucketProps.builder().sourcePath("").build()))
                .hasMessageContaining("sourcePath must not be blank");
    }

    @Test
    void failsIfDistributionWithoutSourcePath() {
        Stack stack = TestApps.stack();
        SiteBucketProps props = SiteBucketProps.builder()
                .distribution(importedDistribution(stack))
                .build();
        assertThatThrownBy(() -> new SiteBucket(stack, "Site", props))
                .hasMessageContaining("distribution is invalidated after a deployment and needs sourcePath");
    }

    @Test
    void deployLaterBreaksTheSiteCdnCycleButOnlyOnce() {
        Stack stack = TestApps.stack();
        SiteBucket site = new SiteBucket(stack, "Site");
        IDistribution cdn = importedDistribution(stack);
        assertThat(site.deploy(siteDir(), cdn, null)).isSameAs(site.getDeployment());
        Template.fromStack(stack)
                .hasResourceProperties(
                        "Custom::CDKBucketDeployment", Match.objectLike(Map.of("DistributionPaths", List.of("/*"))));
        assertThatThrownBy(() -> site.deploy(siteDir(), cdn, null))
                .hasMessageContaining("deploy can be called once per SiteBucket");
    }

    @Test
    void failsIfInvalidationPathsWithoutDistributionOrSlash() {
        assertThatThrownBy(() -> create(SiteBucketProps.builder()
                        .sourcePath(siteDir())
                        .invalidationPaths(List.of("index.html"))
                        .build()))
                .hasMessageContaining("invalidationPaths needs distribution (value: [index.html])")
                .hasMessageContaining("invalidationPaths must start with / (value: index.html)");
    }
}
