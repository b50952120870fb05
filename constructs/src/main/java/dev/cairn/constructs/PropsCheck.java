package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Token;
import software.constructs.IConstruct;

/** Collects every invalid prop of one construct and fails once, naming prop and value. */
final class PropsCheck {

    private final String constructType;
    private final List<String> problems = new ArrayList<>();

    PropsCheck(String constructType) {
        this.constructType = constructType;
    }

    PropsCheck require(String prop, Object value) {
        if (value == null) {
            problems.add(prop + " is required (value: null)");
        }
        return this;
    }

    /** Checks {@code min <= value <= max}; null and unresolved tokens pass. */
    PropsCheck range(String prop, Number value, long min, long max) {
        if (value != null && !Token.isUnresolved(value)) {
            double v = value.doubleValue();
            if (v < min || v > max || v != Math.rint(v)) {
                problems.add(prop + " must be " + min + ".." + max + " (value: " + value + ")");
            }
        }
        return this;
    }

    /** Checks a string is not blank; null and unresolved tokens pass. */
    PropsCheck notBlank(String prop, String value) {
        if (value != null && !Token.isUnresolved(value) && value.isBlank()) {
            problems.add(prop + " must not be blank (value: \"" + value + "\")");
        }
        return this;
    }

    PropsCheck notEmpty(String prop, Collection<?> value) {
        if (value == null || value.isEmpty()) {
            problems.add(prop + " must not be empty (value: " + value + ")");
        }
        return this;
    }

    /** Browser origins for CORS: {@code https://} (or {@code http://localhost}), no wildcards. */
    PropsCheck browserOrigins(String prop, Collection<String> origins) {
        for (String origin : origins) {
            if (!resolved(origin)) {
                continue;
            }
            check(!origin.contains("*"), prop + " must not contain wildcards (value: " + origin + ")");
            check(
                    origin.startsWith("https://") || origin.startsWith("http://localhost"),
                    prop + " must be https:// origins or http://localhost (value: " + origin + ")");
        }
        return this;
    }

    /** Adds {@code message} unless {@code ok}; the message names the prop and its value. */
    PropsCheck check(boolean ok, String message) {
        if (!ok) {
            problems.add(message);
        }
        return this;
    }

    static boolean resolved(Object value) {
        return value != null && !Token.isUnresolved(value);
    }

    /**
     * Leaves a trace when a caller turns a security default off: a synth-time warning that also
     * fails the zero-warning nag gate unless the caller acknowledges it.
     */
    static void warnOverride(IConstruct scope, String prop, String consequence) {
        Annotations.of(scope)
                .addWarningV2(
                        "@cairn/constructs:" + prop, "Security default overridden: " + prop + " (" + consequence + ")");
    }

    void throwIfInvalid(String path) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid " + constructType + " props at " + path + ": " + String.join("; ", problems));
        }
    }
}
