package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contract.Cors;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A browser page on another origin calling the API, as the HTTP API's CORS configuration lets it:
 * the local stack allows {@link Cors#LOCAL_ORIGINS} by default.
 */
class CorsTest extends EndToEnd {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ALLOWED = "http://localhost:5173";
    /** Not allowed, yet on localhost: the app's own guard against pages elsewhere stays out of the way. */
    private static final String FOREIGN = "http://localhost:4000";

    @Test
    void thePreflightOfAnAllowedOriginIsAnsweredWithoutAToken() throws Exception {
        HttpResponse<String> preflight =
                preflight("/api/guitars", ALLOWED, "PUT", "authorization,content-type,if-match");

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(ALLOWED);
        assertThat(list(preflight, "Access-Control-Allow-Methods"))
                .containsExactlyInAnyOrder("get", "post", "put", "patch", "delete");
        assertThat(list(preflight, "Access-Control-Allow-Headers"))
                .containsExactlyInAnyOrder("authorization", "content-type", "if-match", "if-none-match", "x-api-key");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void thePreflightOfAnotherOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> preflight = preflight("/api/guitars", FOREIGN, "GET", "authorization");

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .isEmpty();
    }

    @Test
    void responsesToAnAllowedOriginLetItsScriptReadTheEtagAndTheRequestId() throws Exception {
        HttpResponse<String> health = get("/api/health", "http://localhost:3000");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(list(health, "Access-Control-Expose-Headers")).contains("etag", "x-request-id");
        assertThat(health.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(health.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Origin");

        HttpResponse<String> refused = get("/api/guitars", ALLOWED);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    }

    @Test
    void responsesToAnotherOriginCarryNoCorsHeaders() throws Exception {
        HttpResponse<String> health = get("/api/health", FOREIGN);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(health.headers().firstValue("Access-Control-Expose-Headers")).isEmpty();

        // A page off localhost is refused by the app itself on a loopback host (Micronaut's
        // drive-by-localhost guard); either way it gets no CORS headers.
        HttpResponse<String> remote = get("/api/health", "https://elsewhere.example");
        assertThat(remote.statusCode()).isEqualTo(403);
        assertThat(remote.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpResponse<String> preflight(String path, String origin, String method, String headers)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(stack.baseUrl().resolve(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String origin) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(stack.baseUrl().resolve(path))
                .header("Origin", origin)
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A comma-separated header's entries, lower-cased (header names compare without case). */
    private static List<String> list(HttpResponse<String> response, String header) {
        return Arrays.stream(response.headers().firstValue(header).orElse("").split(","))
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty())
                .toList();
    }
}
