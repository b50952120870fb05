package dev.cairn.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.api.data.PrettyJson;
import dev.cairn.contract.Cors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What API Gateway's HTTP API does in front of the Lambda function, on a loopback port: each HTTP
 * request becomes an {@link APIGatewayV2HTTPEvent} (payload format 2.0), the real handler answers
 * it, and its {@link APIGatewayV2HTTPResponse} becomes the HTTP response. Paths under
 * {@code /_local/} are the local stack's own helpers and never reach the handler.
 *
 * <p>CORS as the HTTP API's CORS configuration does it, with the lists of {@link Cors}: with
 * allowed origins, a preflight ({@code OPTIONS} with {@code Origin} and {@code
 * Access-Control-Request-Method}) is answered here without reaching the handler, with the CORS
 * headers only for an allowed origin; other responses to an allowed origin get {@code
 * Access-Control-Allow-Origin} and {@code Access-Control-Expose-Headers}, and CORS headers the
 * handler sets are dropped. Without allowed origins nothing is added and {@code OPTIONS} reaches
 * the handler.
 */
final class HttpApiEmulator implements AutoCloseable {
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    /** What CloudFront adds to every request it forwards to the API (the origin-verify header). */
    private final Map<String, String> edgeHeaders;
    /** Origins whose pages may call the API across origins; empty: no CORS, as without a configuration. */
    private final List<String> corsOrigins;

    HttpApiEmulator(
            int port,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
            Map<String, HttpHandler> localRoutes,
            Map<String, String> edgeHeaders,
            List<String> corsOrigins) {
        this.handler = handler;
        this.edgeHeaders = Map.copyOf(edgeHeaders);
        this.corsOrigins = List.copyOf(corsOrigins);
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
        }
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        localRoutes.forEach(
                (path, route) -> server.createContext(path, route).getFilters().add(loopbackHostsOnly()));
        server.createContext("/", this::invoke).getFilters().add(loopbackHostsOnly());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Refuses a request whose {@code Host} is not a loopback name
     * (see {@link LoopbackHosts}): 403 in the API's error envelope.
     */
    static Filter loopbackHostsOnly() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                if (LoopbackHosts.allowed(exchange.getRequestHeaders().getFirst("Host"))) {
                    chain.doFilter(exchange);
                    return;
                }
                try (exchange) {
                    byte[] body = ("{\"success\":false,\"error\":{\"code\":\"AUTH_FORBIDDEN\",\"message\":"
                                    + PrettyJson.quote(LoopbackHosts.REFUSED) + ",\"statusCode\":403}}")
                            .getBytes(StandardCharsets.UTF_8);
                    send(exchange, 403, Map.of("Content-Type", "application/json"), body);
                }
            }

            @Override
            public String description() {
                return "loopback Host names only";
            }
        };
    }

    /** The origin of a CORS request if it is allowed, else null. */
    private String allowedOrigin(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            return null;
        }
        return corsOrigins.stream()
                .filter(origin::equalsIgnoreCase)
                .findFirst()
                .map(o -> origin)
                .orElse(null);
    }

    private static boolean isPreflight(HttpExchange exchange) {
        return "OPTIONS".equalsIgnoreCase(exchange.getRequestMethod())
                && exchange.getRequestHeaders().getFirst("Origin") != null
                && exchange.getRequestHeaders().getFirst("Access-Control-Request-Method") != null;
    }

    /** A preflight's answer: 204, with the CORS headers when the origin is allowed. */
    private void answerPreflight(HttpExchange exchange, String origin) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (origin != null) {
                headers.put("Access-Control-Allow-Origin", origin);
                headers.put("Access-Control-Allow-Methods", String.join(",", Cors.ALLOW_METHODS));
                headers.put("Access-Control-Allow-Headers", String.join(",", Cors.ALLOW_HEADERS));
                headers.put("Access-Control-Max-Age", Integer.toString(Cors.MAX_AGE_SECONDS));
                headers.put("Vary", "Origin");
            }
            send(exchange, 204, headers, new byte[0]);
        }
    }

    /** The handler's headers without CORS ones (the gateway ignores those), then the gateway's. */
    private Map<String, String> withCors(Map<String, String> handlerHeaders, String origin) {
        if (corsOrigins.isEmpty()) {
            return handlerHeaders;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        handlerHeaders.forEach((name, value) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                headers.put(name, value);
            }
        });
        if (origin != null) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Expose-Headers", String.join(",", Cors.EXPOSE_HEADERS));
            String vary = headers.keySet().stream()
                    .filter("Vary"::equalsIgnoreCase)
                    .findFirst()
                    .orElse("Vary");
            String existing = headers.get(vary);
            headers.put(vary, existing == null || existing.isBlank() ? "Origin" : existing + ", Origin");
        }
        return headers;
    }

    private void invoke(HttpExchange exchange) throws IOException {
        String origin = corsOrigins.isEmpty() ? null : allowedOrigin(exchange);
        if (!corsOrigins.isEmpty() && isPreflight(exchange)) {
            answerPreflight(exchange, origin);
            return;
        }
        try (exchange) {
            APIGatewayV2HTTPResponse response;
            try {
                APIGatewayV2HTTPEvent event = toEvent(exchange);
                event.getHeaders().putAll(edgeHeaders);
                response = handler.handleRequest(event, new LocalLambdaContext());
            } catch (RuntimeException e) {
                // API Gateway answers a failed invocation with a bare 500; so does the emulation.
                e.printStackTrace();
                send(
                        exchange,
                        500,
                        withCors(Map.of("content-type", "application/json"), origin),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (response.getHeaders() != null) {
                headers.putAll(response.getHeaders());
            }
            if (response.getCookies() != null) {
                for (String cookie : response.getCookies()) {
                    exchange.getResponseHeaders().add("Set-Cookie", cookie);
                }
            }
            String body = response.getBody() == null ? "" : response.getBody();
            byte[] bytes = response.getIsBase64Encoded()
                    ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
            send(exchange, response.getStatusCode(), withCors(headers, origin), bytes);
        }
    }

    static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.put(key, String.join(",", values));
            }
        });
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        boolean text = isText(headers.get("content-type"));
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Instant now = Instant.now();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(QueryStrings.parse(rawQuery))
                .withBody(
                        body.length == 0
                                ? null
                                : text
                                        ? new String(body, StandardCharsets.UTF_8)
                                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName(headers.getOrDefault("host", "localhost"))
                        .withDomainPrefix("local")
                        .withRequestId(UUID.randomUUID().toString())
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(rawPath)
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(
                                        exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
    }

    /** API Gateway passes text bodies as they are and base64-encodes everything else. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("application/javascript");
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean empty =
                body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The parts of a Lambda context a handler may read, with local values. */
    private static final class LocalLambdaContext implements Context {
        private final String requestId = UUID.randomUUID().toString();

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/cairn-local-api";
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return "cairn-local-api";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:cairn-local-api:live";
        }

        @Override
        public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 29_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
            return new com.amazonaws.services.lambda.runtime.LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
