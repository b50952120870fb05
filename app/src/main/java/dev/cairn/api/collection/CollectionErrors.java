package dev.cairn.api.collection;

import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** The API errors of one collection, with its resource's codes ({@code GUITAR_NOT_FOUND}, ...). */
final class CollectionErrors {
    private final String resource;
    private final String label;

    CollectionErrors(String resource, String label) {
        this.resource = resource;
        this.label = label;
    }

    /** 404: the owner has no item with this id (someone else's included). */
    ApiException notFound() {
        return new ApiException(404, ErrorCodes.notFound(resource), label + " not found");
    }

    /** 409: a write's condition failed because the item changed (or went) since it was read. */
    static ApiException conflict() {
        return new ApiException(
                409, ErrorCodes.CONFLICT, "The item was changed by another request; read it again and retry");
    }

    /** 429: the owner has as many items as the collection allows. */
    static ApiException limitReached(ItemLimit limit) {
        return new ApiException(429, ErrorCodes.RATE_LIMITED, limit.message());
    }

    /** 400 for one field ({@code field} null: the body as a whole). */
    ApiException validation(String message, @Nullable String field, String problem) {
        return new ApiException(
                400, ErrorCodes.validation(resource), message, List.of(new ApiError.FieldError(field, problem)));
    }

    /** 400 for several fields. */
    ApiException invalid(List<ApiError.FieldError> problems) {
        return new ApiException(400, ErrorCodes.validation(resource), "The request is not valid", problems);
    }
}
