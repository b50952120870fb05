package dev.cairn.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The media-processor function reads S3's EventBridge {@code Object Created} event as AWS sends it
 * (the sample is the S3 user guide's, with a media original's key), and skips, with a log line,
 * an event it cannot act on instead of failing the invocation.
 */
class MediaProcessorHandlerTest {
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private final List<String> generated = new ArrayList<>();
    private final ImageVariants variants = new ImageVariants(null, null, null) {
        @Override
        public void generate(String userId, String imageId) {
            generated.add(userId + "/" + imageId);
        }
    };
    private final MediaProcessorHandler handler = new MediaProcessorHandler(variants, JSON);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(MediaProcessorHandler.class)).addAppender(logged);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(MediaProcessorHandler.class)).detachAppender(logged);
    }

    @Test
    void theDocumentedEventReadsIntoTheRecord() throws IOException {
        ObjectCreatedEvent event = JSON.readValue(sample(), ObjectCreatedEvent.class);

        assertThat(event.id()).isEqualTo("17793124-05d4-b198-2fde-7ededc63b103");
        assertThat(event.detailType()).isEqualTo("Object Created");
        assertThat(event.source()).isEqualTo("aws.s3");
        assertThat(event.time()).isEqualTo(Instant.parse("2021-11-12T00:00:00Z"));
        assertThat(event.resources()).containsExactly("arn:aws:s3:::cairn-dev-media");
        assertThat(event.detail().bucket().name()).isEqualTo("cairn-dev-media");
        assertThat(event.detail().object())
                .isEqualTo(new ObjectCreatedEvent.CreatedObject(
                        "images/user-1/image-1/original.jpg",
                        5L,
                        "b1946ac92492d2347c6235b4d2611184",
                        "IYV3p45BhZA1.U1fdJPiaQrTgK94eYxr",
                        "00617F08299329D189"));
        assertThat(event.detail().requestId()).isEqualTo("N4N7GDK58NMKJ12R");
        assertThat(event.detail().sourceIpAddress()).isEqualTo("1.2.3.4");
        assertThat(event.detail().reason()).isEqualTo("PutObject");
        assertThat(event.objectKey()).isEqualTo("images/user-1/image-1/original.jpg");
    }

    @Test
    void anOriginalsEventMakesThatImagesVariants() throws IOException {
        String output = invoke(sample());

        assertThat(generated).containsExactly("user-1/image-1");
        assertThat(output).isEqualTo("{}");
        assertThat(logged.list).isEmpty();
    }

    @Test
    void aVariantsOwnEventIsIgnoredQuietly() throws IOException {
        invoke(sample().replace("images/user-1/image-1/original.jpg", "images/user-1/image-1/w320.webp"));

        assertThat(generated).isEmpty();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void anEventWithoutAnObjectKeyIsLoggedAndSkipped() throws IOException {
        String output = invoke(sample().replace("\"key\": \"images/user-1/image-1/original.jpg\",", ""));

        assertThat(generated).isEmpty();
        assertThat(output).isEqualTo("{}");
        assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("17793124-05d4-b198-2fde-7ededc63b103")
                .contains("Object Created")
                .contains("cairn-dev-media")
                .contains("no object key"));
    }

    @Test
    void anEventWithoutDetailIsLoggedAndSkipped() throws IOException {
        invoke("{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"Object Created\"}");

        assertThat(generated).isEmpty();
        assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("e-1")
                .contains("no object key"));
    }

    @Test
    void somethingThatIsNotTheEventIsLoggedAndSkipped() throws IOException {
        String output = invoke("{\"detail\": \"not an object\"}");

        assertThat(generated).isEmpty();
        assertThat(output).isEqualTo("{}");
        assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .startsWith("Skipped an event that does not read as an S3 Object Created event"));
    }

    private String invoke(String event) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);
        return output.toString(StandardCharsets.UTF_8);
    }

    private static String sample() throws IOException {
        try (InputStream in = MediaProcessorHandlerTest.class.getResourceAsStream("/events/s3-object-created.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
