package dev.cairn.constructs;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagReportFormat;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * The single place where Cairn talks to cdk-nag.
 *
 * <p>Everything else (constructs, stacks, tests) goes through this class, so moving to cdk-nag v3
 * (policy validation plugins, no {@code NagSuppressions}) changes this file only.
 */
public final class Compliance {

    /** Rule-id prefixes of the packs applied by {@link #applyAllPacks(IConstruct)}. */
    public static final List<String> PACK_PREFIXES =
            List.of("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5", "PCI.DSS.321", "Serverless");

    /** cdk-nag itself rejects shorter reasons; we say so before it does. */
    static final int MIN_REASON_LENGTH = 10;

    private static final String WILDCARD_RULE_SUFFIX = "-IAM5";

    private Compliance() {}

    /**
     * Applies the five rule packs to {@code scope} (an App, Stage or Stack), with CSV and JSON
     * reports written to the cloud assembly directory as {@code <Pack>-<Stack>-NagReport.*}.
     */
    public static void applyAllPacks(IConstruct scope) {
        NagPackProps props = NagPackProps.builder()
                .reports(true)
                .reportFormats(List.of(NagReportFormat.CSV, NagReportFormat.JSON))
                .build();
        Aspects aspects = Aspects.of(scope);
        aspects.add(new AwsSolutionsChecks(props));
        aspects.add(new HIPAASecurityChecks(props));
        aspects.add(new NIST80053R5Checks(props));
        aspects.add(new PCIDSS321Checks(props));
        aspects.add(new ServerlessChecks(props));
    }

    /**
     * Suppresses one rule on one resource (not its children).
     *
     * @param resource a CfnResource, or an L2 whose default child is one
     * @param ruleId the full rule id, e.g. {@code "AwsSolutions-S1"}
     * @param reason why this is safe, for an auditor; at least 10 characters
     */
    public static void suppress(IConstruct resource, String ruleId, String reason) {
        suppressInternal(resource, ruleId, reason, List.of(), false);
    }

    /**
     * Suppresses one rule on one resource for the listed findings only, e.g. the IAM5 wildcard
     * {@code "Action::s3:Abort*"}. Required form for {@code *-IAM5} rules.
     */
    public static void suppress(IConstruct resource, String ruleId, String reason, String... appliesTo) {
        suppressInternal(resource, ruleId, reason, Arrays.asList(appliesTo), false);
    }

    /**
     * Like {@link #suppress(IConstruct, String, String, String...)}, for findings whose text is
     * only known at synth time (an asset bucket named after account and region): each entry is a
     * regular expression in cdk-nag's {@code /pattern/} form that must match the whole finding.
     */
    public static void suppressMatching(IConstruct resource, String ruleId, String reason, String... patterns) {
        List<String> appliesTo = Arrays.asList(patterns);
        List<String> notAnchored = appliesTo.stream()
                .filter(p -> p != null && !(p.startsWith("/^") && p.endsWith("$/")))
                .toList();
        if (!notAnchored.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid nag suppression: patterns must look like /^...$/ (value: " + notAnchored + ")");
        }
        suppressInternal(resource, ruleId, reason, appliesTo, true);
    }

    private static void suppressInternal(
            IConstruct resource, String ruleId, String reason, List<String> appliesTo, boolean regex) {
        List<String> problems = new ArrayList<>();
        if (ruleId == null || ruleId.isBlank()) {
            problems.add("ruleId must not be blank (value: " + ruleId + ")");
        }
        if (reason == null || reason.strip().length() < MIN_REASON_LENGTH) {
            problems.add("reason must have at least " + MIN_REASON_LENGTH + " characters (value: " + reason + ")");
        }
        if (ruleId != null && ruleId.endsWith(WILDCARD_RULE_SUFFIX) && appliesTo.isEmpty()) {
            problems.add("appliesTo must list the wildcard findings for " + ruleId + " (value: [])");
        }
        if (appliesTo.stream().anyMatch(a -> a == null || a.isBlank())) {
            problems.add("appliesTo must not contain blank entries (value: " + appliesTo + ")");
        }
        CfnResource target = cfnResourceOf(resource);
        if (target == null) {
            problems.add("resource must be a CfnResource or have one as default child (value: "
                    + (resource == null ? "null" : resource.getNode().getPath()) + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid nag suppression: " + String.join("; ", problems));
        }
        NagPackSuppression.Builder suppression =
                NagPackSuppression.builder().id(ruleId).reason(reason.strip());
        if (!appliesTo.isEmpty()) {
            suppression.appliesTo(appliesTo.stream()
                    .map(a -> regex ? (Object) RegexAppliesTo.builder().regex(a).build() : a)
                    .toList());
        }
        NagSuppressions.addResourceSuppressions(target, List.of(suppression.build()), false);
    }

    private static CfnResource cfnResourceOf(IConstruct construct) {
        if (construct == null) {
            return null;
        }
        if (construct instanceof CfnResource cfn) {
            return cfn;
        }
        IConstruct child = construct.getNode().getDefaultChild();
        return child instanceof CfnResource cfn ? cfn : null;
    }
}
