package dev.cairn.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.cairn.contract.Cors;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.servlet.http.ServletHttpRequest;
import org.slf4j.MDC;

/**
 * The first thing every request meets: it gets its request id (into the logs' MDC and the
 * {@code X-Request-Id} response header), and a body over the limit is refused before anything
 * reads it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestEdgeFilter implements Ordered {

    static final String REQUEST_ID_HEADER = Cors.REQUEST_ID_HEADER;

    private final long maxBodyBytes;

    RequestEdgeFilter(@Value("${cairn.api.max-body-bytes:1048576}") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @RequestFilter
    void enter(HttpRequest<?> request) {
        String requestId = RequestIds.assign(request);
        MDC.put("requestId", requestId);
        long size = bodySize(request);
        if (size > maxBodyBytes) {
            throw new ApiException(
                    413,
                    ErrorCodes.PAYLOAD_TOO_LARGE,
                    "The request body is " + size + " bytes; the limit is " + maxBodyBytes + " bytes");
        }
    }

    @ResponseFilter
    void leave(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(REQUEST_ID_HEADER, RequestIds.of(request));
        MDC.clear();
    }

    private static long bodySize(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            String body = event.getBody();
            if (body == null) {
                return 0;
            }
            // Base64 carries 3 bytes in every 4 characters.
            return event.getIsBase64Encoded() ? (body.length() / 4L) * 3L : utf8Length(body);
        }
        return request.getContentLength();
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
