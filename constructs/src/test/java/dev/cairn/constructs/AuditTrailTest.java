package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.ObjectLockMode;
import software.amazon.awscdk.services.sns.Topic;

class AuditTrailTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:alarms";

    private static Stack defaults;
    private static Stack audited;
    private static Stack unlocked;
    private static NagAudit.Findings nag;
    private static NagAudit.Findings nagAudited;
    private static NagAudit.Findings nagUnlocked;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        defaults = TestApps.stack(app, "Defaults");
        new AuditTrail(defaults, "Trail");

        audited = TestApps.stack(app, "Audited");
        new AuditTrail(
                audited,
                "Trail",
                AuditTrailProps.builder()
                        .encryptionKey(Key.Builder.create(audited, "SharedKey")
                                .enableKeyRotation(true)
                                .build())
                        .dataEventBuckets(List.of(
                                Bucket.fromBucketName(audited, "Media", "media-bucket"),
                                Bucket.fromBucketName(audited, "Site", "site-bucket")))
                        .alarmTopic(Topic.fromTopicArn(audited, "Alarms", TOPIC))
                        .logRetentionDays(730)
                        .objectLockDays(400)
                        .objectLockMode(ObjectLockMode.COMPLIANCE)
                        .build());

        unlocked = TestApps.stack(app, "Unlocked");
        new AuditTrail(
                unlocked, "Trail", AuditTrailProps.builder().objectLockDays(0).build());
        nag = NagAudit.audit(defaults);
        nagAudited = NagAudit.audit(audited);
        nagUnlocked = NagAudit.audit(unlocked);
    }

    @Test
    void isNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
        assertThat(nagAudited.errors()).isEmpty();
        assertThat(nagAudited.warnings()).isEmpty();
    }

    @Test
    void trailIsMultiRegionValidatedEncryptedAndDeliversToItsBucketAndLogGroup() {
        Template template = Template.fromStack(defaults);
        template.resourceCountIs("AWS::CloudTrail::Trail", 1);
        template.hasResourceProperties(
                "AWS::CloudTrail::Trail",
                Match.objectLike(Map.of(
                        "IsMultiRegionTrail",
                        true,
                        "IncludeGlobalServiceEvents",
                        true,
                        "EnableLogFileValidation",
                        true,
                        "IsLogging",
                        true,
                        "KMSKeyId",
                        Map.of("Fn::GetAtt", List.of("TrailKey31F874A3", "Arn")),
                        "S3BucketName",
                        Map.of("Ref", "TrailLogBucket27411DF0"),
                        "CloudWatchLogsLogGroupArn",
                        Map.of("Fn::GetAtt", List.of("TrailLogGroup4CBE3AF5", "Arn")),
                        "EventSelectors",
                        List.of(Map.of("IncludeManagementEvents", true, "ReadWriteType", "All")))));
        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of("KmsKeyId", Map.of("Fn::GetAtt", List.of("TrailKey31F874A3", "Arn")), "RetentionInDays", 365));
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
        String keyPolicy = template.findResources("AWS::KMS::Key").toString();
        assertThat(keyPolicy)
                .contains("cloudtrail.amazonaws.com", "kms:EncryptionContext:aws:cloudtrail:arn")
                .contains("logs.eu-west-1.amazonaws.com", "kms:EncryptionContext:aws:logs:arn");
        template.resourceCountIs("AWS::Logs::MetricFilter", 0);
        template.resourceCountIs("AWS::CloudWatch::Alarm", 0);
    }

    @Test
    void logBucketIsLockedVersionedKmsEncryptedAccessLoggedExpiringAndTlsOnly() {
        Template template = Template.fromStack(defaults);
        template.hasResource(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Match.objectLike(Map.of(
                                "ObjectLockEnabled",
                                true,
                                "ObjectLockConfiguration",
                                Map.of(
                                        "ObjectLockEnabled",
                                        "Enabled",
                                        "Rule",
                                        Map.of("DefaultRetention", Map.of("Days", 365, "Mode", "GOVERNANCE"))),
                                "VersioningConfiguration",
                                Map.of("Status", "Enabled"),
                                "LoggingConfiguration",
                                Match.objectLike(Map.of(
                                        "DestinationBucketName",
                                        Map.of("Ref", "TrailAccessLogsFEE33FE3"),
                                        "LogFilePrefix",
                                        "trail/")),
                                "LifecycleConfiguration",
                                Map.of(
                                        "Rules",
                                        Match.arrayWith(List.of(
                                                Match.objectLike(
                                                        Map.of(
                                                                "Id",
                                                                "ExpireTrailLogs",
                                                                "ExpirationInDays",
                                                                365))))))))));
        String encryption = template.findResources("AWS::S3::Bucket")
                .get("TrailLogBucket27411DF0")
                .toString();
        assertThat(encryption).contains("SSEAlgorithm=aws:kms", "TrailKey31F874A3");
        String policy = template.findResources("AWS::S3::BucketPolicy").toString();
        assertThat(policy)
                .contains(
                        "aws:SecureTransport", "s3:TlsVersion", "cloudtrail.amazonaws.com", "/AWSLogs/123456789012/*");
    }

    @Test
    void dataEventsCoverTheAuditedBucketsAndAccessDeniedAlarmsOnTheTopic() {
        Template template = Template.fromStack(audited);
        String selectors = template.findResources("AWS::CloudTrail::Trail").toString();
        assertThat(selectors)
                .contains("Type=AWS::S3::Object", ":s3:::media-bucket/", ":s3:::site-bucket/")
                .contains("IncludeManagementEvents=true", "IncludeManagementEvents=false");
        for (String bucket : List.of("media-bucket", "site-bucket")) {
            template.hasResourceProperties(
                    "AWS::Logs::MetricFilter",
                    Match.objectLike(Map.of(
                            "FilterPattern",
                            "{ ($.eventSource = \"s3.amazonaws.com\") && ($.errorCode = \"AccessDenied\") &&"
                                    + " ($.requestParameters.bucketName = \"" + bucket + "\") }",
                            "MetricTransformations",
                            List.of(Map.of(
                                    "MetricName", AuditDefaults.ACCESS_DENIED_METRIC,
                                    "MetricNamespace", AuditDefaults.METRIC_NAMESPACE,
                                    "MetricValue", "1")))));
        }
        template.resourceCountIs("AWS::Logs::MetricFilter", 2);
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "MetricName",
                        AuditDefaults.ACCESS_DENIED_METRIC,
                        "Namespace",
                        AuditDefaults.METRIC_NAMESPACE,
                        "Statistic",
                        "Sum",
                        "Threshold",
                        0,
                        "ComparisonOperator",
                        "GreaterThanThreshold",
                        "AlarmActions",
                        List.of(TOPIC),
                        "OKActions",
                        List.of(TOPIC))));
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "ObjectLockConfiguration",
                        Map.of(
                                "ObjectLockEnabled",
                                "Enabled",
                                "Rule",
                                Map.of("DefaultRetention", Map.of("Days", 400, "Mode", "COMPLIANCE"))))));
        // A key given is used, none is created.
        assertThat(template.findResources("AWS::KMS::Key")).containsOnlyKeys("SharedKey1EE60F1E");
    }

    @Test
    void withoutObjectLockWarnsAndTheBucketHasNone() {
        assertThat(nagUnlocked.warnings()).singleElement().satisfies(w -> assertThat(w)
                .contains("Security default overridden: objectLockDays"));
        assertThat(Template.fromStack(unlocked).findResources("AWS::S3::Bucket").toString())
                .doesNotContain("ObjectLock");
    }

    @Test
    void failsOnInvalidPropsNamingEach() {
        Stack stack = TestApps.stack(TestApps.app(), "Bad");
        assertThatThrownBy(() -> new AuditTrail(
                        stack,
                        "Trail",
                        AuditTrailProps.builder()
                                .logRetentionDays(30)
                                .objectLockDays(400)
                                .dataEventBuckets(List.of(Bucket.fromBucketName(stack, "B", "audited-bucket")))
                                .build()))
                .hasMessageContaining("logRetentionDays must be 90..3650 (value: 30)")
                .hasMessageContaining("objectLockDays must be 0..30 (value: 400)")
                .hasMessageContaining("alarmTopic is required with dataEventBuckets");
        assertThatThrownBy(() -> new AuditTrail(
                        TestApps.stack(TestApps.app(), "Bad"),
                        "Trail",
                        AuditTrailProps.builder().objectLockDays(400).build()))
                .hasMessageContaining("objectLockDays must be 0..365 (value: 400)");
    }
}
