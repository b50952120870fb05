package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.ComputeType;
import software.amazon.awscdk.services.codebuild.LinuxArmBuildImage;

/** Defaults of the delivery tier (CDK Pipelines, CodeBuild). */
public final class PipelineDefaults {

    public static final String BRANCH = "main";

    /** Node for the CDK CLI, then the Maven reactor's tests, then the cloud assembly. */
    public static final List<String> SYNTH_COMMANDS = List.of("npm ci", "./mvnw -B verify", "npx cdk synth");

    /** Where {@code cdk synth} writes the cloud assembly the pipeline deploys. */
    public static final String CLOUD_ASSEMBLY_DIR = "cdk.out";

    /** Appended to a stage's base URL by its smoke test unless {@code smokeTestPath} says otherwise. */
    public static final String SMOKE_TEST_PATH = "/";

    public static final Duration BUILD_TIMEOUT = Duration.minutes(30);

    /** Artifacts are inputs of one run; a month covers re-running and investigating old runs. */
    public static final int ARTIFACT_EXPIRE_DAYS = 30;

    private PipelineDefaults() {}

    /**
     * Arm (Graviton) standard image, medium: the Maven build with Java 25 needs the memory; never
     * privileged (no Docker builds in Cairn's pipeline).
     */
    public static BuildEnvironment buildEnvironment() {
        return BuildEnvironment.builder()
                .buildImage(LinuxArmBuildImage.AMAZON_LINUX_2023_STANDARD_3_0)
                .computeType(ComputeType.MEDIUM)
                .privileged(false)
                .build();
    }

    /** The smoke test of one stage: fails on any non-2xx answer or a connection error. */
    public static String smokeTestCommand(String baseUrlExpression, String path) {
        return "curl -fsS --retry 5 --retry-all-errors --max-time 10 \"" + baseUrlExpression + path + "\"";
    }
}
