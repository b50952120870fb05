package dev.cairn.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The CDK app that {@code cdk.json} runs: {@code npx cdk synth -c blueprint=guitar-collection -c
 * stage=dev}. Context and environment are read here, once; everything below takes typed props.
 */
public final class CairnApp {
    public static final List<String> BLUEPRINTS =
            List.of("recipe-archive", "guitar-collection", "photo-portfolio", "retreat-audio", "personal-site");
    static final String DEFAULT_ARTIFACT = "app/target/cairn-api-lambda.jar";

    private CairnApp() {}

    public static void main(String[] args) {
        App app = new App();
        String stageName = context(app, "stage", "dev");
        String blueprint = context(app, "blueprint", "guitar-collection");
        String artifact = context(app, "lambdaArtifact", DEFAULT_ARTIFACT);
        Path jar = Path.of(artifact);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The api function's artifact is missing at " + jar.toAbsolutePath()
                    + ": build it with ./mvnw -pl app -am package -DskipTests");
        }
        StageConfig stage = StageConfig.named(stageName)
                .in(System.getenv("CDK_DEFAULT_ACCOUNT"), System.getenv("CDK_DEFAULT_REGION"));
        build(app, stage, blueprint, Code.fromAsset(jar.toString()));
        app.synth();
    }

    /** Adds one blueprint's stacks for one stage to {@code app}. */
    public static ServiceStack build(App app, StageConfig stage, String blueprint, Code apiCode) {
        if (!BLUEPRINTS.contains(blueprint)) {
            throw new IllegalArgumentException(
                    "blueprint must be one of " + BLUEPRINTS + " (value: " + blueprint + ")");
        }
        String prefix = "Cairn-" + blueprint + "-" + stage.name();
        StackProps props = StackProps.builder()
                .env(Environment.builder()
                        .account(stage.account())
                        .region(stage.region())
                        .build())
                .description("Cairn " + blueprint + " (" + stage.name() + "): service tier")
                .build();
        ServiceStack service = new ServiceStack(app, prefix + "-service", props, stage, blueprint, apiCode);
        Tags.of(service).add("cairn:blueprint", blueprint);
        Tags.of(service).add("cairn:stage", stage.name());
        return service;
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
