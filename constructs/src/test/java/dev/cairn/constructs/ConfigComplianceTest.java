package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ConfigComplianceTest {

    private static Stack stack;
    private static NagAudit.Findings nag;

    @BeforeAll
    static void synthesize() {
        stack = TestApps.stack();
        new ConfigCompliance(stack, "Config");
        nag = NagAudit.audit(stack);
    }

    @Test
    void isNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void recordsEverythingWithItsRoleAndDeliversToItsEncryptedBucket() {
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::Config::ConfigurationRecorder",
                Map.of(
                        "RecordingGroup", Map.of("AllSupported", true, "IncludeGlobalResourceTypes", true),
                        "RoleARN", Map.of("Fn::GetAtt", List.of("ConfigRoleE4ECEE8E", "Arn"))));
        template.hasResourceProperties(
                "AWS::IAM::Role",
                Match.objectLike(Map.of(
                        "ManagedPolicyArns",
                        List.of(Map.of(
                                "Fn::Join",
                                List.of(
                                        "",
                                        List.of(
                                                "arn:",
                                                Map.of("Ref", "AWS::Partition"),
                                                ":iam::aws:policy/service-role/AWS_ConfigRole")))))));
        template.hasResourceProperties(
                "AWS::Config::DeliveryChannel",
                Map.of(
                        "S3BucketName", Map.of("Ref", "ConfigDeliveryBucket601AF23D"),
                        "S3KmsKeyArn", Map.of("Fn::GetAtt", List.of("ConfigKey87EF130A", "Arn")),
                        "ConfigSnapshotDeliveryProperties", Map.of("DeliveryFrequency", "TwentyFour_Hours")));
        String bucket = template.findResources("AWS::S3::Bucket")
                .get("ConfigDeliveryBucket601AF23D")
                .toString();
        assertThat(bucket).contains("SSEAlgorithm=aws:kms", "Status=Enabled", "LogFilePrefix=config/");
        assertThat(template.findResources("AWS::S3::BucketPolicy").toString())
                .contains("config.amazonaws.com", "/AWSLogs/123456789012/Config/*", "aws:SecureTransport");
    }

    @Test
    void evaluatesTheRulesTheBlueprintsPromiseOnceTheRecorderExists() {
        Template template = Template.fromStack(stack);
        Map<String, Map<String, Object>> rules = template.findResources("AWS::Config::ConfigRule");
        assertThat(rules).hasSize(AuditDefaults.CONFIG_RULES.size());
        for (String identifier : List.of(
                "DYNAMODB_TABLE_ENCRYPTED_KMS",
                "DYNAMODB_PITR_ENABLED",
                "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
                "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
                "S3_BUCKET_SSL_REQUESTS_ONLY")) {
            template.hasResource(
                    "AWS::Config::ConfigRule",
                    Match.objectLike(Map.of(
                            "Properties",
                            Match.objectLike(Map.of("Source", Map.of("Owner", "AWS", "SourceIdentifier", identifier))),
                            "DependsOn",
                            List.of("ConfigRecorder49EDB580"))));
        }
    }

    @Test
    void failsOnInvalidProps() {
        assertThatThrownBy(() -> new ConfigCompliance(
                        TestApps.stack(),
                        "Config",
                        ConfigComplianceProps.builder()
                                .retentionDays(10)
                                .managedRules(List.of("S3_BUCKET_SSL_REQUESTS_ONLY", "S3_BUCKET_SSL_REQUESTS_ONLY"))
                                .build()))
                .hasMessageContaining("retentionDays must be 90..3650 (value: 10)")
                .hasMessageContaining("managedRules must not repeat a rule");
    }
}
