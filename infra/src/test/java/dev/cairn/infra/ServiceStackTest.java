package dev.cairn.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

class ServiceStackTest {
    private static Template dev;
    private static Template prod;

    @BeforeAll
    static void synth() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "the api artifact is injected in tests");
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-cdk-out").toString())
                .build());
        ServiceStack devStack =
                CairnApp.build(app, StageConfig.DEV, "guitar-collection", Code.fromAsset(code.toString()));
        ServiceStack prodStack =
                CairnApp.build(app, StageConfig.PROD, "guitar-collection", Code.fromAsset(code.toString()));
        dev = Template.fromStack(devStack);
        prod = Template.fromStack(prodStack);
    }

    @Test
    void theApiFunctionIsJava25OnArmWithSnapStart() {
        dev.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "Runtime", "java25",
                        "Architectures", List.of("arm64"),
                        "Handler", ServiceStack.HANDLER,
                        "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                        "TracingConfig", Map.of("Mode", "Active"),
                        "Environment",
                                Map.of(
                                        "Variables",
                                        Match.objectLike(Map.of(
                                                "CAIRN_STAGE", "dev", "CAIRN_BLUEPRINT", "guitar-collection"))))));
    }

    @Test
    void theHttpApiCallsTheLiveAliasOnly() {
        dev.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
        Capture target = new Capture();
        dev.hasResourceProperties(
                "AWS::ApiGatewayV2::Integration",
                Match.objectLike(Map.of("IntegrationType", "AWS_PROXY", "IntegrationUri", target)));
        assertThat(target.asObject().toString()).contains("ApiLive");
    }

    @Test
    void logRetentionFollowsTheStage() {
        dev.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7));
        prod.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
        prod.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain"));
        dev.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Delete"));
    }

    @Test
    void failsIfTheBlueprintIsUnknown() {
        App app = new App();
        assertThatThrownBy(() -> CairnApp.build(app, StageConfig.DEV, "chess-club", Code.fromInline("x")))
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
