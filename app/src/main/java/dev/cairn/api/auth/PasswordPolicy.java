package dev.cairn.api.auth;

import dev.cairn.api.http.ApiError;
import java.util.ArrayList;
import java.util.List;

/**
 * The user pool's password rules (AuthPool's defaults: at least 8 characters with upper- and
 * lower-case letters, a digit and a symbol), checked before Cognito is asked, so that a client
 * learns every rule a password breaks at once.
 */
public final class PasswordPolicy {
    static final int MIN_LENGTH = 8;
    private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    private PasswordPolicy() {}

    /** The rules {@code password} breaks, as field errors on {@code field}; empty when it is good. */
    public static List<ApiError.FieldError> violations(String field, String password) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        String value = password == null ? "" : password;
        if (value.length() < MIN_LENGTH) {
            problems.add(new ApiError.FieldError(field, "must be at least " + MIN_LENGTH + " characters long"));
        }
        if (value.chars().noneMatch(Character::isUpperCase)) {
            problems.add(new ApiError.FieldError(field, "must contain an upper-case letter"));
        }
        if (value.chars().noneMatch(Character::isLowerCase)) {
            problems.add(new ApiError.FieldError(field, "must contain a lower-case letter"));
        }
        if (value.chars().noneMatch(Character::isDigit)) {
            problems.add(new ApiError.FieldError(field, "must contain a digit"));
        }
        if (value.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            problems.add(new ApiError.FieldError(field, "must contain a symbol such as ! @ # $ %"));
        }
        if (!value.equals(value.strip())) {
            problems.add(new ApiError.FieldError(field, "must not start or end with a space"));
        }
        return problems;
    }
}
