package dev.cairn.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.api.data.PrettyJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lambda Invoke API on loopback, for the functions the stand-ins call: cognito-local sends
 * its triggers here as Cognito would invoke the {@code auth-triggers} function, and the app's own
 * handler class answers.
 */
final class LocalLambdaEndpoint implements AutoCloseable {
    private static final String PREFIX = "/2015-03-31/functions/";

    private final int port;
    private final Map<String, RequestStreamHandler> functions = new ConcurrentHashMap<>();
    private HttpServer server;

    LocalLambdaEndpoint() {
        this.port = Ports.free();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Serves the functions from now on; callers that came earlier got a connection refused. */
    void start(Map<String, RequestStreamHandler> handlers) {
        functions.putAll(handlers);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext(PREFIX, this::invoke).getFilters().add(HttpApiEmulator.loopbackHostsOnly());
        server.start();
    }

    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String name = path.substring(PREFIX.length()).replaceAll("/invocations$", "");
            RequestStreamHandler handler = functions.get(name);
            if (handler == null) {
                byte[] body = ("{\"Type\":\"User\",\"message\":\"Function not found: " + name + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                HttpApiEmulator.send(exchange, 404, Map.of("X-Amzn-ErrorType", "ResourceNotFoundException"), body);
                return;
            }
            byte[] event;
            try (InputStream in = exchange.getRequestBody()) {
                event = in.readAllBytes();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(event), out, null);
                HttpApiEmulator.send(exchange, 200, Map.of("Content-Type", "application/json"), out.toByteArray());
            } catch (RuntimeException e) {
                byte[] body = ("{\"errorMessage\":" + PrettyJson.quote(String.valueOf(e.getMessage()))
                                + ",\"errorType\":"
                                + PrettyJson.quote(e.getClass().getSimpleName()) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                HttpApiEmulator.send(exchange, 200, Map.of("X-Amz-Function-Error", "Unhandled"), body);
            }
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
