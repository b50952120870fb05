package dev.cairn.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The error part of the envelope. {@code details} lists field-level problems for validation
 * errors; {@code requestId} lets a client quote the request to whoever reads the logs.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
        String code,
        String message,
        int statusCode,
        @Nullable String requestId,
        @Nullable List<FieldError> details) {

    /** One problem with one field of the request. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(@Nullable String field, String message) {}
}
