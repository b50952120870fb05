package dev.cairn.constructs;

import software.amazon.awscdk.CfnOutput;

/**
 * How {@link DeliveryPipeline#addStage} deploys one stage. The setters of {@link Builder} say what
 * each prop means and its default.
 *
 * @param manualApproval see {@link Builder#manualApproval}
 * @param smokeTestUrl see {@link Builder#smokeTestUrl}
 * @param smokeTestUrlOutput see {@link Builder#smokeTestUrlOutput}
 * @param smokeTestPath see {@link Builder#smokeTestPath}
 */
public record DeliveryStageOptions(
        Boolean manualApproval, String smokeTestUrl, CfnOutput smokeTestUrlOutput, String smokeTestPath) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link DeliveryStageOptions}. */
    public static final class Builder {
        private Boolean manualApproval;
        private String smokeTestUrl;
        private CfnOutput smokeTestUrlOutput;
        private String smokeTestPath;

        private Builder() {}

        /**
         * A manual approval before the stage deploys.
         *
         * <p>Default: false (deploy as soon as the previous stage passed).
         */
        public Builder manualApproval(Boolean manualApproval) {
            this.manualApproval = manualApproval;
            return this;
        }

        /**
         * The stage's base URL, e.g. {@code https://test.example.com}; after the deployment {@code
         * curl -fsS <url><smokeTestPath>} must succeed.
         *
         * <p>Default: none. Exclusive with {@code smokeTestUrlOutput}; one of the two is required.
         */
        public Builder smokeTestUrl(String smokeTestUrl) {
            this.smokeTestUrl = smokeTestUrl;
            return this;
        }

        /**
         * A CfnOutput of a stack in the stage holding the base URL (e.g. the CDN's domain as {@code
         * https://...}), read after deployment.
         *
         * <p>Default: none. Exclusive with {@code smokeTestUrl}.
         */
        public Builder smokeTestUrlOutput(CfnOutput smokeTestUrlOutput) {
            this.smokeTestUrlOutput = smokeTestUrlOutput;
            return this;
        }

        /**
         * The path the smoke test appends to the base URL, e.g. {@code /api/health}: it starts with
         * {@code /} and holds only letters, digits and {@code -._~/} (it is part of a shell command).
         *
         * <p>Default: {@value PipelineDefaults#SMOKE_TEST_PATH} (the base URL itself).
         */
        public Builder smokeTestPath(String smokeTestPath) {
            this.smokeTestPath = smokeTestPath;
            return this;
        }

        public DeliveryStageOptions build() {
            return new DeliveryStageOptions(manualApproval, smokeTestUrl, smokeTestUrlOutput, smokeTestPath);
        }
    }
}
