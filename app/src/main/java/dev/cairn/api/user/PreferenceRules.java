package dev.cairn.api.user;

import dev.cairn.api.data.DynamoNumbers;
import dev.cairn.api.http.ApiError;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The preferences a blueprint knows, and the rules every preference follows. Known keys are
 * checked against their rule (a language tag, a currency, a choice, a range); other keys are free
 * for clients, within the shared limits: at most {@value #MAX_KEYS} flat entries of strings,
 * numbers and booleans.
 */
@Singleton
public final class PreferenceRules {
    static final int MAX_KEYS = 50;
    static final int MAX_TEXT = 500;
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}");

    /** A rule: the problem with a value, or null when it is good. */
    private interface Rule extends Function<Object, String> {}

    private static final Map<String, Rule> COMMON = Map.of(
            "language", PreferenceRules::language,
            "theme", choice("light", "dark", "system"),
            "timezone", PreferenceRules::timezone,
            "emailNotifications", PreferenceRules::bool);

    private static final Map<String, Map<String, Rule>> BY_BLUEPRINT = Map.of(
            "guitar-collection",
                    Map.of(
                            "currency",
                            PreferenceRules::currency,
                            "units",
                            choice("metric", "imperial"),
                            "defaultView",
                            choice("grid", "list")),
            "recipe-archive", Map.of("units", choice("metric", "imperial"), "defaultServings", range(1, 50)),
            "photo-portfolio", Map.of("gridColumns", range(1, 6)),
            "retreat-audio",
                    Map.of(
                            "language",
                            choice("en", "pt"),
                            "playbackSpeed",
                            range(0.5, 3.0),
                            "downloadOverWifiOnly",
                            PreferenceRules::bool),
            "personal-site", Map.of("defaultNoteVisibility", choice("private", "public")));

    private final Map<String, Rule> rules;

    PreferenceRules(@Value("${cairn.blueprint:}") String blueprint) {
        Map<String, Rule> all = new LinkedHashMap<>(COMMON);
        all.putAll(BY_BLUEPRINT.getOrDefault(blueprint, Map.of()));
        this.rules = Map.copyOf(all);
    }

    /** The keys this blueprint knows. */
    public Set<String> knownKeys() {
        return rules.keySet();
    }

    List<ApiError.FieldError> violations(Map<String, Object> preferences) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        if (preferences.size() > MAX_KEYS) {
            problems.add(new ApiError.FieldError("preferences", "must have at most " + MAX_KEYS + " entries"));
        }
        preferences.forEach((key, value) -> {
            String field = "preferences." + key;
            String problem;
            if (!KEY.matcher(key).matches()) {
                problem = "names must be letters, digits, - or _ (at most 64)";
            } else if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                problem = "must be a string, a number or a boolean";
            } else if (value instanceof Number number && !DynamoNumbers.storable(number)) {
                problem = DynamoNumbers.BODY_PROBLEM;
            } else if (value instanceof String text && text.length() > MAX_TEXT) {
                problem = "must be at most " + MAX_TEXT + " characters";
            } else {
                Rule rule = rules.get(key);
                problem = rule == null ? null : rule.apply(value);
            }
            if (problem != null) {
                problems.add(new ApiError.FieldError(field, problem));
            }
        });
        return problems;
    }

    private static String language(Object value) {
        return value instanceof String text && LANGUAGE.matcher(text).matches()
                ? null
                : "must be a language tag such as en or pt-BR";
    }

    private static String timezone(Object value) {
        try {
            ZoneId.of(String.valueOf(value));
            return value instanceof String ? null : "must be a time zone such as Europe/Lisbon";
        } catch (DateTimeException e) {
            return "must be a time zone such as Europe/Lisbon";
        }
    }

    private static String currency(Object value) {
        try {
            Currency.getInstance(String.valueOf(value));
            return value instanceof String ? null : "must be an ISO 4217 currency code such as EUR";
        } catch (IllegalArgumentException e) {
            return "must be an ISO 4217 currency code such as EUR";
        }
    }

    private static String bool(Object value) {
        return value instanceof Boolean ? null : "must be true or false";
    }

    private static Rule choice(String... allowed) {
        Set<String> values = Set.of(allowed);
        return value -> value instanceof String text && values.contains(text)
                ? null
                : "must be one of " + String.join(", ", allowed);
    }

    private static Rule range(double min, double max) {
        return value -> value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max
                ? null
                : "must be a number from " + format(min) + " to " + format(max);
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
