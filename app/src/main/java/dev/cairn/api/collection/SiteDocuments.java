package dev.cairn.api.collection;

import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.http.FieldErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Request bodies of site-owned content, as {@link ItemDocuments} reads an owned item's: read into
 * the resource's {@code @Serdeable} record, validated by its jakarta constraints and numbers
 * DynamoDB can store, merge-patched (RFC 7386), and the version a conditional write expects. Every
 * problem is a 400 with the resource's code ({@code PROJECT_VALIDATION_ERROR}) naming the field.
 */
@Singleton
public final class SiteDocuments {
    private final JsonMapper json;
    private final Validator validator;

    SiteDocuments(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The body as a valid {@code type}, or 400 naming each problem. */
    public <T> T read(@Nullable JsonNode body, Class<T> type, String resource) {
        CollectionErrors errors = new CollectionErrors(resource, resource);
        if (body == null || !body.isObject()) {
            throw errors.validation("The request body must be a JSON object", null, "must be a JSON object");
        }
        List<ApiError.FieldError> problems = new ArrayList<>();
        ItemDocuments.unstorableNumbers(body, null, problems);
        if (!problems.isEmpty()) {
            throw errors.invalid(problems);
        }
        T value;
        try {
            value = json.readValueFromTree(body, type);
        } catch (IOException | RuntimeException e) {
            String field = ItemDocuments.fieldOf(e);
            throw errors.validation(
                    "The request is not a valid " + resource,
                    field,
                    field == null ? "the body does not match the schema" : "has the wrong type");
        }
        if (value == null) {
            throw errors.validation("The request body must be a JSON object", null, "must be a JSON object");
        }
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            problems.add(
                    new ApiError.FieldError(FieldErrors.fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(p -> String.valueOf(p.field())));
            throw errors.invalid(problems);
        }
        return value;
    }

    /** {@code current} with the JSON merge patch applied, read and validated as {@link #read}. */
    public <T> T patch(T current, @Nullable JsonNode patch, Class<T> type, String resource) {
        if (patch == null || !patch.isObject()) {
            throw new CollectionErrors(resource, resource)
                    .validation("The request body must be a JSON object", null, "must be a JSON object");
        }
        return read(MergePatch.apply(tree(current), patch), type, resource);
    }

    /** A value as a JSON tree. */
    public JsonNode tree(Object value) {
        try {
            return json.writeValueToTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not serialise a " + value.getClass().getSimpleName(), e);
        }
    }

    /** The size of a value's JSON in bytes (UTF-8). */
    public int serializedSize(Object value) {
        try {
            return json.writeValueAsBytes(value).length;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not serialise a " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * The version a conditional write expects: {@code If-Match} ({@code "3"}, or {@code *} for
     * any) wins over a {@code version} in the body; with neither, the stored one.
     */
    public static long expectedVersion(
            long stored, @Nullable Long bodyVersion, @Nullable String ifMatch, String resource) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            Long expected = EntityTags.expectedBy(ifMatch, stored);
            if (expected == null) {
                throw new CollectionErrors(resource, resource)
                        .validation("If-Match must hold the item's version", "If-Match", "must be a version number");
            }
            return expected;
        }
        return bodyVersion == null ? stored : bodyVersion;
    }

    /** 409 {@code CONFLICT}: the item changed since the client read it. */
    public static ApiException conflict() {
        return CollectionErrors.conflict();
    }

    /** 400 with the resource's code, for one field. */
    public static ApiException invalid(String resource, @Nullable String field, String problem) {
        return new ApiException(
                400,
                ErrorCodes.validation(resource),
                "The request is not valid",
                List.of(new ApiError.FieldError(field, problem)));
    }
}
