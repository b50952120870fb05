package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.constructs.Compliance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.lambda.Code;

/** Every blueprint in every stage, synthesized once with all five cdk-nag packs. */
class BlueprintStacksTest {
    private static final Map<String, CairnApp.Stacks> STACKS = new LinkedHashMap<>();
    private static Path outdir;

    @BeforeAll
    static void synthesizeEverything() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "the api artifact is injected in tests");
        outdir = Files.createTempDirectory("cairn-cdk-out");
        App app = new App(AppProps.builder()
                .outdir(outdir.toString())
                .context(Map.of("@aws-cdk/core:crossStackReferenceStrength", "strong"))
                .build());
        for (Blueprint blueprint : Blueprint.BLUEPRINTS.values()) {
            for (StageConfig stage : StageConfig.STAGES.values()) {
                STACKS.put(
                        blueprint.name() + "/" + stage.name(),
                        CairnApp.build(
                                app,
                                stage,
                                blueprint,
                                List.of("https://app.example.com"),
                                Code.fromAsset(code.toString())));
            }
        }
        Compliance.applyAllPacks(app);
        app.synth();
    }

    @Test
    void everyStackIsCleanUnderAllFiveNagPacks() throws IOException {
        List<String> reports;
        try (Stream<Path> files = Files.list(outdir)) {
            reports = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-NagReport.csv"))
                    .sorted()
                    .toList();
        }
        // 15 blueprint-stage pairs, two stacks each, five packs.
        assertThat(reports).hasSize(15 * 2 * 5);
        List<String> findings = new ArrayList<>();
        for (String report : reports) {
            for (String row : Files.readAllLines(outdir.resolve(report))) {
                if (row.contains("\"Non-Compliant\"")) {
                    findings.add(report + ": " + row);
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void synthesisLeavesNoWarnings() {
        for (CairnApp.Stacks stacks :
                List.of(STACKS.get("guitar-collection/prod"), STACKS.get("photo-portfolio/dev"))) {
            for (Stack stack : List.of(stacks.data(), stacks.service())) {
                List<SynthesisMessage> warnings =
                        Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp(".*"));
                assertThat(warnings).as(stack.getStackName()).isEmpty();
            }
        }
    }

    @Test
    void outsideDevEveryStatefulResourceIsRetainedAndProtected() {
        STACKS.forEach((name, stacks) -> {
            Template data = Template.fromStack(stacks.data());
            boolean retained = !name.endsWith("/dev");
            String policy = retained ? "Retain" : "Delete";
            for (String type :
                    List.of("AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::Cognito::UserPool", "AWS::KMS::Key")) {
                data.allResources(type, Match.objectLike(Map.of("DeletionPolicy", policy)));
            }
            data.allResourcesProperties(
                    "AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionProtectionEnabled", retained)));
            data.allResourcesProperties(
                    "AWS::Cognito::UserPool",
                    Match.objectLike(Map.of("DeletionProtection", retained ? "ACTIVE" : "INACTIVE")));
            assertThat(stacks.data().getTerminationProtection()).as(name).isEqualTo(retained);
        });
    }

    @Test
    void eachBlueprintGetsExactlyItsTablesWithTheSeedsKeys() {
        Template guitars =
                Template.fromStack(STACKS.get("guitar-collection/prod").data());
        guitars.resourceCountIs("AWS::DynamoDB::Table", 3);
        guitars.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "KeySchema",
                                List.of(
                                        Map.of("AttributeName", "userId", "KeyType", "HASH"),
                                        Map.of("AttributeName", "guitarId", "KeyType", "RANGE")),
                        "GlobalSecondaryIndexes",
                                List.of(Match.objectLike(Map.of(
                                        "IndexName",
                                        "brand-userId-index",
                                        "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "brand", "KeyType", "HASH"),
                                                Map.of("AttributeName", "userId", "KeyType", "RANGE"))))))));
        Template portfolio =
                Template.fromStack(STACKS.get("photo-portfolio/prod").data());
        portfolio.resourceCountIs("AWS::DynamoDB::Table", 5);
        portfolio.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "AttributeDefinitions",
                        Match.arrayWith(List.of(Map.of("AttributeName", "order", "AttributeType", "N"))))));
        Template.fromStack(STACKS.get("retreat-audio/dev").data()).resourceCountIs("AWS::DynamoDB::Table", 5);
        Template.fromStack(STACKS.get("personal-site/dev").data()).resourceCountIs("AWS::DynamoDB::Table", 6);
        Template.fromStack(STACKS.get("recipe-archive/dev").data()).resourceCountIs("AWS::DynamoDB::Table", 4);
    }

    @Test
    void theApiFunctionRunsOnSnapStartBehindTheLiveAlias() {
        STACKS.forEach((name, stacks) -> {
            Template service = Template.fromStack(stacks.service());
            service.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Match.objectLike(Map.of(
                            "Runtime",
                            "java25",
                            "Handler",
                            ApiContract.API_HANDLER,
                            "SnapStart",
                            Map.of("ApplyOn", "PublishedVersions"))));
            service.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
        });
    }

    @Test
    void theApiFunctionGetsEveryTableItsBlueprintHas() {
        STACKS.forEach((name, stacks) -> {
            Map<String, Map<String, Object>> functions = Template.fromStack(stacks.service())
                    .findResources(
                            "AWS::Lambda::Function",
                            Match.objectLike(Map.of(
                                    "Properties", Match.objectLike(Map.of("Handler", ApiContract.API_HANDLER)))));
            assertThat(functions).hasSize(1);
            String rendered = functions.values().iterator().next().toString();
            Blueprint blueprint = Blueprint.named(name.substring(0, name.indexOf('/')));
            for (TableSpec table : blueprint.allTables()) {
                assertThat(rendered).as(name).contains(table.environmentVariable());
            }
            assertThat(rendered)
                    .contains(ApiContract.USER_POOL_ID)
                    .contains(ApiContract.CLIENT_ID)
                    .contains(ApiContract.MEDIA_BUCKET)
                    .contains("CAIRN_STAGE=" + name.substring(name.indexOf('/') + 1));
        });
    }

    @Test
    void noIamStatementGrantsEverything() {
        STACKS.forEach((name, stacks) -> {
            for (Stack stack : List.of(stacks.data(), stacks.service())) {
                Map<String, Map<String, Object>> policies =
                        Template.fromStack(stack).findResources("AWS::IAM::Policy");
                assertThat(policies.toString())
                        .as(stack.getStackName())
                        .doesNotContain("Action=*,")
                        .doesNotContain("Action=[*]");
                assertThat(policies.toString()).as(stack.getStackName()).doesNotContain("dynamodb:Scan");
            }
        });
    }

    @Test
    void alarmThresholdsFollowTheStage() {
        Template.fromStack(STACKS.get("guitar-collection/prod").service())
                .hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Threshold", 500)));
        Template.fromStack(STACKS.get("guitar-collection/dev").service())
                .hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Threshold", 1000)));
        Template.fromStack(STACKS.get("guitar-collection/prod").service())
                .hasResourceProperties(
                        "AWS::Budgets::Budget",
                        Match.objectLike(Map.of(
                                "Budget",
                                Match.objectLike(Map.of("BudgetLimit", Map.of("Amount", 200, "Unit", "USD"))))));
    }

    @Test
    void failsIfTheBlueprintIsUnknown() {
        assertThatThrownBy(() -> Blueprint.named("chess-club"))
                .hasMessageContaining("blueprint must be one of")
                .hasMessageContaining("(value: chess-club)");
    }

    @Test
    void failsIfTheStageIsUnknown() {
        assertThatThrownBy(() -> StageConfig.named("qa"))
                .hasMessageContaining("stage must be one of [dev, prod, staging]")
                .hasMessageContaining("(value: qa)");
    }
}
