package dev.cairn.api.revalidation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker reads SQS's event as Lambda sends it (the sample follows the Lambda developer guide's,
 * with the API's messages) and answers the partial batch response: exactly the messages that
 * failed, while the others are delivered.
 */
class RevalidationHandlerTest {
    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final RevalidationSignature SIGNATURE = new RevalidationSignature("worker-test-secret");

    private HookServer hook;

    @AfterEach
    void stop() {
        hook.close();
    }

    @Test
    void theFailedMessagesAreReportedAndTheOthersDelivered() throws IOException {
        // The front end refuses the travel page's revalidation; the others succeed.
        hook = new HookServer(body -> body.contains("projects:travel") ? 500 : 204);

        String output = invoke(hook.url());

        assertThat(output)
                .isEqualTo("{\"batchItemFailures\":["
                        + "{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"},"
                        + "{\"itemIdentifier\":\"7b270e59-b331-4f1c-8bb1-3e8b2c5e4d11\"}]}");
        assertThat(hook.calls())
                .extracting(HookServer.Call::body)
                .containsExactly(
                        "{\"paths\":[\"/\",\"/work/interiors\"],\"tags\":[\"projects\",\"projects:interiors\"]}",
                        "{\"paths\":[\"/work/travel\"],\"tags\":[\"projects:travel\"]}",
                        "{\"paths\":[\"/about\"],\"tags\":[\"page:about\"]}");
        assertThat(hook.calls())
                .allSatisfy(call -> assertThat(SIGNATURE.verify(call.signature(), call.body(), Instant.now()))
                        .isTrue());
    }

    @Test
    void whenEveryMessageIsDeliveredNoneIsReported() throws IOException {
        hook = new HookServer(body -> 200);

        String output = invoke(hook.url());

        assertThat(output)
                .isEqualTo(
                        "{\"batchItemFailures\":[" + "{\"itemIdentifier\":\"7b270e59-b331-4f1c-8bb1-3e8b2c5e4d11\"}]}");
        assertThat(hook.calls()).hasSize(3);
    }

    @Test
    void anEmptyEventReportsNothing() throws IOException {
        hook = new HookServer(body -> 200);
        RevalidationHandler handler = handler(hook.url());
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        handler.handleRequest(
                new ByteArrayInputStream("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)), output, null);

        assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    }

    private String invoke(String url) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler(url).handleRequest(new ByteArrayInputStream(sample()), output, null);
        return output.toString(StandardCharsets.UTF_8);
    }

    private static RevalidationHandler handler(String url) {
        RevalidationDelivery delivery = new RevalidationDelivery(
                "",
                url,
                () -> {
                    throw new AssertionError("no distribution is configured");
                },
                () -> SIGNATURE,
                JSON,
                Clock.systemUTC());
        return new RevalidationHandler(delivery, JSON);
    }

    private static byte[] sample() throws IOException {
        try (InputStream in = RevalidationHandlerTest.class.getResourceAsStream("/events/sqs-revalidation.json")) {
            return in.readAllBytes();
        }
    }
}
