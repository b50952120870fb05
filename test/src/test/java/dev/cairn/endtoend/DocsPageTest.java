package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.ApiClient.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The API's own description: generated at build time, served, and rendered by a real browser. */
class DocsPageTest extends EndToEnd {

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesEveryRouteInOpenApi31() {
        Reply document = api.get("/api/openapi.json", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).containsEntry("openapi", "3.1.0");
        Map<String, Object> paths = (Map<String, Object>) document.body().get("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/health",
                        "/api/auth/register",
                        "/api/auth/login",
                        "/api/auth/login/mfa",
                        "/api/auth/refresh",
                        "/api/auth/logout",
                        "/api/user/profile")
                .containsKeys("/api/guitars", "/api/guitars/{id}")
                .doesNotContainKeys("/api/docs", "/api/openapi.json", "/api/notes", "/api/keys", "/api/files");
        assertThat(document.body()).extracting("info").asString().contains("Guitar Collection");
        Map<String, Object> profile =
                (Map<String, Object>) ((Map<String, Object>) paths.get("/api/user/profile")).get("get");
        assertThat(profile.get("security")).isEqualTo(List.of(Map.of("bearer", List.of())));
    }

    @Test
    void theDocsPageListsTheAuthRoutesInHeadlessChromium() throws Exception {
        String dom = renderInChromium(stack.baseUrl() + "/api/docs");

        assertThat(dom)
                .contains("data-route=\"POST /api/auth/register\"")
                .contains("data-route=\"POST /api/auth/login\"")
                .contains("data-route=\"POST /api/auth/refresh\"")
                .contains("data-route=\"POST /api/auth/forgot-password\"")
                .contains("data-route=\"GET /api/user/profile\"")
                .doesNotContain("could not be loaded");
    }

    /** Loads {@code url} in headless Chromium (Debian's package), runs its scripts, returns the DOM. */
    static String renderInChromium(String url) throws IOException, InterruptedException {
        String configured = System.getProperty("cairn.chromium", System.getenv("CAIRN_CHROMIUM"));
        Path chromium = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        assertThat(chromium)
                .as("headless Chromium for the docs page test: apt-get install chromium (or set -Dcairn.chromium)")
                .isExecutable();
        Path profile = Files.createTempDirectory("cairn-chromium");
        Process browser = new ProcessBuilder(
                        chromium.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--virtual-time-budget=10000",
                        "--dump-dom",
                        url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] dom = browser.getInputStream().readAllBytes();
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(dom, StandardCharsets.UTF_8);
    }
}
