package dev.cairn.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.util.UUID;

/**
 * The id of a request, as API Gateway assigned it. It is what the client sees in an error and what
 * the logs carry, so one id ties them together.
 */
public final class RequestIds {
    static final String ATTRIBUTE = "cairn.requestId";

    private RequestIds() {}

    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> assign(request));
    }

    static String assign(HttpRequest<?> request) {
        String id = null;
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
                && event.getRequestContext() != null) {
            id = event.getRequestContext().getRequestId();
        }
        if (id == null || id.isBlank()) {
            id = UUID.randomUUID().toString();
        }
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
