package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sns.Topic;

class DeliveryPipelineTest {

    static final String CONNECTION =
            "arn:aws:codeconnections:eu-west-1:123456789012:connection/11111111-2222-3333-4444-555555555555";

    private static Stack stack;
    private static Template template;
    private static DeliveryPipeline delivery;
    private static NagAudit.Findings nag;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        stack = TestApps.stack(app, "Delivery");
        delivery = new DeliveryPipeline(stack, "Pipeline", valid().build());
        Stage test = trivialStage(app, "Test");
        CfnOutput url = CfnOutput.Builder.create((Stack) test.getNode().findChild("App"), "BaseUrl")
                .value("https://test.example.com")
                .build();
        delivery.addStage(
                test, DeliveryStageOptions.builder().smokeTestUrlOutput(url).build());
        delivery.addStage(
                trivialStage(app, "Prod"),
                DeliveryStageOptions.builder()
                        .manualApproval(true)
                        .smokeTestUrl("https://app.example.com")
                        .smokeTestPath("/api/health")
                        .build());
        delivery.build();
        nag = NagAudit.audit(stack);
        template = Template.fromStack(stack);
    }

    private static DeliveryPipelineProps.Builder valid() {
        return DeliveryPipelineProps.builder().repository("cairn-dev/cairn").connectionArn(CONNECTION);
    }

    /** A stage with one trivial stack: the pipeline only needs something to deploy. */
    static Stage trivialStage(App app, String name) {
        Stage stage = new Stage(
                app,
                name,
                StageProps.builder()
                        .env(Environment.builder()
                                .account(TestApps.ACCOUNT)
                                .region(TestApps.REGION)
                                .build())
                        .build());
        new Topic(new Stack(stage, "App"), "Topic");
        return stage;
    }

    private static List<Map<?, ?>> stages() {
        Map<String, Map<String, Object>> pipelines = template.findResources("AWS::CodePipeline::Pipeline");
        assertThat(pipelines).hasSize(1);
        Map<?, ?> properties = (Map<?, ?>) pipelines.values().iterator().next().get("Properties");
        return ((List<?>) properties.get("Stages"))
                .stream().<Map<?, ?>>map(s -> (Map<?, ?>) s).toList();
    }

    private static List<String> actionNames(String stageName) {
        return stages().stream()
                .filter(s -> stageName.equals(s.get("Name")))
                .flatMap(s -> ((List<?>) s.get("Actions")).stream())
                .map(a -> ((Map<?, ?>) a).get("Name") + ":" + ((Map<?, ?>) a).get("RunOrder"))
                .toList();
    }

    @Test
    void isNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void pinsTheLogicalIdsOfArtifactBucketAndKey() {
        assertThat(template.findResources("AWS::S3::Bucket"))
                .containsOnlyKeys("PipelineArtifactsEB21E7E8", "PipelineAccessLogs3A10AC0B");
        assertThat(template.findResources("AWS::KMS::Key")).containsKey("PipelineArtifactKeyFFEED257");
    }

    @Test
    void stagesRunInTheOrderAddedAfterSourceSynthAndSelfMutation() {
        assertThat(stages().stream().map(s -> String.valueOf(s.get("Name"))).toList())
                .containsExactly("Source", "Build", "UpdatePipeline", "Test", "Prod");
    }

    @Test
    void sourceIsTheGitHubRepositoryThroughTheConnection() {
        assertThat(stages().get(0).toString())
                .contains(
                        "Provider=CodeStarSourceConnection",
                        "ConnectionArn=" + CONNECTION,
                        "FullRepositoryId=cairn-dev/cairn",
                        "BranchName=main");
    }

    @Test
    void synthRunsNpmCiMavenVerifyAndCdkSynthIntoCdkOut() {
        template.hasResourceProperties(
                "AWS::CodeBuild::Project",
                Match.objectLike(Map.of(
                        "Source",
                        Match.objectLike(Map.of(
                                "BuildSpec",
                                Match.serializedJson(Match.objectLike(Map.of(
                                        "phases",
                                        Map.of(
                                                "build",
                                                Map.of(
                                                        "commands",
                                                        List.of("npm ci", "./mvnw -B verify", "npx cdk synth"))),
                                        "artifacts",
                                        Match.objectLike(Map.of("base-directory", "cdk.out"))))))))));
    }

    @Test
    void manualApprovalOnlyBeforeTheStagesThatAskForIt() {
        assertThat(actionNames("Test")).noneMatch(a -> a.startsWith("Approve"));
        assertThat(actionNames("Prod")).first().isEqualTo("ApproveProd:1");
    }

    @Test
    void smokeTestRunsAfterEachStageDeployment() {
        assertThat(actionNames("Test")).last().isEqualTo("SmokeTestTest:3");
        assertThat(actionNames("Prod")).last().isEqualTo("SmokeTestProd:4");
        template.hasResourceProperties(
                "AWS::CodeBuild::Project",
                Match.objectLike(Map.of(
                        "Source",
                        Match.objectLike(Map.of(
                                "BuildSpec", Match.stringLikeRegexp(".*curl -fsS .*\\$BASE_URL/api/health.*"))))));
        // The Test stage gives no path: its smoke test fetches the base URL itself.
        template.hasResourceProperties(
                "AWS::CodeBuild::Project",
                Match.objectLike(Map.of(
                        "Source",
                        Match.objectLike(
                                Map.of("BuildSpec", Match.stringLikeRegexp(".*curl -fsS .*\\$BASE_URL/\\\\\".*"))))));
        template.hasResourceProperties(
                "AWS::CodeBuild::Project",
                Match.objectLike(Map.of(
                        "Environment",
                        Match.objectLike(Map.of(
                                "EnvironmentVariables",
                                Match.arrayWith(List.of(Match.objectLike(
                                        Map.of("Name", "BASE_URL", "Value", "https://app.example.com")))))))));
        // The Test stage reads its URL from the stack output after deploying it.
        assertThat(stages().get(3).toString()).contains("BASE_URL", "#{", "BaseUrl");
    }

    @Test
    void artifactsAreKmsEncryptedAndBuildsUnprivilegedEncryptedAndLogged() {
        Map<?, ?> properties = (Map<?, ?>) template.findResources("AWS::CodePipeline::Pipeline")
                .values()
                .iterator()
                .next()
                .get("Properties");
        assertThat(properties.get("ArtifactStore").toString())
                .contains("Type=KMS", "PipelineArtifactKeyFFEED257", "PipelineArtifactsEB21E7E8");
        template.allResourcesProperties(
                "AWS::CodeBuild::Project",
                Match.objectLike(Map.of(
                        "EncryptionKey",
                        Map.of("Fn::GetAtt", List.of("PipelineArtifactKeyFFEED257", "Arn")),
                        "Environment",
                        Match.objectLike(Map.of("PrivilegedMode", false, "Type", "ARM_CONTAINER")),
                        "LogsConfig",
                        Map.of(
                                "CloudWatchLogs",
                                Map.of(
                                        "GroupName",
                                        Map.of("Ref", Match.stringLikeRegexp("PipelineBuildLogs.*")),
                                        "Status",
                                        "ENABLED")))));
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
                                        Map.of(
                                                "SSEAlgorithm",
                                                "aws:kms",
                                                "KMSMasterKeyID",
                                                Map.of("Fn::GetAtt", List.of("PipelineArtifactKeyFFEED257", "Arn")))))),
                        "VersioningConfiguration",
                        Map.of("Status", "Enabled"))));
    }

    @Test
    void failsAtSynthIfNeverBuilt() {
        App app = TestApps.app();
        Stack unbuilt = TestApps.stack(app, "Unbuilt");
        new DeliveryPipeline(unbuilt, "Pipeline", valid().build());
        assertThatThrownBy(app::synth).hasMessageContaining("call build() after the last addStage");
    }

    @Test
    void failsIfStageAddedAfterBuildOrTwice() {
        App app = TestApps.app();
        DeliveryPipeline pipeline = new DeliveryPipeline(TestApps.stack(app, "P"), "Pipeline", valid().build());
        DeliveryStageOptions options = DeliveryStageOptions.builder()
                .smokeTestUrl("https://x.example.com")
                .build();
        Stage dev = trivialStage(app, "Dev");
        pipeline.addStage(dev, options);
        assertThatThrownBy(() -> pipeline.addStage(dev, options))
                .hasMessageContaining("stage names must be unique in the pipeline (value: Dev)");
        pipeline.build();
        assertThatThrownBy(() -> pipeline.addStage(trivialStage(app, "Late"), options))
                .hasMessageContaining("addStage must come before build() (value: Late)");
    }

    @Test
    void failsIfSmokeTestUrlMissingBothOrNotHttps() {
        App app = TestApps.app();
        DeliveryPipeline pipeline = new DeliveryPipeline(TestApps.stack(app, "P"), "Pipeline", valid().build());
        Stage dev = trivialStage(app, "Dev");
        assertThatThrownBy(() ->
                        pipeline.addStage(dev, DeliveryStageOptions.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "exactly one of smokeTestUrl and smokeTestUrlOutput is required (value: null, null)");
        assertThatThrownBy(() -> pipeline.addStage(
                        dev,
                        DeliveryStageOptions.builder()
                                .smokeTestUrl("http://dev.example.com/")
                                .build()))
                .hasMessageContaining(
                        "smokeTestUrl must be an https:// base URL without trailing slash (value: http://dev.example.com/)");
    }

    @Test
    void failsIfSmokeTestPathIsNotASafePath() {
        App app = TestApps.app();
        DeliveryPipeline pipeline = new DeliveryPipeline(TestApps.stack(app, "P"), "Pipeline", valid().build());
        Stage dev = trivialStage(app, "Dev");
        for (String path : List.of("api/health", "/health\"; rm -rf /", "/health?x=$HOME")) {
            assertThatThrownBy(() -> pipeline.addStage(
                            dev,
                            DeliveryStageOptions.builder()
                                    .smokeTestUrl("https://dev.example.com")
                                    .smokeTestPath(path)
                                    .build()))
                    .hasMessageContaining("smokeTestPath must start with / and hold only letters, digits and -._~/"
                            + " (value: " + path + ")");
        }
    }

    @Test
    void failsIfRepositoryOrConnectionMissingOrMalformed() {
        assertThatThrownBy(() -> new DeliveryPipeline(
                        TestApps.stack(),
                        "Pipeline",
                        DeliveryPipelineProps.builder().build()))
                .hasMessageContaining("repository is required (value: null)")
                .hasMessageContaining("connectionArn is required (value: null)");
        assertThatThrownBy(() -> new DeliveryPipeline(
                        TestApps.stack(),
                        "Pipeline",
                        DeliveryPipelineProps.builder()
                                .repository("https://github.com/cairn-dev/cairn")
                                .connectionArn("arn:aws:iam::123456789012:role/x")
                                .branch(" ")
                                .synthCommands(List.of())
                                .build()))
                .hasMessageContaining("repository must be \"owner/name\" (value: https://github.com/cairn-dev/cairn)")
                .hasMessageContaining("connectionArn must be a CodeStar/CodeConnections connection ARN")
                .hasMessageContaining("branch must not be blank")
                .hasMessageContaining("synthCommands must not be empty");
    }

    @Test
    void destroyLeavesAWarning() {
        Stack other = TestApps.stack();
        new DeliveryPipeline(
                other, "Pipeline", valid().removalPolicy(RemovalPolicy.DESTROY).build());
        assertThat(other.getNode().findChild("Pipeline").getNode().getMetadata().stream()
                        .map(entry -> String.valueOf(entry.getData()))
                        .toList()
                        .toString())
                .contains("@cairn/constructs:removalPolicy");
    }

    @Test
    void exposesPipelineSourceAndArtifactStore() {
        assertThat(delivery.getPipeline().getPipeline()).isNotNull();
        assertThat(delivery.getSource()).isNotNull();
        assertThat(delivery.getArtifactKey()).isNotNull();
        assertThat(delivery.getArtifactBucket().getEncryptionKey()).isSameAs(delivery.getArtifactKey());
        assertThat(delivery.getBuildLogGroup()).isNotNull();
        assertThat(delivery.getAccessLogsBucket()).isNotNull();
    }
}
