package dev.cairn.api.http;

/** The error codes of the API contract (README: the envelope and its codes); resource-specific codes are built from these. */
public final class ErrorCodes {
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String CONFLICT = "CONFLICT";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String AUTH_UNAUTHORIZED = "AUTH_UNAUTHORIZED";
    public static final String AUTH_TOKEN_EXPIRED = "AUTH_TOKEN_EXPIRED";
    public static final String AUTH_FORBIDDEN = "AUTH_FORBIDDEN";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String AUTH_VALIDATION_ERROR = "AUTH_VALIDATION_ERROR";
    public static final String AUTH_USER_EXISTS = "AUTH_USER_EXISTS";
    public static final String AUTH_INVALID_CREDENTIALS = "AUTH_INVALID_CREDENTIALS";
    public static final String AUTH_USER_NOT_CONFIRMED = "AUTH_USER_NOT_CONFIRMED";
    public static final String AUTH_INVALID_CODE = "AUTH_INVALID_CODE";

    private ErrorCodes() {}

    /** {@code GUITAR_NOT_FOUND} for resource {@code guitar}. */
    public static String notFound(String resource) {
        return prefix(resource) + NOT_FOUND;
    }

    /** {@code GUITAR_VALIDATION_ERROR} for resource {@code guitar}. */
    public static String validation(String resource) {
        return prefix(resource) + VALIDATION_ERROR;
    }

    private static String prefix(String resource) {
        return resource.isBlank() ? "" : resource.toUpperCase(java.util.Locale.ROOT) + "_";
    }
}
