package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsCdkNagCsvCellsWithQuotesAndCommas() {
        assertThat(ComplianceReport.csvCells(
                        "\"AwsSolutions-IAM5\",\"a/b\",\"Suppressed\",\"Reason, with \"\"quotes\"\"\",\"Error\",\"x\""))
                .containsExactly("AwsSolutions-IAM5", "a/b", "Suppressed", "Reason, with \"quotes\"", "Error", "x");
    }

    @Test
    void aPropertyHoldsOnlyWhenEveryResourceHasIt() throws Exception {
        JsonNode good = JSON.readTree("""
                {"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"BucketEncryption":{},
                  "VersioningConfiguration":{"Status":"Enabled"}}}}}""");
        JsonNode bad = JSON.readTree("""
                {"Resources":{"C":{"Type":"AWS::S3::Bucket","Properties":{}}}}""");

        List<ComplianceReport.Property> onlyGood = ComplianceReport.StageProperties.of(List.of(good));
        List<ComplianceReport.Property> mixed = ComplianceReport.StageProperties.of(List.of(good, bad));

        assertThat(property(onlyGood, "Encryption at rest: S3").holds()).isTrue();
        assertThat(property(mixed, "Encryption at rest: S3").holds()).isFalse();
        assertThat(property(mixed, "Encryption at rest: S3").evidence()).contains("(1 of 2)");
        assertThat(property(mixed, "Versioning").holds()).isFalse();
        assertThat(property(onlyGood, "Web application firewall").holds()).isFalse();
    }

    @Test
    void searchDomainsAreReportedOnlyWhereTheyExistAndOnlyTheReindexMayScan() throws Exception {
        JsonNode search = JSON.readTree("""
                {"Resources":{
                  "D":{"Type":"AWS::OpenSearchService::Domain","Properties":{
                    "EncryptionAtRestOptions":{"Enabled":true,"KmsKeyId":"arn:key"},
                    "NodeToNodeEncryptionOptions":{"Enabled":true},
                    "DomainEndpointOptions":{"EnforceHTTPS":true,
                      "TLSSecurityPolicy":"Policy-Min-TLS-1-2-PFS-2023-10"},
                    "AdvancedSecurityOptions":{"Enabled":true,"InternalUserDatabaseEnabled":false},
                    "AccessPolicies":{"Statement":[{"Principal":{"AWS":"arn:role"}}]}}},
                  "P":{"Type":"AWS::IAM::Policy","Properties":{"PolicyName":"SearchReindexServiceRoleDefaultPolicy1",
                    "PolicyDocument":{"Statement":[{"Action":"dynamodb:Scan"}]}}}}}""");
        JsonNode open = JSON.readTree("""
                {"Resources":{
                  "D":{"Type":"AWS::OpenSearchService::Domain","Properties":{
                    "EncryptionAtRestOptions":{"Enabled":false},
                    "DomainEndpointOptions":{"EnforceHTTPS":false},
                    "AdvancedSecurityOptions":{"Enabled":false},
                    "AccessPolicies":{"Statement":[{"Principal":{"AWS":"*"}}]}}},
                  "P":{"Type":"AWS::IAM::Policy","Properties":{"PolicyName":"ApiServiceRoleDefaultPolicy1",
                    "PolicyDocument":{"Statement":[{"Action":"dynamodb:Scan"}]}}}}}""");

        List<ComplianceReport.Property> good = ComplianceReport.StageProperties.of(List.of(search));
        List<ComplianceReport.Property> bad = ComplianceReport.StageProperties.of(List.of(open));

        for (String name : List.of(
                "Encryption at rest: search domains",
                "Encryption in transit: search domains",
                "Search access through IAM only",
                "Least privilege: no Action \"*\", no Scan on a request path")) {
            assertThat(property(good, name).holds()).as(name).isTrue();
            assertThat(property(bad, name).holds()).as(name).isFalse();
        }
        assertThat(ComplianceReport.StageProperties.of(List.of(JSON.readTree("{\"Resources\":{}}"))))
                .noneMatch(p -> p.name().toLowerCase(java.util.Locale.ROOT).contains("search"));
    }

    @Test
    void theReportListsWhoAlarmsReachAndHowCodesAreSent() throws Exception {
        JsonNode subscribed = JSON.readTree("""
                {"Resources":{"S":{"Type":"AWS::SNS::Subscription","Properties":{"Protocol":"email",
                  "Endpoint":"ops@example.com","TopicArn":{"Ref":"T"}}},
                 "P":{"Type":"AWS::Cognito::UserPool","Properties":{"EmailConfiguration":{
                  "EmailSendingAccount":"DEVELOPER","From":"no-reply@example.com"}}}}}""");
        JsonNode silent = JSON.readTree("""
                {"Resources":{"P":{"Type":"AWS::Cognito::UserPool","Properties":{}}}}""");

        List<ComplianceReport.Property> good = ComplianceReport.StageProperties.of(List.of(subscribed));
        List<ComplianceReport.Property> bad = ComplianceReport.StageProperties.of(List.of(silent));

        assertThat(property(good, "Alarm notifications").holds()).isTrue();
        assertThat(property(good, "Alarm notifications").evidence()).contains("ops@example.com");
        assertThat(property(bad, "Alarm notifications").holds()).isFalse();
        assertThat(property(bad, "Alarm notifications").evidence()).contains("reach nobody");
        assertThat(property(good, "Sign-up and reset codes through Amazon SES").holds())
                .isTrue();
        assertThat(property(good, "Sign-up and reset codes through Amazon SES").evidence())
                .contains("no-reply@example.com");
        assertThat(property(bad, "Sign-up and reset codes through Amazon SES").holds())
                .isFalse();
    }

    @Test
    void accountControlsSayWhatIsDeployedWhatTheOrganizationProvidesAndTheEvidence() throws Exception {
        JsonNode template = JSON.readTree("""
                {"Metadata":{"cairn:accountControls":{"deployed":["cloudtrail","config"],
                  "providedByOrganization":["guardduty"],"notDeployed":{"cost-anomaly":"no alarmEmail: nobody to mail the anomalies to"}}},
                 "Parameters":{"P":{"Type":"AWS::SSM::Parameter::Value<String>",
                  "Default":"/cairn/personal-site/prod/audited-buckets/media"}},
                 "Resources":{
                  "T":{"Type":"AWS::CloudTrail::Trail","Properties":{"IsMultiRegionTrail":true,
                   "EnableLogFileValidation":true,"KMSKeyId":"k","CloudWatchLogsLogGroupArn":"l",
                   "EventSelectors":[{"IncludeManagementEvents":true},{"DataResources":[{"Type":"AWS::S3::Object",
                   "Values":["arn:aws:s3:::b/"]}]}]}},
                  "B":{"Type":"AWS::S3::Bucket","Properties":{"ObjectLockConfiguration":{"Rule":
                   {"DefaultRetention":{"Mode":"GOVERNANCE","Days":365}}}}},
                  "F":{"Type":"AWS::Logs::MetricFilter","Properties":{"FilterPattern":{"Fn::Join":["",
                   ["{ ($.errorCode = \\"AccessDenied\\") && ($.requestParameters.bucketName = \\"",
                   {"Ref":"P"},"\\") }"]]}}},
                  "A":{"Type":"AWS::CloudWatch::Alarm","Properties":{"MetricName":"S3AccessDenied",
                   "AlarmActions":[{"Ref":"Topic"}]}},
                  "R":{"Type":"AWS::Config::ConfigurationRecorder","Properties":{"RecordingGroup":
                   {"AllSupported":true,"IncludeGlobalResourceTypes":true}}},
                  "D":{"Type":"AWS::Config::DeliveryChannel","Properties":{"S3BucketName":"x","S3KmsKeyArn":"k"}},
                  "C":{"Type":"AWS::Config::ConfigRule","Properties":{"Source":{"Owner":"AWS",
                   "SourceIdentifier":"DYNAMODB_PITR_ENABLED"}}}}}""");

        List<ComplianceReport.AccountControl> controls = ComplianceReport.AccountControls.of(template);

        assertThat(controls)
                .extracting(ComplianceReport.AccountControl::status)
                .containsExactly(
                        "deployed by Cairn",
                        "provided by the organization (declared)",
                        "deployed by Cairn",
                        "not deployed");
        assertThat(controls.get(0).holds()).isTrue();
        assertThat(controls.get(0).evidence())
                .contains("multi-region yes", "log file validation yes", "KMS encryption yes")
                .contains("Object Lock GOVERNANCE 365 days", "S3 data events on 1 buckets")
                .contains("/cairn/personal-site/prod/audited-buckets/media", "1 AccessDenied metric filters");
        assertThat(controls.get(1).evidence()).contains("organizationProvides=guardduty");
        assertThat(controls.get(2).evidence()).contains("1 managed rules: DYNAMODB_PITR_ENABLED");
        assertThat(controls.get(3).holds()).isFalse();
        assertThat(controls.get(3).evidence()).contains("no alarmEmail");
    }

    @Test
    void aTrailWithDataEventsButNoAccessDeniedFilterDoesNotHold() throws Exception {
        JsonNode template = JSON.readTree("""
                {"Metadata":{"cairn:accountControls":{"deployed":["cloudtrail"]}},
                 "Resources":{"T":{"Type":"AWS::CloudTrail::Trail","Properties":{"IsMultiRegionTrail":true,
                   "EnableLogFileValidation":true,"KMSKeyId":"k","CloudWatchLogsLogGroupArn":"l",
                   "EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::b/"]}]}]}},
                  "A":{"Type":"AWS::CloudWatch::Alarm","Properties":{"MetricName":"S3AccessDenied",
                   "AlarmActions":[{"Ref":"Topic"}]}}}}""");
        ComplianceReport.AccountControl trail =
                ComplianceReport.AccountControls.of(template).getFirst();
        assertThat(trail.holds()).isFalse();
        assertThat(trail.evidence()).contains("0 AccessDenied metric filters");
    }

    @Test
    void aTrailWithoutValidationDoesNotHold() throws Exception {
        JsonNode template = JSON.readTree("""
                {"Metadata":{"cairn:accountControls":{"deployed":["cloudtrail"]}},
                 "Resources":{"T":{"Type":"AWS::CloudTrail::Trail","Properties":{"IsMultiRegionTrail":true,
                   "KMSKeyId":"k","CloudWatchLogsLogGroupArn":"l"}}}}""");
        ComplianceReport.AccountControl trail =
                ComplianceReport.AccountControls.of(template).getFirst();
        assertThat(trail.holds()).isFalse();
        assertThat(trail.evidence()).contains("log file validation NO");
    }

    private static ComplianceReport.Property property(List<ComplianceReport.Property> list, String name) {
        return list.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theReportSaysWhatEachStagePaysForAndWhatThatMeansForCompliance() {
        java.util.List<java.util.List<String>> rows = ComplianceReport.costChoices();
        // Six choices for each of the three stages.
        assertThat(rows).hasSize(6 * 3);
        assertThat(rows)
                .filteredOn(row -> row.get(0).equals("dev") && row.get(1).equals("web firewall"))
                .singleElement()
                .satisfies(row -> assertThat(row.get(3)).contains("AwsSolutions-CFR2", StageConfig.NO_WEB_FIREWALL));
        assertThat(rows)
                .filteredOn(row -> row.get(0).equals("prod") && row.get(1).equals("AWS Backup"))
                .singleElement()
                .satisfies(row -> assertThat(row.get(3)).contains("holds", "Recovery point"));
        assertThat(rows)
                .filteredOn(row -> row.get(0).equals("staging") && row.get(1).equals("AWS Backup"))
                .singleElement()
                .satisfies(row -> assertThat(row.get(3)).contains(StageConfig.PITR_ONLY));
    }
}
