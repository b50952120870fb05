package dev.cairn.api.user;

import dev.cairn.api.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules every blueprint's preferences share: a flat map of at most {@value #MAX_KEYS} named
 * strings, numbers and booleans, and a well-formed {@code language} tag when one is given.
 */
final class Preferences {
    static final int MAX_KEYS = 50;
    static final int MAX_TEXT = 500;
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}");

    private Preferences() {}

    static List<ApiError.FieldError> violations(Map<String, Object> preferences) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        if (preferences.size() > MAX_KEYS) {
            problems.add(new ApiError.FieldError("preferences", "must have at most " + MAX_KEYS + " entries"));
        }
        preferences.forEach((key, value) -> {
            String field = "preferences." + key;
            if (!KEY.matcher(key).matches()) {
                problems.add(new ApiError.FieldError(field, "names must be letters, digits, - or _ (at most 64)"));
            } else if (value instanceof String text) {
                if (text.length() > MAX_TEXT) {
                    problems.add(new ApiError.FieldError(field, "must be at most " + MAX_TEXT + " characters"));
                } else if (key.equals("language") && !LANGUAGE.matcher(text).matches()) {
                    problems.add(new ApiError.FieldError(field, "must be a language tag such as en or pt-BR"));
                }
            } else if (!(value instanceof Number) && !(value instanceof Boolean)) {
                problems.add(new ApiError.FieldError(field, "must be a string, a number or a boolean"));
            }
        });
        return problems;
    }
}
