package dev.cairn.api.revalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.aws.CdnInvalidations;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivery to a real HTTP server standing in for the front end's hook. */
class RevalidationDeliveryTest {
    private static final String SECRET = "a-revalidation-secret-for-tests";
    private static final ContentChange CHANGE = new ContentChange(
            List.of("/api/projects*"),
            List.of("/", "/work/interiors", "/projects/p-1"),
            List.of("projects", "projects:interiors", "project:p-1"));
    private static final Supplier<CdnInvalidations> NO_CDN = () -> {
        throw new AssertionError("no distribution is configured, so the CDN is not asked");
    };

    private final RevalidationSignature signature = new RevalidationSignature(SECRET);
    private HookServer hook;

    @AfterEach
    void stop() {
        if (hook != null) {
            hook.close();
        }
    }

    @Test
    void theHookGetsThePathsAndTagsSigned() throws IOException {
        hook = new HookServer(body -> 200);

        delivery(hook.url()).deliver(CHANGE, "m-1");

        assertThat(hook.calls()).singleElement().satisfies(call -> {
            assertThat(call.body())
                    .isEqualTo("{\"paths\":[\"/\",\"/work/interiors\",\"/projects/p-1\"],"
                            + "\"tags\":[\"projects\",\"projects:interiors\",\"project:p-1\"]}");
            assertThat(call.contentType()).isEqualTo("application/json");
            assertThat(call.signature()).matches("t=[0-9]+,v1=[0-9a-f]{64}");
            assertThat(signature.verify(call.signature(), call.body(), Instant.now()))
                    .isTrue();
            assertThat(new RevalidationSignature("another secret").verify(call.signature(), call.body(), Instant.now()))
                    .isFalse();
        });
    }

    @Test
    void aHookAnswerOutside2xxIsAFailure() throws IOException {
        hook = new HookServer(body -> 503);

        assertThatThrownBy(() -> delivery(hook.url()).deliver(CHANGE, "m-1"))
                .isInstanceOf(RevalidationDelivery.DeliveryFailedException.class)
                .hasMessageContaining("503");
        assertThat(hook.calls()).hasSize(1);
    }

    @Test
    void aRedirectIsAFailureNotFollowed() throws IOException {
        hook = new HookServer(body -> 302);

        assertThatThrownBy(() -> delivery(hook.url()).deliver(CHANGE, "m-1"))
                .isInstanceOf(RevalidationDelivery.DeliveryFailedException.class)
                .hasMessageContaining("302");
    }

    @Test
    void anUnreachableHookIsAFailure() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> delivery("http://127.0.0.1:" + closed + "/api/revalidate")
                        .deliver(CHANGE, "m-1"))
                .isInstanceOf(RevalidationDelivery.DeliveryFailedException.class)
                .hasMessageContaining("could not be called");
    }

    @Test
    void withoutAHookUrlNothingIsCalledAndNothingFails() {
        delivery("").deliver(CHANGE, "m-1");
    }

    @Test
    void aChangeWithNothingForTheFrontEndCallsNoHook() throws IOException {
        hook = new HookServer(body -> 200);

        delivery(hook.url()).deliver(new ContentChange(List.of("/api/projects*"), List.of(), List.of()), "m-1");

        assertThat(hook.calls()).isEmpty();
    }

    private RevalidationDelivery delivery(String url) {
        return new RevalidationDelivery("", url, NO_CDN, () -> signature, ObjectMapper.getDefault(), Clock.systemUTC());
    }
}
