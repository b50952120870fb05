package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contract.Blueprints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/**
 * What each stage pays for, in the region most stages use (us-east-1, where the edge stack lives
 * too): the guitar collection in dev, staging and prod, synthesized without the cdk-nag packs
 * (BlueprintStacksTest runs those over every blueprint and stage).
 */
class StageChoicesTest {
    private static final Map<String, CairnApp.Stacks> STACKS = new LinkedHashMap<>();

    @BeforeAll
    static void synthesize() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "the api artifact is injected in tests");
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-cdk-out-stages").toString())
                .build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        for (StageConfig stage : StageConfig.STAGES_IN_ORDER) {
            StageConfig here = stage.in(BlueprintStacksTest.ACCOUNT, CairnApp.DEFAULT_REGION);
            if (here.needsOwnEmailSender()) {
                here = here.withEmailFrom(BlueprintStacksTest.EMAIL_FROM)
                        .withAlarmEmails(List.of(BlueprintStacksTest.ALARM_EMAIL));
            }
            STACKS.put(
                    stage.name(),
                    CairnApp.build(
                            app,
                            here,
                            Blueprints.named("guitar-collection"),
                            List.of(),
                            Code.fromAsset(code.toString())));
        }
        app.synth();
    }

    private static int count(CairnApp.Stacks stacks, String type) {
        int total = 0;
        for (Stack stack : stacks.all()) {
            total += Template.fromStack(stack).findResources(type).size();
        }
        return total;
    }

    @Test
    void aStageInUsEast1HasExactlyOneKey() {
        for (Map.Entry<String, CairnApp.Stacks> entry : STACKS.entrySet()) {
            assertThat(count(entry.getValue(), "AWS::KMS::Key"))
                    .as(entry.getKey())
                    .isEqualTo(1);
            // The media bucket's former key, updated in place: objects it encrypted stay readable.
            assertThat(Template.fromStack(entry.getValue().data()).findResources("AWS::KMS::Key"))
                    .containsOnlyKeys(StageKey.DATA_STACK_LOGICAL_ID);
        }
    }

    @Test
    void theWebFirewallGuardsStagingAndProdAndIsExplainedWhereItIsOff() {
        assertThat(count(STACKS.get("dev"), "AWS::WAFv2::WebACL")).isZero();
        assertThat(count(STACKS.get("staging"), "AWS::WAFv2::WebACL")).isEqualTo(1);
        assertThat(count(STACKS.get("prod"), "AWS::WAFv2::WebACL")).isEqualTo(1);
        // Without one, the distribution carries the generated suppression and its reason.
        String dev = Template.fromStack(STACKS.get("dev").service())
                .findResources("AWS::CloudFront::Distribution")
                .toString();
        assertThat(dev).contains("AwsSolutions-CFR2").doesNotContain("WebACLId");
        String prod = Template.fromStack(STACKS.get("prod").service())
                .findResources("AWS::CloudFront::Distribution")
                .toString();
        assertThat(prod).contains("WebACLId").doesNotContain("AwsSolutions-CFR2");
        // An edge stack without firewall or certificate still deploys: one free placeholder.
        Template.fromStack(STACKS.get("dev").edge()).resourceCountIs("AWS::CloudFormation::WaitConditionHandle", 1);
    }

    @Test
    void everyStageUsesTheEssentialsPlanAndSaysWhyThreatProtectionIsOff() {
        for (Map.Entry<String, CairnApp.Stacks> entry : STACKS.entrySet()) {
            String pool = Template.fromStack(entry.getValue().data())
                    .findResources("AWS::Cognito::UserPool")
                    .toString();
            assertThat(pool).as(entry.getKey()).contains("UserPoolTier=ESSENTIALS", "AwsSolutions-COG3");
        }
    }

    @Test
    void onlyProdPaysForAwsBackupOnTopOfPointInTimeRecovery() {
        assertThat(count(STACKS.get("dev"), "AWS::Backup::BackupPlan")).isZero();
        assertThat(count(STACKS.get("staging"), "AWS::Backup::BackupPlan")).isZero();
        // One plan and one vault for the stage, every table in it.
        Template prod = Template.fromStack(STACKS.get("prod").data());
        prod.resourceCountIs("AWS::Backup::BackupPlan", 1);
        prod.resourceCountIs("AWS::Backup::BackupVault", 1);
        prod.resourceCountIs("AWS::Backup::BackupSelection", 3);
        String staging = Template.fromStack(STACKS.get("staging").data())
                .findResources("AWS::DynamoDB::Table")
                .toString();
        assertThat(staging).contains("NIST.800.53.R5-DynamoDBInBackupPlan", "PointInTimeRecoveryEnabled=true");
    }

    @Test
    void alarmsWhereSomeoneActsOnThemAndOneDashboardInProd() {
        assertThat(count(STACKS.get("dev"), "AWS::CloudWatch::Alarm")).isZero();
        assertThat(count(STACKS.get("staging"), "AWS::CloudWatch::Alarm")).isPositive();
        assertThat(count(STACKS.get("prod"), "AWS::CloudWatch::Alarm")).isPositive();
        assertThat(count(STACKS.get("dev"), "AWS::CloudWatch::Dashboard")).isZero();
        assertThat(count(STACKS.get("staging"), "AWS::CloudWatch::Dashboard")).isZero();
        assertThat(count(STACKS.get("prod"), "AWS::CloudWatch::Dashboard")).isEqualTo(1);
        // Every stage keeps its budget.
        for (CairnApp.Stacks stacks : STACKS.values()) {
            assertThat(count(stacks, "AWS::Budgets::Budget")).isEqualTo(1);
        }
    }

    @Test
    void logsAreKeptAsLongAsTheStageSays() {
        for (Map.Entry<String, CairnApp.Stacks> entry : STACKS.entrySet()) {
            int days =
                    StageConfig.named(entry.getKey()).logRetention().toString().equals("ONE_WEEK") ? 7 : 30;
            for (Stack stack : entry.getValue().all()) {
                Template.fromStack(stack)
                        .findResources("AWS::Logs::LogGroup")
                        .values()
                        .forEach(group -> assertThat(group.toString())
                                .as(entry.getKey() + " " + stack.getStackName())
                                .contains("RetentionInDays=" + days));
            }
        }
    }
}
