package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class GuardDutyDetectorTest {

    @Test
    void oneDetectorWithS3ProtectionIsNagClean() {
        Stack stack = TestApps.stack();
        new GuardDutyDetector(stack, "GuardDuty");
        NagAudit.Findings nag = NagAudit.audit(stack);
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::GuardDuty::Detector", 1);
        template.hasResourceProperties(
                "AWS::GuardDuty::Detector",
                Map.of(
                        "Enable",
                        true,
                        "FindingPublishingFrequency",
                        "FIFTEEN_MINUTES",
                        "Features",
                        List.of(Map.of("Name", "S3_DATA_EVENTS", "Status", "ENABLED"))));
    }

    @Test
    void s3ProtectionOffIsAWarning() {
        Stack stack = TestApps.stack();
        new GuardDutyDetector(
                stack,
                "GuardDuty",
                GuardDutyDetectorProps.builder()
                        .s3Protection(false)
                        .findingPublishingFrequency("SIX_HOURS")
                        .build());
        NagAudit.Findings nag = NagAudit.audit(stack);
        assertThat(nag.warnings()).singleElement().satisfies(w -> assertThat(w).contains("s3Protection"));
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::GuardDuty::Detector",
                        Map.of(
                                "Enable",
                                true,
                                "FindingPublishingFrequency",
                                "SIX_HOURS",
                                "Features",
                                List.of(Map.of("Name", "S3_DATA_EVENTS", "Status", "DISABLED"))));
    }

    @Test
    void failsOnAnUnknownFrequency() {
        assertThatThrownBy(() -> new GuardDutyDetector(
                        TestApps.stack(),
                        "GuardDuty",
                        GuardDutyDetectorProps.builder()
                                .findingPublishingFrequency("HOURLY")
                                .build()))
                .hasMessageContaining("findingPublishingFrequency must be one of [FIFTEEN_MINUTES, ONE_HOUR,"
                        + " SIX_HOURS] (value: HOURLY)");
    }
}
