package dev.cairn.constructs;

import software.amazon.awscdk.CfnOutput;

/**
 * How {@link DeliveryPipeline#addStage} deploys one stage.
 *
 * @param manualApproval a manual approval before the stage deploys. Default: false (deploy as
 *     soon as the previous stage passed).
 * @param smokeTestUrl the stage's base URL, e.g. {@code https://test.example.com}; after the
 *     deployment {@code curl -fsS <url>/api/health} must succeed. Exclusive with
 *     {@code smokeTestUrlOutput}; one of the two is required.
 * @param smokeTestUrlOutput a CfnOutput of a stack in the stage holding the base URL (e.g. the
 *     CDN's domain as {@code https://...}), read after deployment. Exclusive with
 *     {@code smokeTestUrl}.
 */
public record DeliveryStageOptions(Boolean manualApproval, String smokeTestUrl, CfnOutput smokeTestUrlOutput) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link DeliveryStageOptions}. */
    public static final class Builder {
        private Boolean manualApproval;
        private String smokeTestUrl;
        private CfnOutput smokeTestUrlOutput;

        private Builder() {}

        public Builder manualApproval(Boolean manualApproval) {
            this.manualApproval = manualApproval;
            return this;
        }

        public Builder smokeTestUrl(String smokeTestUrl) {
            this.smokeTestUrl = smokeTestUrl;
            return this;
        }

        public Builder smokeTestUrlOutput(CfnOutput smokeTestUrlOutput) {
            this.smokeTestUrlOutput = smokeTestUrlOutput;
            return this;
        }

        public DeliveryStageOptions build() {
            return new DeliveryStageOptions(manualApproval, smokeTestUrl, smokeTestUrlOutput);
        }
    }
}
