package dev.cairn.endtoend;

import dev.cairn.local.LocalCairn;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client of the local stack's HTTP API, as a web or mobile app would be: JSON over HTTP. Every
 * exchange is checked against the API's OpenAPI document ({@link OpenApiContract}).
 */
public final class ApiClient {
    private final URI baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final OpenApiContract contract;

    ApiClient(LocalCairn stack) {
        this(stack, stack.baseUrl());
    }

    /** A client of the API at {@code baseUrl}, e.g. another instance of the stack's function. */
    ApiClient(LocalCairn stack, URI baseUrl) {
        this.baseUrl = baseUrl;
        this.json = stack.app().getBean(JsonMapper.class);
        this.contract = OpenApiContract.of(stack.options().blueprint());
    }

    /** A response with its body parsed: {@code body} is the envelope. */
    public record Reply(int status, Map<String, Object> body, HttpResponse<String> raw) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) body.get("data");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> error() {
            return (Map<String, Object>) body.get("error");
        }

        public String errorCode() {
            return error() == null ? null : (String) error().get("code");
        }

        public String text(String field) {
            return (String) data().get(field);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, null, token);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, null);
    }

    public Reply post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    public Reply send(String method, String path, Object body, String token) {
        return send(method, path, body, token, Map.of());
    }

    /** A request with extra headers (they win over the defaults, e.g. a merge-patch Content-Type). */
    public Reply send(String method, String path, Object body, String token, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            text == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(text))
                    .header("Content-Type", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::setHeader);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            contract.verify(OpenApiContract.Exchange.of(response, text));
            return new Reply(response.statusCode(), parse(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String body) throws IOException {
        if (body == null || body.isBlank()) {
            return new LinkedHashMap<>();
        }
        return json.readValue(body, Map.class);
    }
}
