package dev.cairn.constructs;

/**
 * Props of {@link GuardDutyDetector}. Every prop is optional. The setters of {@link Builder} say
 * what each prop means and its default.
 *
 * @param findingPublishingFrequency see {@link Builder#findingPublishingFrequency}
 * @param s3Protection see {@link Builder#s3Protection}
 */
public record GuardDutyDetectorProps(String findingPublishingFrequency, Boolean s3Protection) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link GuardDutyDetectorProps}. */
    public static final class Builder {
        private String findingPublishingFrequency;
        private Boolean s3Protection;

        private Builder() {}

        /**
         * How often updates to active findings reach EventBridge (and so any rule on them):
         * {@code FIFTEEN_MINUTES}, {@code ONE_HOUR} or {@code SIX_HOURS}. New findings are sent
         * within about five minutes whatever this says.
         *
         * <p>Default: {@code FIFTEEN_MINUTES}.
         */
        public Builder findingPublishingFrequency(String findingPublishingFrequency) {
            this.findingPublishingFrequency = findingPublishingFrequency;
            return this;
        }

        /**
         * Whether GuardDuty analyses S3 data events (S3 Protection): object-level reads, writes
         * and deletes that look like exfiltration or tampering. Turning it off is reported as a
         * synth warning.
         *
         * <p>Default: true.
         */
        public Builder s3Protection(Boolean s3Protection) {
            this.s3Protection = s3Protection;
            return this;
        }

        public GuardDutyDetectorProps build() {
            return new GuardDutyDetectorProps(findingPublishingFrequency, s3Protection);
        }
    }
}
