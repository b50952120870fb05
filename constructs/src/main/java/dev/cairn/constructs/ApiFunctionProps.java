package dev.cairn.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.codedeploy.ILambdaDeploymentConfig;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Props of {@link ApiFunction}.
 *
 * @param code the handler's code (the built jar in apps; a small asset in tests). Required.
 * @param handler the handler, e.g. {@code com.example.Handler::handleRequest}. Required.
 * @param description the function description. Default: none.
 * @param memorySize memory in MB, 128..10240. Default: 1024.
 * @param timeout 1 s..900 s. Default: 29 s (under API Gateway's 30 s integration limit).
 * @param environment environment variables (Lambda's reserved names are rejected). Default: none.
 * @param reservedConcurrentExecutions reserved concurrency, at least 1. Default: none (the account's
 *     unreserved pool; the API stage throttling bounds the rate).
 * @param logRetention retention of the function's log group. Default: one month.
 * @param logEncryptionKey KMS key of the log group (its policy must admit CloudWatch Logs).
 *     Default: a new key with rotation, usable by CloudWatch Logs only.
 * @param deploymentConfig how CodeDeploy shifts traffic to a new version of {@code live}.
 *     Default: canary 10% for 5 minutes when {@code rollbackAlarms} are given, else all at once.
 * @param rollbackAlarms alarms that roll a deployment back. Default: none (rollback on failed or
 *     stopped deployments only).
 * @param deadLetterQueue queue for failed asynchronous invocations. Default: none (API calls are
 *     synchronous; errors go back to the caller).
 */
public record ApiFunctionProps(
        Code code,
        String handler,
        String description,
        Integer memorySize,
        Duration timeout,
        Map<String, String> environment,
        Integer reservedConcurrentExecutions,
        RetentionDays logRetention,
        IKey logEncryptionKey,
        ILambdaDeploymentConfig deploymentConfig,
        List<IAlarm> rollbackAlarms,
        IQueue deadLetterQueue) {

    public ApiFunctionProps {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        rollbackAlarms = rollbackAlarms == null ? List.of() : List.copyOf(rollbackAlarms);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ApiFunctionProps}. */
    public static final class Builder {
        private Code code;
        private String handler;
        private String description;
        private Integer memorySize;
        private Duration timeout;
        private Map<String, String> environment;
        private Integer reservedConcurrentExecutions;
        private RetentionDays logRetention;
        private IKey logEncryptionKey;
        private ILambdaDeploymentConfig deploymentConfig;
        private List<IAlarm> rollbackAlarms;
        private IQueue deadLetterQueue;

        private Builder() {}

        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder memorySize(Integer memorySize) {
            this.memorySize = memorySize;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder reservedConcurrentExecutions(Integer reservedConcurrentExecutions) {
            this.reservedConcurrentExecutions = reservedConcurrentExecutions;
            return this;
        }

        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        public Builder logEncryptionKey(IKey logEncryptionKey) {
            this.logEncryptionKey = logEncryptionKey;
            return this;
        }

        public Builder deploymentConfig(ILambdaDeploymentConfig deploymentConfig) {
            this.deploymentConfig = deploymentConfig;
            return this;
        }

        public Builder rollbackAlarms(List<IAlarm> rollbackAlarms) {
            this.rollbackAlarms = rollbackAlarms;
            return this;
        }

        public Builder deadLetterQueue(IQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return this;
        }

        public ApiFunctionProps build() {
            return new ApiFunctionProps(
                    code,
                    handler,
                    description,
                    memorySize,
                    timeout,
                    environment,
                    reservedConcurrentExecutions,
                    logRetention,
                    logEncryptionKey,
                    deploymentConfig,
                    rollbackAlarms,
                    deadLetterQueue);
        }
    }
}
