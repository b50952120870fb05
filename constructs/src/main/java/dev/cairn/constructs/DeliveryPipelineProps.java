package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;

/**
 * Props of {@link DeliveryPipeline}.
 *
 * @param repository the GitHub repository as {@code "owner/name"}. Required.
 * @param branch the branch that triggers the pipeline. Default: {@code "main"}.
 * @param connectionArn ARN of the CodeStar/CodeConnections connection to GitHub (created and
 *     authorised in the console once per account). Required.
 * @param synthCommands commands of the synth step, run at the repository root; they must leave
 *     the cloud assembly in {@code cdk.out}. Default: {@code npm ci}, {@code ./mvnw -B verify},
 *     {@code npx cdk synth}.
 * @param selfMutation whether the pipeline updates itself before deploying. Default: true.
 * @param removalPolicy what happens to the artifact bucket, its key and its log bucket when they
 *     leave the stack. Default: RETAIN; anything else is reported as a synth warning.
 */
public record DeliveryPipelineProps(
        String repository,
        String branch,
        String connectionArn,
        List<String> synthCommands,
        Boolean selfMutation,
        RemovalPolicy removalPolicy) {

    public DeliveryPipelineProps {
        synthCommands = synthCommands == null ? null : List.copyOf(synthCommands);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link DeliveryPipelineProps}. */
    public static final class Builder {
        private String repository;
        private String branch;
        private String connectionArn;
        private List<String> synthCommands;
        private Boolean selfMutation;
        private RemovalPolicy removalPolicy;

        private Builder() {}

        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder connectionArn(String connectionArn) {
            this.connectionArn = connectionArn;
            return this;
        }

        public Builder synthCommands(List<String> synthCommands) {
            this.synthCommands = synthCommands;
            return this;
        }

        public Builder selfMutation(Boolean selfMutation) {
            this.selfMutation = selfMutation;
            return this;
        }

        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public DeliveryPipelineProps build() {
            return new DeliveryPipelineProps(
                    repository, branch, connectionArn, synthCommands, selfMutation, removalPolicy);
        }
    }
}
