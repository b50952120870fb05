package dev.cairn.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The real Lambda handler, fed API Gateway HTTP API v2 events as the service would send them. */
public final class HandlerFixture implements AutoCloseable {
    private final ApiHandler handler;

    public HandlerFixture(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("cairn.aws.region", "eu-west-1");
        all.put("cairn.aws.local-credentials", true);
        all.put("cairn.auth.issuer", "http://127.0.0.1:9/pool");
        all.put("cairn.auth.client-ids", "test-client");
        all.putAll(properties);
        this.handler =
                new ApiHandler(ApplicationContext.builder().properties(all).build());
    }

    public APIGatewayV2HTTPResponse send(String method, String path, String body, Map<String, String> headers) {
        return send(method, path, Map.of(), body, headers);
    }

    /** A request with a query string, e.g. {@code category=travel}. */
    public APIGatewayV2HTTPResponse send(
            String method, String path, Map<String, String> query, String body, Map<String, String> headers) {
        StringBuilder raw = new StringBuilder();
        query.forEach((name, value) -> raw.append(raw.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString(raw.toString())
                .withQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query))
                .withHeaders(new HashMap<>(headers))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(path)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent("test")
                                .build())
                        .build())
                .build();
        return handler.handleRequest(event, new MockLambdaContext());
    }

    public ApiHandler handler() {
        return handler;
    }

    public ApplicationContext context() {
        return handler.getApplicationContext();
    }

    @Override
    public void close() {
        handler.close();
    }
}
