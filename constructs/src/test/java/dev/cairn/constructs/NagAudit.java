package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** Synthesizes a stack under all five cdk-nag packs and returns what is left unsuppressed. */
final class NagAudit {

    /** Unsuppressed findings, each as {@code "path: message"}. */
    record Findings(List<String> errors, List<String> warnings) {}

    private NagAudit() {}

    /** Applies the packs via {@link Compliance} and synthesizes. Call once per stack. */
    static Findings audit(Stack stack) {
        Compliance.applyAllPacks(stack);
        Annotations annotations = Annotations.fromStack(stack);
        return new Findings(
                describe(annotations.findError("*", Match.stringLikeRegexp(".*"))),
                describe(annotations.findWarning("*", Match.stringLikeRegexp(".*"))));
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData())
                .toList();
    }
}
