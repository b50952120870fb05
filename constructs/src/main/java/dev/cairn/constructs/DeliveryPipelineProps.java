package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;

/**
 * Props of {@link DeliveryPipeline}. The setters of {@link Builder} say what each prop means and
 * its default.
 *
 * @param repository see {@link Builder#repository}
 * @param branch see {@link Builder#branch}
 * @param connectionArn see {@link Builder#connectionArn}
 * @param synthCommands see {@link Builder#synthCommands}
 * @param selfMutation see {@link Builder#selfMutation}
 * @param removalPolicy see {@link Builder#removalPolicy}
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

        /**
         * The GitHub repository as {@code "owner/name"}.
         *
         * <p>Default: none; required.
         */
        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        /**
         * The branch that triggers the pipeline.
         *
         * <p>Default: {@code "main"}.
         */
        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        /**
         * ARN of the CodeStar/CodeConnections connection to GitHub (created and authorised in the
         * console once per account).
         *
         * <p>Default: none; required.
         */
        public Builder connectionArn(String connectionArn) {
            this.connectionArn = connectionArn;
            return this;
        }

        /**
         * Commands of the synth step, run at the repository root; they must leave the cloud assembly
         * in {@code cdk.out}.
         *
         * <p>Default: {@code npm ci}, {@code ./mvnw -B verify}, {@code npx cdk synth}.
         */
        public Builder synthCommands(List<String> synthCommands) {
            this.synthCommands = synthCommands;
            return this;
        }

        /**
         * Whether the pipeline updates itself before deploying.
         *
         * <p>Default: true.
         */
        public Builder selfMutation(Boolean selfMutation) {
            this.selfMutation = selfMutation;
            return this;
        }

        /**
         * What happens to the artifact bucket, its key and its log bucket when they leave the stack.
         *
         * <p>Default: RETAIN; anything else is reported as a synth warning.
         */
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
