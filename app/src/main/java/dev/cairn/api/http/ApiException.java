package dev.cairn.api.http;

import java.util.List;

/**
 * A failure the API reports to the client as it is: status, code and a message written for the
 * client. Anything else that escapes a route is an internal error and its message stays in the logs.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<ApiError.FieldError> details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    /** A failure caused by {@code cause}, which stays in the logs. */
    public ApiException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.details = List.of();
    }

    public ApiException(int status, String code, String message, List<ApiError.FieldError> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ApiError.FieldError> details() {
        return details;
    }
}
