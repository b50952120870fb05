package dev.cairn.api.http;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where every failure becomes the API's error envelope: the framework's own
 * (unknown route, wrong method, unreadable body, constraint violations) and Cairn's
 * {@link ApiException}s alike. Nothing internal reaches the client: a 5xx answers with a generic
 * message and the request id, and the cause goes to the log under that id.
 */
@Singleton
final class EnvelopeErrorResponseProcessor implements ErrorResponseProcessor<ApiResponse<Void>> {

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeErrorResponseProcessor.class);

    @Override
    @NonNull
    public MutableHttpResponse<ApiResponse<Void>> processResponse(
            @NonNull ErrorContext context, @NonNull MutableHttpResponse<?> baseResponse) {
        HttpRequest<?> request = context.getRequest();
        String requestId = RequestIds.of(request);
        Optional<Throwable> cause = context.getRootCause();
        ApiError error;
        if (cause.isPresent() && cause.get() instanceof ApiException api) {
            error = new ApiError(api.code(), api.getMessage(), api.status(), requestId, api.details());
        } else {
            error = fromStatus(baseResponse.code(), context, request, requestId);
        }
        if (error.statusCode() >= 500) {
            LOG.error(
                    "Request {} {} failed with {} (requestId={})",
                    request.getMethodName(),
                    request.getPath(),
                    error.statusCode(),
                    requestId,
                    cause.orElse(null));
        }
        return baseResponse
                .status(error.statusCode())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ApiResponse.failure(error));
    }

    private static ApiError fromStatus(int status, ErrorContext context, HttpRequest<?> request, String requestId) {
        return switch (status) {
            case 400 -> validationError(context, ErrorCodes.validation(resourceOf(request)), requestId);
            case 401 -> new ApiError(ErrorCodes.AUTH_UNAUTHORIZED, "Authentication is required", 401, requestId, null);
            case 403 -> new ApiError(ErrorCodes.AUTH_FORBIDDEN, "Not allowed", 403, requestId, null);
            case 404 ->
                new ApiError(
                        ErrorCodes.NOT_FOUND,
                        "No route for " + request.getMethodName() + " " + request.getPath(),
                        404,
                        requestId,
                        null);
            case 405 ->
                new ApiError(
                        ErrorCodes.METHOD_NOT_ALLOWED,
                        "Method " + request.getMethodName() + " is not allowed on " + request.getPath(),
                        405,
                        requestId,
                        null);
            case 409 ->
                new ApiError(ErrorCodes.CONFLICT, "The resource was changed by another request", 409, requestId, null);
            case 413 ->
                new ApiError(ErrorCodes.PAYLOAD_TOO_LARGE, "The request body is too large", 413, requestId, null);
            case 415 ->
                new ApiError(
                        ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                        "The request body must be application/json",
                        415,
                        requestId,
                        null);
            case 429 -> new ApiError(ErrorCodes.RATE_LIMITED, "Too many requests", 429, requestId, null);
            default ->
                status >= 500
                        ? new ApiError(ErrorCodes.INTERNAL_ERROR, "An unexpected error occurred", 500, requestId, null)
                        : new ApiError(
                                ErrorCodes.VALIDATION_ERROR, "The request is not valid", status, requestId, null);
        };
    }

    /** The resource the matched route serves ({@link ErrorResource}), or "" outside one. */
    private static String resourceOf(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .flatMap(route -> route.getRouteInfo().getAnnotationMetadata().stringValue(ErrorResource.class))
                .orElse("");
    }

    private static ApiError validationError(ErrorContext context, String code, String requestId) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException violations) {
            List<ApiError.FieldError> details = new ArrayList<>();
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                details.add(new ApiError.FieldError(
                        FieldErrors.fieldOf(violation.getPropertyPath()), violation.getMessage()));
            }
            details.sort(java.util.Comparator.comparing(d -> String.valueOf(d.field())));
            return new ApiError(code, "The request is not valid", 400, requestId, details);
        }
        if (isMalformedJson(cause)) {
            return new ApiError(code, "The request body is not valid JSON", 400, requestId, null);
        }
        List<ApiError.FieldError> details = context.getErrors().stream()
                .map(e -> new ApiError.FieldError(e.getPath().orElse(null), e.getMessage()))
                .toList();
        return new ApiError(code, "The request is not valid", 400, requestId, details);
    }

    private static boolean isMalformedJson(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("com.fasterxml.jackson.core.")
                    || name.startsWith("io.micronaut.serde.exceptions.")
                    || name.equals("io.micronaut.json.JsonSyntaxException")) {
                return true;
            }
        }
        return false;
    }
}
