package dev.cairn.api.docs;

import dev.cairn.api.identity.Public;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The blueprint's OpenAPI document, which the build generated, and a small page that renders it. Everything is
 * served from the artifact: no third-party scripts, so the CDN's content security policy holds.
 */
@Hidden
@Controller("/api")
final class DocsController {
    private static final String CACHE = "public, max-age=300";

    private final byte[] openApi;
    private final byte[] page = resource("/dev/cairn/api/docs/index.html");
    private final byte[] script = resource("/dev/cairn/api/docs/docs.js");

    DocsController(@Value("${cairn.blueprint:}") String blueprint) {
        this.openApi = resource("/" + ApiDocumentation.documentOf(blueprint));
    }

    @Public
    @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(openApi).header("Cache-Control", CACHE);
    }

    @Public
    @Get(value = "/docs", produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> docs() {
        return HttpResponse.ok(page).header("Cache-Control", CACHE);
    }

    @Public
    @Get(value = "/docs/docs.js", produces = "text/javascript")
    HttpResponse<byte[]> script() {
        return HttpResponse.ok(script).header("Cache-Control", CACHE);
    }

    private static byte[] resource(String path) {
        try (InputStream in = DocsController.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the artifact");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
