package dev.cairn.api.revalidation;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.contract.Functions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** A front end's revalidation hook on a loopback port: records each call, answers what it is told. */
final class HookServer implements AutoCloseable {
    /** One call: its body, signature header and content type. */
    record Call(String body, String signature, String contentType) {}

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();

    HookServer(ToIntFunction<String> status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/revalidate", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (calls) {
                    calls.add(new Call(
                            body,
                            exchange.getRequestHeaders().getFirst(Functions.REVALIDATION_SIGNATURE_HEADER),
                            exchange.getRequestHeaders().getFirst("Content-Type")));
                    calls.notifyAll();
                }
                byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status.applyAsInt(body), answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        });
        server.start();
    }

    String url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/revalidate")
                .toString();
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Waits up to {@code millis} for {@code count} calls. */
    List<Call> await(int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (calls) {
            while (calls.size() < count) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("Only " + calls.size() + " hook calls within " + millis + " ms");
                }
                calls.wait(left);
            }
            return List.copyOf(calls);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
