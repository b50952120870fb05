package dev.cairn.infra;

import dev.cairn.constructs.Compliance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The CDK app that {@code cdk.json} runs: {@code npx cdk synth -c blueprint=guitar-collection -c
 * stage=dev}. Context and environment are read here, once; everything below takes typed props.
 */
public final class CairnApp {
    static final String DEFAULT_ARTIFACT = "app/target/cairn-api-lambda.jar";

    private CairnApp() {}

    public static void main(String[] args) {
        App app = new App();
        // Data cannot be deleted while a service stack still reads it.
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        String artifact = context(app, "lambdaArtifact", DEFAULT_ARTIFACT);
        Path jar = Path.of(artifact);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The api function's artifact is missing at " + jar.toAbsolutePath()
                    + ": build it with ./mvnw -pl app -am package -DskipTests");
        }
        StageConfig stage = StageConfig.named(context(app, "stage", "dev"))
                .in(System.getenv("CDK_DEFAULT_ACCOUNT"), System.getenv("CDK_DEFAULT_REGION"));
        String budget = context(app, "budget", "");
        if (!budget.isBlank()) {
            stage = stage.withBudget(Double.parseDouble(budget));
        }
        List<String> corsOrigins = Arrays.stream(context(app, "corsOrigins", "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        build(
                app,
                stage,
                Blueprint.named(context(app, "blueprint", "guitar-collection")),
                corsOrigins,
                Code.fromAsset(jar.toString()));
        Compliance.applyAllPacks(app);
        app.synth();
    }

    /** One blueprint's stacks for one stage. */
    public static Stacks build(
            App app, StageConfig stage, Blueprint blueprint, List<String> corsOrigins, Code apiCode) {
        String prefix = "Cairn-" + blueprint.name() + "-" + stage.name();
        Environment env = Environment.builder()
                .account(stage.account())
                .region(stage.region())
                .build();
        DataStack data = new DataStack(
                app,
                prefix + "-data",
                StackProps.builder()
                        .env(env)
                        .terminationProtection(stage.terminationProtection())
                        .description(blueprint.description() + " (" + stage.name() + "): data")
                        .build(),
                stage,
                blueprint,
                corsOrigins);
        ServiceStack service = new ServiceStack(
                app,
                prefix + "-service",
                StackProps.builder()
                        .env(env)
                        .description(blueprint.description() + " (" + stage.name() + "): service")
                        .build(),
                stage,
                blueprint,
                data,
                apiCode);
        for (var stack : List.of(data, service)) {
            Tags.of(stack).add("cairn:blueprint", blueprint.name());
            Tags.of(stack).add("cairn:stage", stage.name());
        }
        return new Stacks(data, service);
    }

    /** The stacks of one blueprint and stage. */
    public record Stacks(DataStack data, ServiceStack service) {}

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
