package dev.cairn.constructs;

import java.util.Set;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.codedeploy.ILambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Runtime;

/** Defaults of the compute tier (Lambda). */
public final class ComputeDefaults {

    /** The alias callers use; the only published entry point of a function. */
    public static final String LIVE_ALIAS = "live";

    /**
     * 1 GB: Java's JIT and the AWS SDK need the CPU that comes with memory, and on arm64 it is the
     * usual cost/latency sweet spot for a Micronaut handler; tune per function with benchmarks.
     */
    public static final int MEMORY_SIZE_MB = 1024;

    /**
     * One second under API Gateway's 30 s integration limit, so a slow call ends in the function
     * (logged, traced) rather than as a gateway timeout with no trace.
     */
    public static final Duration TIMEOUT = Duration.seconds(29);

    /** Environment variables Lambda sets itself and rejects in a function's configuration. */
    public static final Set<String> RESERVED_ENVIRONMENT = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    private ComputeDefaults() {}

    public static Runtime runtime() {
        return Runtime.JAVA_25;
    }

    public static Architecture architecture() {
        return Architecture.ARM_64;
    }

    /** Canary when there are alarms to roll back on; otherwise a canary would only delay. */
    public static ILambdaDeploymentConfig deploymentConfig(boolean hasRollbackAlarms) {
        return hasRollbackAlarms
                ? LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES
                : LambdaDeploymentConfig.ALL_AT_ONCE;
    }
}
