package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.constructs.Compliance;
import dev.cairn.contract.Blueprints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/** The pipeline stack with its three stages, synthesized once with all five cdk-nag packs. */
class PipelineStackTest {
    private static final String CONNECTION =
            "arn:aws:codeconnections:eu-west-1:123456789012:connection/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
    private static Path outdir;
    private static PipelineStack pipeline;

    @BeforeAll
    static void synthesize() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "the api artifact is injected in tests");
        outdir = Files.createTempDirectory("cairn-pipeline-out");
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        pipeline = CairnApp.pipeline(
                app,
                new PipelineStack.Source(CONNECTION, "cairn-dev/cairn", "main"),
                Blueprints.named("guitar-collection"),
                StageConfig.STAGES_IN_ORDER.stream()
                        .map(s -> s.in(BlueprintStacksTest.ACCOUNT, BlueprintStacksTest.REGION)
                                .withEmailFrom(BlueprintStacksTest.EMAIL_FROM)
                                .withAlarmEmails(List.of(BlueprintStacksTest.ALARM_EMAIL)))
                        .toList(),
                List.of(),
                Code.fromAsset(code.toString()),
                CairnApp.placeholderSite().toString());
        Compliance.applyAllPacks(app);
        app.synth();
    }

    /**
     * The stages' stacks are the ones BlueprintStacksTest checks; inside a pipeline they must be
     * checked too, which needs the packs applied inside each Stage.
     */
    @Test
    void theStagesStacksAreNagClean() throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.walk(outdir)) {
            reports = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-NagReport.csv"))
                    .filter(n -> !n.contains("-pipeline-"))
                    .map(outdir::resolve)
                    .toList();
        }
        assertThat(reports).hasSize(3 * 3 * 5);
        List<String> findings = new ArrayList<>();
        for (Path report : reports) {
            for (String row : Files.readAllLines(report)) {
                if (row.contains("\"Non-Compliant\"")) {
                    findings.add(report.getFileName() + ": " + row);
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    /** The pipeline's own stack, and the support stack it needs in the edge stack's region. */
    @Test
    void thePipelineItselfIsNagClean() throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.walk(outdir)) {
            reports = files.filter(p -> p.getFileName().toString().endsWith("-NagReport.csv"))
                    .filter(p -> !reports(p).contains("-dev-")
                            && !reports(p).contains("-staging-")
                            && !reports(p).contains("-prod-"))
                    .toList();
        }
        assertThat(reports).isNotEmpty();
        // The replication bucket CodePipeline adds in us-east-1 is versioned and access-logged.
        String support;
        try (Stream<Path> files = Files.walk(outdir)) {
            support = Files.readString(files.filter(
                            p -> p.getFileName().toString().matches("cross-region-stack-.*us-east-1\\.template\\.json"))
                    .findFirst()
                    .orElseThrow());
        }
        assertThat(support).contains("\"VersioningConfiguration\"").contains("\"LogFilePrefix\": \"replication/\"");
        List<String> findings = new ArrayList<>();
        for (Path report : reports) {
            for (String row : Files.readAllLines(report)) {
                if (row.contains("\"Non-Compliant\"")) {
                    findings.add(report.getFileName() + ": " + row);
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    private static String reports(Path report) {
        return report.getFileName().toString();
    }

    @Test
    void stagesRunDevThenStagingThenProdWithAnApprovalBeforeProd() {
        assertThat(pipeline.stages())
                .extracting(stacks -> stacks.service().getStackName())
                .containsExactly(
                        "Cairn-guitar-collection-dev-service",
                        "Cairn-guitar-collection-staging-service",
                        "Cairn-guitar-collection-prod-service");
        Template template = Template.fromStack(pipeline);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages =
                (List<Map<String, Object>>) ((Map<String, Object>) template.findResources("AWS::CodePipeline::Pipeline")
                                .values()
                                .iterator()
                                .next()
                                .get("Properties"))
                        .get("Stages");
        List<String> names = stages.stream().map(s -> (String) s.get("Name")).toList();
        assertThat(names.indexOf("Cairn-guitar-collection-dev"))
                .isPositive()
                .isLessThan(names.indexOf("Cairn-guitar-collection-staging"));
        assertThat(names.indexOf("Cairn-guitar-collection-staging"))
                .isLessThan(names.indexOf("Cairn-guitar-collection-prod"));
        String prod = stages.get(names.indexOf("Cairn-guitar-collection-prod")).toString();
        String staging =
                stages.get(names.indexOf("Cairn-guitar-collection-staging")).toString();
        assertThat(prod).contains("Category=Approval");
        assertThat(staging).doesNotContain("Category=Approval");
    }

    @Test
    void theSourceIsTheGitHubConnectionAndSynthKeepsThePipelineContext() {
        Template template = Template.fromStack(pipeline);
        template.hasResourceProperties(
                "AWS::CodePipeline::Pipeline",
                Match.objectLike(Map.of(
                        "Stages",
                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "Name",
                                "Source",
                                "Actions",
                                List.of(Match.objectLike(Map.of(
                                        "Configuration",
                                        Match.objectLike(
                                                Map.of(
                                                        "ConnectionArn",
                                                        CONNECTION,
                                                        "FullRepositoryId",
                                                        "cairn-dev/cairn",
                                                        "BranchName",
                                                        "main"))))))))))));
        String builds = template.findResources("AWS::CodeBuild::Project").toString();
        assertThat(builds).contains("npx cdk synth -c blueprint=guitar-collection -c connectionArn=" + CONNECTION);
    }

    @Test
    void theStagesDeployTheSameStacksAsTheCli() {
        for (CairnApp.Stacks stacks : pipeline.stages()) {
            for (Stack stack : stacks.all()) {
                assertThat(stack.getStackName()).startsWith("Cairn-guitar-collection-");
                assertThat(stack.getStackName())
                        .endsWith(stack.getNode()
                                .getId()
                                .substring(stack.getNode().getId().lastIndexOf('-')));
            }
        }
    }
}
