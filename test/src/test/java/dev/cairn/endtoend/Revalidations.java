package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.local.LocalCairn;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The front-end revalidation hooks the local stack received on its own revalidation URL, as
 * {@code GET /_local/outbox?to=revalidate} lists them: each with the paths and tags the API named,
 * the signature header it came with, and whether that signature checked out.
 */
final class Revalidations {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Revalidations() {}

    /** One delivered hook. */
    record Hook(List<String> paths, List<String> tags, String signature, boolean verified, String receivedAt) {}

    /** Every hook received so far, oldest first. */
    @SuppressWarnings("unchecked")
    static List<Hook> all(LocalCairn stack) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/_local/outbox?to=revalidate"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<Map<String, Object>> entries = stack.app()
                    .getBean(JsonMapper.class)
                    .readValue(response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
            return entries.stream()
                    .map(entry -> new Hook(
                            (List<String>) entry.get("paths"),
                            (List<String>) entry.get("tags"),
                            (String) entry.get("signature"),
                            Boolean.TRUE.equals(entry.get("verified")),
                            String.valueOf(entry.get("receivedAt"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hooks received so far that carry {@code tag}. */
    static List<Hook> tagged(LocalCairn stack, String tag) {
        return all(stack).stream().filter(hook -> hook.tags().contains(tag)).toList();
    }

    /**
     * Waits (delivery is asynchronous) until {@code count} hooks carrying {@code tag} and matching
     * {@code also} have arrived; answers the newest of them.
     */
    static Hook await(LocalCairn stack, String tag, int count, Predicate<Hook> also) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            List<Hook> hooks = tagged(stack, tag).stream().filter(also).toList();
            if (hooks.size() >= count) {
                return hooks.get(count - 1);
            }
            assertThat(System.currentTimeMillis())
                    .as("%d revalidation hook(s) tagged %s in time; received: %s", count, tag, all(stack))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** {@link #await(LocalCairn, String, int, Predicate)} for the first hook carrying {@code tag}. */
    static Hook await(LocalCairn stack, String tag) throws InterruptedException {
        return await(stack, tag, 1, hook -> true);
    }
}
