package dev.cairn.constructs;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.guardduty.CfnDetector;
import software.constructs.Construct;

/**
 * Amazon GuardDuty threat detection for this account and region: one detector, with S3
 * Protection. An account has at most one detector per region; where the organization's delegated
 * administrator already enables GuardDuty, do not create this.
 */
public class GuardDutyDetector extends Construct {

    /** The frequencies GuardDuty accepts. */
    public static final List<String> FREQUENCIES = List.of("FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS");

    /** The GuardDuty feature name of S3 Protection. */
    public static final String S3_PROTECTION = "S3_DATA_EVENTS";

    private final CfnDetector detector;

    public GuardDutyDetector(Construct scope, String id) {
        this(scope, id, GuardDutyDetectorProps.builder().build());
    }

    public GuardDutyDetector(Construct scope, String id, GuardDutyDetectorProps props) {
        super(scope, id);
        PropsCheck check = new PropsCheck("GuardDutyDetector");
        check.require("props", props);
        if (props != null && props.findingPublishingFrequency() != null) {
            check.check(
                    FREQUENCIES.contains(props.findingPublishingFrequency()),
                    "findingPublishingFrequency must be one of " + FREQUENCIES + " (value: "
                            + props.findingPublishingFrequency() + ")");
        }
        check.throwIfInvalid(getNode().getPath());
        boolean s3 = !Boolean.FALSE.equals(props.s3Protection());
        this.detector = CfnDetector.Builder.create(this, "Resource")
                .enable(true)
                .findingPublishingFrequency(
                        Objects.requireNonNullElse(props.findingPublishingFrequency(), FREQUENCIES.getFirst()))
                .features(List.of(CfnDetector.CFNFeatureConfigurationProperty.builder()
                        .name(S3_PROTECTION)
                        .status(s3 ? "ENABLED" : "DISABLED")
                        .build()))
                .build();
        if (!s3) {
            PropsCheck.warnOverride(this, "s3Protection", "S3 data events are not analysed for threats");
        }
    }

    /** The detector; its {@code Ref} is the detector id. */
    public CfnDetector getDetector() {
        return detector;
    }
}
