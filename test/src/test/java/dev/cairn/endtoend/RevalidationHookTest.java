package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.revalidation.ContentChange;
import dev.cairn.api.revalidation.ContentChanges;
import dev.cairn.api.revalidation.RevalidationSignature;
import dev.cairn.contract.Functions;
import dev.cairn.local.LocalCairn;
import dev.cairn.local.Revalidations;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The front-end revalidation hook on the local stack: a content change reaches the stack's own
 * hook at {@code POST /_local/revalidate} signed, through the same delivery code the worker runs in
 * AWS, and is listed at {@code GET /_local/outbox?to=revalidate}; a call whose signature does not
 * verify is recorded as not verified and refused with 401.
 */
@StackBlueprint("photo-portfolio")
class RevalidationHookTest extends EndToEnd {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aContentChangeReachesTheHookSignedAndIsListedInTheOutbox() throws Exception {
        int before = stack.revalidations().all().size();
        ContentChange change = new ContentChange(
                List.of("/api/projects*"),
                List.of("/", "/work/interiors", "/projects/p-e2e"),
                List.of("projects", "projects:interiors", "project:p-e2e"));

        stack.app().getBean(ContentChanges.class).changed(change);

        Revalidations.Call call = stack.revalidations().await(before, 15_000);
        assertThat(call.paths()).isEqualTo(change.sitePaths());
        assertThat(call.tags()).isEqualTo(change.tags());
        assertThat(call.signature()).matches("t=[0-9]+,v1=[0-9a-f]{64}");
        assertThat(call.verified()).isTrue();

        HttpResponse<String> outbox = HTTP.send(
                HttpRequest.newBuilder(stack.baseUrl().resolve("/_local/outbox?to=revalidate"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(outbox.statusCode()).isEqualTo(200);
        List<Map<String, Object>> listed = read(outbox.body());
        assertThat(listed).anySatisfy(entry -> assertThat(entry)
                .containsEntry("paths", change.sitePaths())
                .containsEntry("tags", change.tags())
                .containsEntry("signature", call.signature())
                .containsEntry("verified", true)
                .containsKey("receivedAt"));
        assertThat(Instant.parse((String) listed.getLast().get("receivedAt"))).isNotNull();
    }

    @Test
    void aCallSignedWithTheStacksSecretIsTaken() throws Exception {
        String body = "{\"paths\":[\"/about\"],\"tags\":[\"page:about\"]}";
        String signature = new RevalidationSignature(stack.revalidationSecret()).sign(body, Instant.now());

        HttpResponse<String> response = post(body, signature);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(stack.revalidations().all().getLast().verified()).isTrue();
    }

    @Test
    void aForgedCallIsRecordedAsNotVerifiedAndRefused() throws Exception {
        String body = "{\"paths\":[\"/\"],\"tags\":[\"projects\"]}";
        String forged = new RevalidationSignature("a guessed secret").sign(body, Instant.now());
        int before = stack.revalidations().all().size();

        HttpResponse<String> response = post(body, forged);

        assertThat(response.statusCode()).isEqualTo(401);
        Revalidations.Call call = stack.revalidations().await(before, 1_000);
        assertThat(call.verified()).isFalse();
        assertThat(call.signature()).isEqualTo(forged);
        assertThat(call.paths()).containsExactly("/");
        assertThat(call.tags()).containsExactly("projects");
    }

    @Test
    void aReplayedOldCallAndAnUnsignedOneAreRefused() throws Exception {
        String body = "{\"paths\":[\"/\"],\"tags\":[\"projects\"]}";
        String stale = new RevalidationSignature(stack.revalidationSecret())
                .sign(body, Instant.now().minus(Duration.ofMinutes(10)));

        assertThat(post(body, stale).statusCode()).isEqualTo(401);
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(stack.revalidations().all().getLast().signature()).isNull();
        assertThat(stack.revalidations().all().getLast().verified()).isFalse();
    }

    private static HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + LocalCairn.REVALIDATE_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(Functions.REVALIDATION_SIGNATURE_HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Map<String, Object>> read(String json) throws Exception {
        return stack.app()
                .getBean(JsonMapper.class)
                .readValue(json, Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }
}
