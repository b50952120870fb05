package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.constructs.AuditDefaults;
import dev.cairn.constructs.Compliance;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The account baseline, with every control, and with the organization providing some. */
class AccountStackTest {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String ALARM_EMAIL = "ops@example.com";

    private static AccountStack full;
    private static Template template;
    private static AccountStack partial;

    @BeforeAll
    static void synthesize() throws Exception {
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-account").toString())
                .build());
        full = CairnApp.account(
                app,
                AccountConfig.defaults()
                        .in(ACCOUNT, REGION)
                        .withAudited(List.of("photo-portfolio/prod", "retreat-audio/prod"))
                        .withAlarmEmails(List.of(ALARM_EMAIL)));
        Compliance.applyAllPacks(app);
        app.synth();
        template = Template.fromStack(full);

        App other = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-account").toString())
                .build());
        partial = CairnApp.account(
                other,
                AccountConfig.defaults()
                        .in(ACCOUNT, REGION)
                        .withOrganizationProviding(List.of("cloudtrail", "guardduty"))
                        .withAlarmEmails(List.of(ALARM_EMAIL)));
        Compliance.applyAllPacks(other);
        other.synth();
    }

    @Test
    void hasNoUnsuppressedFindingInAnyPackNorWarnings() {
        Annotations annotations = Annotations.fromStack(full);
        assertThat(annotations.findError("*", Match.stringLikeRegexp(".*"))).isEmpty();
        assertThat(annotations.findWarning("*", Match.stringLikeRegexp(".*"))).isEmpty();
        Annotations partialAnnotations = Annotations.fromStack(partial);
        assertThat(partialAnnotations.findError("*", Match.stringLikeRegexp(".*")))
                .isEmpty();
        assertThat(partialAnnotations.findWarning("*", Match.stringLikeRegexp(".*")))
                .isEmpty();
    }

    @Test
    void isNamedTerminationProtectedAndApartFromTheBlueprints() {
        assertThat(full.getStackName()).isEqualTo("Cairn-account");
        assertThat(full.getTerminationProtection()).isTrue();
        assertThat(full.getDependencies()).isEmpty();
        assertThat(template.toJSON().toString()).doesNotContain("Fn::ImportValue", "Fn::GetStackOutput");
    }

    @Test
    void trailIsMultiRegionWithLogFileValidationAndKmsEncryption() {
        template.resourceCountIs("AWS::CloudTrail::Trail", 1);
        template.hasResourceProperties(
                "AWS::CloudTrail::Trail",
                Match.objectLike(Map.of(
                        "IsMultiRegionTrail",
                        true,
                        "EnableLogFileValidation",
                        true,
                        "KMSKeyId",
                        Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("Arn")))),
                        "CloudWatchLogsLogGroupArn",
                        Match.anyValue())));
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "ObjectLockConfiguration",
                        Map.of(
                                "ObjectLockEnabled",
                                "Enabled",
                                "Rule",
                                Map.of("DefaultRetention", Map.of("Days", 365, "Mode", "GOVERNANCE"))))));
    }

    @Test
    void dataEventsCoverTheBlueprintsMediaAndSiteBucketsFromTheirParameters() {
        Map<String, Map<String, Object>> parameters =
                template.toJSON().get("Parameters") instanceof Map<?, ?> p ? castParameters(p) : Map.of();
        List<String> names = parameters.values().stream()
                .map(p -> String.valueOf(p.get("Default")))
                .filter(d -> d.startsWith("/cairn/"))
                .sorted()
                .toList();
        // The portfolio has a site; the retreat audio app does not.
        assertThat(names)
                .containsExactly(
                        "/cairn/photo-portfolio/prod/audited-buckets/media",
                        "/cairn/photo-portfolio/prod/audited-buckets/site",
                        "/cairn/retreat-audio/prod/audited-buckets/media");
        String trail = template.findResources("AWS::CloudTrail::Trail").toString();
        assertThat(trail).contains("Type=AWS::S3::Object", "IncludeManagementEvents=false", "ReadWriteType=All");
        parameters.forEach((logicalId, parameter) -> {
            if (String.valueOf(parameter.get("Default")).startsWith("/cairn/")) {
                assertThat(parameter.get("Type")).isEqualTo("AWS::SSM::Parameter::Value<String>");
                assertThat(trail).contains(":s3:::, {Ref=" + logicalId + "}, /]");
            }
        });
    }

    @Test
    void accessDeniedOnEachAuditedBucketCountsAndAlarmsToTheAccountTopic() {
        template.resourceCountIs("AWS::Logs::MetricFilter", 3);
        String filters = template.findResources("AWS::Logs::MetricFilter").toString();
        assertThat(filters)
                .contains("$.errorCode = \"AccessDenied\"", "$.eventSource = \"s3.amazonaws.com\"")
                .contains("MetricName=" + AuditDefaults.ACCESS_DENIED_METRIC);
        String topic =
                template.findResources("AWS::SNS::Topic").keySet().iterator().next();
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "MetricName",
                        AuditDefaults.ACCESS_DENIED_METRIC,
                        "Threshold",
                        0,
                        "AlarmActions",
                        List.of(Map.of("Ref", topic)))));
        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of("Protocol", "email", "Endpoint", ALARM_EMAIL, "TopicArn", Map.of("Ref", topic)));
        template.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
    }

    @Test
    void guardDutyWithS3ProtectionConfigRulesAndAnAnomalyMonitor() {
        template.hasResourceProperties(
                "AWS::GuardDuty::Detector",
                Match.objectLike(Map.of(
                        "Enable", true, "Features", List.of(Map.of("Name", "S3_DATA_EVENTS", "Status", "ENABLED")))));
        template.resourceCountIs("AWS::Config::ConfigurationRecorder", 1);
        template.resourceCountIs("AWS::Config::DeliveryChannel", 1);
        assertThat(template.findResources("AWS::Config::ConfigRule").toString())
                .contains(
                        "SourceIdentifier=DYNAMODB_TABLE_ENCRYPTED_KMS",
                        "SourceIdentifier=DYNAMODB_PITR_ENABLED",
                        "SourceIdentifier=S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
                        "SourceIdentifier=S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
                        "SourceIdentifier=S3_BUCKET_SSL_REQUESTS_ONLY");
        template.hasResourceProperties(
                "AWS::CE::AnomalyMonitor",
                Map.of("MonitorType", "DIMENSIONAL", "MonitorDimension", "SERVICE", "MonitorName", Match.anyValue()));
        template.hasResourceProperties(
                "AWS::CE::AnomalySubscription",
                Match.objectLike(Map.of("Subscribers", List.of(Map.of("Address", ALARM_EMAIL, "Type", "EMAIL")))));
    }

    @Test
    void theTemplateRecordsWhatIsDeployedHereAndWhatTheOrganizationProvides() {
        assertThat(template.toJSON().get("Metadata").toString())
                .contains("deployed=[cloudtrail, guardduty, config, cost-anomaly]", "providedByOrganization=[]")
                .contains("audited=[photo-portfolio/prod, retreat-audio/prod]");
        Template provided = Template.fromStack(partial);
        provided.resourceCountIs("AWS::CloudTrail::Trail", 0);
        provided.resourceCountIs("AWS::GuardDuty::Detector", 0);
        provided.resourceCountIs("AWS::Config::ConfigurationRecorder", 1);
        provided.resourceCountIs("AWS::CE::AnomalySubscription", 1);
        assertThat(provided.toJSON().get("Metadata").toString())
                .contains("deployed=[config, cost-anomaly]", "providedByOrganization=[cloudtrail, guardduty]");
    }

    @Test
    void withoutAnAddressAnomaliesAreLeftOutWithAWarning() throws Exception {
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-account").toString())
                .build());
        AccountStack silent = CairnApp.account(app, AccountConfig.defaults().in(ACCOUNT, REGION));
        Template.fromStack(silent).resourceCountIs("AWS::CE::AnomalySubscription", 0);
        assertThat(Annotations.fromStack(silent).findWarning("*", Match.stringLikeRegexp("NOBODY IS NOTIFIED.*")))
                .hasSize(1);
        assertThat(Template.fromStack(silent).toJSON().get("Metadata").toString())
                .contains("notDeployed={cost-anomaly=no alarmEmail");
    }

    @Test
    void outsideUsEast1AnomaliesAreLeftOutWithAWarningAndTheRestStays() throws Exception {
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-account").toString())
                .build());
        AccountStack frankfurt = CairnApp.account(
                app, AccountConfig.defaults().in(ACCOUNT, "eu-central-1").withAlarmEmails(List.of(ALARM_EMAIL)));
        Template.fromStack(frankfurt).resourceCountIs("AWS::CE::AnomalySubscription", 0);
        Template.fromStack(frankfurt).resourceCountIs("AWS::GuardDuty::Detector", 1);
        assertThat(Annotations.fromStack(frankfurt)
                        .findWarning("*", Match.stringLikeRegexp("Cost anomaly detection is left out.*")))
                .hasSize(1);
        assertThat(Template.fromStack(frankfurt).toJSON().get("Metadata").toString())
                .contains("Cost Explorer's resources exist in us-east-1 only");
    }

    @Test
    void refusesUnknownControlsAndMalformedDeployments() {
        assertThatThrownBy(() -> AccountConfig.defaults().withOrganizationProviding(List.of("cloudtrial")))
                .hasMessageContaining("organizationProvides entries must be among [cloudtrail, guardduty, config,"
                        + " cost-anomaly] (value: cloudtrial)");
        assertThatThrownBy(() -> AccountConfig.defaults().withAudited(List.of("guitar-collection")))
                .hasMessageContaining("audited entries must be BLUEPRINT/STAGE");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> castParameters(Map<?, ?> parameters) {
        return (Map<String, Map<String, Object>>) parameters;
    }
}
