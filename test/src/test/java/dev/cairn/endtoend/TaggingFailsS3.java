package dev.cairn.endtoend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An S3 endpoint on loopback in front of the local stack's S3Mock that answers every
 * PutObjectTagging with 500 InternalError and passes everything else through: S3 failing at the
 * one step of a flow that a test wants to see fail.
 */
final class TaggingFailsS3 implements AutoCloseable {
    /** Headers Java's HTTP client sets itself, or that describe only one hop. */
    private static final Set<String> HOP_HEADERS =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger refused = new AtomicInteger();

    TaggingFailsS3(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many tagging requests were answered with a failure. */
    int refusedTaggings() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            if ("PUT".equals(exchange.getRequestMethod())
                    && query != null
                    && List.of(query.split("&")).stream()
                            .anyMatch(p -> p.equals("tagging") || p.startsWith("tagging="))) {
                refused.incrementAndGet();
                byte[] error =
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code><Message>Tagging fails here</Message></Error>"
                                .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            forward(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(target + exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_HEADERS.contains(name) || name.equals("content-length")) {
                exchange.getResponseHeaders().put(header.getKey(), header.getValue());
            }
        }
        byte[] answer = response.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
        if (!head && answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
