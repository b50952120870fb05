package dev.cairn.infra;

import dev.cairn.constructs.Compliance;
import dev.cairn.constructs.DeliveryPipeline;
import dev.cairn.constructs.DeliveryPipelineProps;
import dev.cairn.constructs.DeliveryStageOptions;
import dev.cairn.contract.Blueprint;
import java.util.List;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * The {@code pipeline} stack: CDK Pipelines from a GitHub connection, deploying one blueprint to
 * dev, then staging, then (after a manual approval) prod, each followed by a smoke test of
 * {@code /api/health} through the CDN. Synthesized only when {@code -c connectionArn=...} is given:
 *
 * <pre>
 * npx cdk deploy Cairn-guitar-collection-pipeline -c connectionArn=arn:aws:codeconnections:... \
 *     -c repository=owner/name -c branch=main -c blueprint=guitar-collection
 * </pre>
 *
 * <p>The stages deploy the same stacks, under the same names, as {@code cdk deploy} does.
 */
public final class PipelineStack extends Stack {
    private final DeliveryPipeline delivery;
    private final List<CairnApp.Stacks> stages;

    /** Where the pipeline's source is. */
    public record Source(String connectionArn, String repository, String branch) {}

    public PipelineStack(
            Construct scope,
            String id,
            StackProps props,
            Source source,
            Blueprint blueprint,
            List<StageConfig> stageConfigs,
            List<String> corsOrigins,
            Code appCode,
            String siteSource) {
        super(scope, id, props);
        String context = " -c blueprint=" + blueprint.name() + " -c connectionArn=" + source.connectionArn()
                + " -c repository=" + source.repository() + " -c branch=" + source.branch();
        this.delivery = new DeliveryPipeline(
                this,
                "Delivery",
                DeliveryPipelineProps.builder()
                        .repository(source.repository())
                        .connectionArn(source.connectionArn())
                        .branch(source.branch())
                        // The same context as this synthesis, or self-mutation would remove the pipeline.
                        .synthCommands(List.of("npm ci", "./mvnw -B verify", "npx cdk synth" + context))
                        .build());
        this.stages = stageConfigs.stream()
                .map(stage -> {
                    Stage deployment = new Stage(
                            scope,
                            "Cairn-" + blueprint.name() + "-" + stage.name(),
                            StageProps.builder()
                                    .env(Environment.builder()
                                            .account(stage.account())
                                            .region(stage.region())
                                            .build())
                                    .build());
                    CairnApp.Stacks stacks =
                            CairnApp.build(deployment, stage, blueprint, corsOrigins, appCode, siteSource);
                    // Aspects stop at a Stage: the packs must be applied inside each one.
                    Compliance.applyAllPacks(deployment);
                    delivery.addStage(
                            deployment,
                            DeliveryStageOptions.builder()
                                    .manualApproval(stage.name().equals(StageConfig.PROD.name()))
                                    .smokeTestUrlOutput(stacks.service().cdnUrlOutput())
                                    .smokeTestPath("/api/health")
                                    .build());
                    return stacks;
                })
                .toList();
        delivery.build();
    }

    public DeliveryPipeline delivery() {
        return delivery;
    }

    /** The stacks of each stage, in deployment order. */
    public List<CairnApp.Stacks> stages() {
        return stages;
    }
}
