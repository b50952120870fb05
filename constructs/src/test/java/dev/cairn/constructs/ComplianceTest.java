package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

class ComplianceTest {

    private static App app;
    private static NagAudit.Findings findings;

    @BeforeAll
    static void synthesize() {
        app = TestApps.app();
        Stack stack = TestApps.stack(app, "Audited");
        Bucket bucket = new Bucket(stack, "Bare");
        Compliance.suppress(bucket, "AwsSolutions-S1", "Access logging is tested elsewhere; this bucket is a fixture.");
        // A bare function, so that the Serverless pack has something to report too.
        Function.Builder.create(stack, "Bare function")
                .runtime(Runtime.JAVA_25)
                .handler("example.Handler")
                .code(TestApps.code())
                .build();
        findings = NagAudit.audit(stack);
    }

    @Test
    void appliesAllFivePacks() {
        List<String> all = new java.util.ArrayList<>(findings.errors());
        all.addAll(findings.warnings());
        Compliance.PACK_PREFIXES.forEach(prefix -> assertThat(all).anyMatch(f -> f.contains(": " + prefix + "-")));
    }

    @Test
    void writesCsvAndJsonReportsPerPack() {
        assertThat(reports()).hasSize(10);
        assertThat(reports()).allSatisfy(report -> assertThat(report).isRegularFile());
    }

    @Test
    void suppressionRemovesExactlyThatRuleOnThatResource() {
        assertThat(findings.errors()).noneMatch(f -> f.contains("AwsSolutions-S1:"));
        assertThat(findings.errors()).anyMatch(f -> f.contains("AwsSolutions-S10:"));
    }

    private static List<Path> reports() {
        Path outdir = Path.of(app.getOutdir());
        return Compliance.PACK_PREFIXES.stream()
                .flatMap(pack ->
                        List.of(".csv", ".json").stream().map(ext -> outdir.resolve(pack + "-Audited-NagReport" + ext)))
                .toList();
    }

    @Test
    void failsIfReasonBlank() {
        Bucket bucket = new Bucket(TestApps.stack(), "B");
        assertThatThrownBy(() -> Compliance.suppress(bucket, "AwsSolutions-S1", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason must have at least 10 characters");
    }

    @Test
    void failsIfReasonTooShortForAnAuditor() {
        Bucket bucket = new Bucket(TestApps.stack(), "B");
        assertThatThrownBy(() -> Compliance.suppress(bucket, "AwsSolutions-S1", "fine"))
                .hasMessageContaining("reason must have at least 10 characters (value: fine)");
    }

    @Test
    void failsIfRuleIdBlank() {
        Bucket bucket = new Bucket(TestApps.stack(), "B");
        assertThatThrownBy(() -> Compliance.suppress(bucket, "", "A reason long enough to read."))
                .hasMessageContaining("ruleId must not be blank");
    }

    @Test
    void failsIfWildcardSuppressionHasNoAppliesTo() {
        Bucket bucket = new Bucket(TestApps.stack(), "B");
        assertThatThrownBy(() -> Compliance.suppress(bucket, "AwsSolutions-IAM5", "A reason long enough to read."))
                .hasMessageContaining("appliesTo must list the wildcard findings for AwsSolutions-IAM5");
    }

    @Test
    void failsIfAppliesToHasBlankEntry() {
        Bucket bucket = new Bucket(TestApps.stack(), "B");
        assertThatThrownBy(() -> Compliance.suppress(bucket, "AwsSolutions-IAM5", "A reason long enough.", " "))
                .hasMessageContaining("appliesTo must not contain blank entries");
    }

    @Test
    void failsIfTargetIsNotAResource() {
        Construct plain = new Construct(TestApps.stack(), "Plain");
        assertThatThrownBy(() -> Compliance.suppress(plain, "AwsSolutions-S1", "A reason long enough to read."))
                .hasMessageContaining(
                        "resource must be a CfnResource or have one as default child (value: Test/Plain)");
    }

    @Test
    void failsIfMatchingPatternIsNotAnchored() {
        Bucket bucket = new Bucket(TestApps.stack(), "B");
        assertThatThrownBy(() -> Compliance.suppressMatching(
                        bucket, "AwsSolutions-IAM5", "A reason long enough to read.", "Resource::.*"))
                .hasMessageContaining("patterns must look like /^...$/ (value: [Resource::.*])");
    }
}
