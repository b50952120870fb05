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
 * Props of {@link ApiFunction}. The setters of {@link Builder} say what each prop means and its
 * default.
 *
 * @param code see {@link Builder#code}
 * @param handler see {@link Builder#handler}
 * @param description see {@link Builder#description}
 * @param memorySize see {@link Builder#memorySize}
 * @param timeout see {@link Builder#timeout}
 * @param environment see {@link Builder#environment}
 * @param reservedConcurrentExecutions see {@link Builder#reservedConcurrentExecutions}
 * @param logRetention see {@link Builder#logRetention}
 * @param logEncryptionKey see {@link Builder#logEncryptionKey}
 * @param deploymentConfig see {@link Builder#deploymentConfig}
 * @param rollbackAlarms see {@link Builder#rollbackAlarms}
 * @param deadLetterQueue see {@link Builder#deadLetterQueue}
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

        /**
         * The handler's code (the built jar in apps; a small asset in tests).
         *
         * <p>Default: none; required.
         */
        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        /**
         * The handler, e.g. {@code com.example.Handler::handleRequest}.
         *
         * <p>Default: none; required.
         */
        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        /**
         * The function description.
         *
         * <p>Default: none.
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Memory in MB, 128..10240.
         *
         * <p>Default: 1024.
         */
        public Builder memorySize(Integer memorySize) {
            this.memorySize = memorySize;
            return this;
        }

        /**
         * 1 s..900 s.
         *
         * <p>Default: 29 s (under API Gateway's 30 s integration limit).
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Environment variables (Lambda's reserved names are rejected).
         *
         * <p>Default: none.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        /**
         * Reserved concurrency, at least 1.
         *
         * <p>Default: none (the account's unreserved pool; the API stage throttling bounds the rate).
         */
        public Builder reservedConcurrentExecutions(Integer reservedConcurrentExecutions) {
            this.reservedConcurrentExecutions = reservedConcurrentExecutions;
            return this;
        }

        /**
         * Retention of the function's log group.
         *
         * <p>Default: one month.
         */
        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        /**
         * KMS key of the log group (its policy must admit CloudWatch Logs).
         *
         * <p>Default: a new key with rotation, usable by CloudWatch Logs only.
         */
        public Builder logEncryptionKey(IKey logEncryptionKey) {
            this.logEncryptionKey = logEncryptionKey;
            return this;
        }

        /**
         * How CodeDeploy shifts traffic to a new version of {@code live}.
         *
         * <p>Default: canary 10% for 5 minutes when {@code rollbackAlarms} are given, else all at once.
         */
        public Builder deploymentConfig(ILambdaDeploymentConfig deploymentConfig) {
            this.deploymentConfig = deploymentConfig;
            return this;
        }

        /**
         * Alarms that roll a deployment back.
         *
         * <p>Default: none (rollback on failed or stopped deployments only).
         */
        public Builder rollbackAlarms(List<IAlarm> rollbackAlarms) {
            this.rollbackAlarms = rollbackAlarms;
            return this;
        }

        /**
         * Queue for failed asynchronous invocations.
         *
         * <p>Default: none (API calls are synchronous; errors go back to the caller).
         */
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
