package dev.cairn.api.revalidation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The queue's message is the change as JSON, which the worker reads back whole; a queue that
 * cannot be reached is logged, and never fails the caller's write.
 */
class SqsContentChangesTest {
    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final ContentChange CHANGE =
            new ContentChange(List.of("/api/pages/about"), List.of("/about"), List.of("page:about"));

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private SqsClient sqs;

    @BeforeEach
    void captureLogs() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(SqsContentChanges.class)).addAppender(logged);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(SqsContentChanges.class)).detachAppender(logged);
        if (sqs != null) {
            sqs.close();
        }
    }

    @Test
    void theMessageIsTheChangeAsTheWorkerReadsIt() throws IOException {
        SqsContentChanges changes = new SqsContentChanges((SqsClient) null, JSON, "https://sqs.example/q");

        String body = changes.messageBody(CHANGE);

        assertThat(body)
                .isEqualTo(
                        "{\"cdnPaths\":[\"/api/pages/about\"],\"sitePaths\":[\"/about\"],\"tags\":[\"page:about\"]}");
        assertThat(JSON.readValue(body, ContentChange.class)).isEqualTo(CHANGE);
    }

    @Test
    void aQueueThatCannotBeReachedIsLoggedNotThrown() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        sqs = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closed))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String queueUrl = "http://127.0.0.1:" + closed + "/000000000000/cairn-local-revalidation";

        new SqsContentChanges(sqs, JSON, queueUrl).changed(CHANGE);

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage())
                    .contains("/about")
                    .contains("page:about")
                    .contains(queueUrl);
        });
    }
}
