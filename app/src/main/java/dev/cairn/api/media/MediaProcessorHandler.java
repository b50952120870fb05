package dev.cairn.api.media;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cairn.contract.MediaLayout;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code media-processor} function: the media bucket's event for a new original under
 * {@code images/USER/IMAGE/} makes that image's variants. Keys that are not originals
 * (variants, thumbnails) are ignored. An event that is not an S3 {@code Object Created} event with
 * an object key is logged and skipped: retrying it could not make it one.
 */
public class MediaProcessorHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MediaProcessorHandler.class);

    private final ImageVariants variants;
    private final JsonMapper json;

    public MediaProcessorHandler() {
        this(ApplicationContext.run());
    }

    public MediaProcessorHandler(ApplicationContext context) {
        this.variants = context.getBean(ImageVariants.class);
        this.json = context.getBean(JsonMapper.class);
    }

    MediaProcessorHandler(ImageVariants variants, JsonMapper json) {
        this.variants = variants;
        this.json = json;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        // EventBridge's "Object Created" event: MediaBucket routes the bucket's events this way.
        read(input.readAllBytes()).ifPresent(this::handle);
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    private Optional<ObjectCreatedEvent> read(byte[] body) {
        try {
            return Optional.ofNullable(json.readValue(body, ObjectCreatedEvent.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipped an event that does not read as an S3 Object Created event: {}", e.getMessage());
            return Optional.empty();
        }
    }

    void handle(ObjectCreatedEvent event) {
        String key = event.objectKey();
        if (key == null) {
            LOG.warn(
                    "Skipped event {} (detail-type {}, bucket {}): it names no object key",
                    event.id(),
                    event.detailType(),
                    event.detail() == null || event.detail().bucket() == null
                            ? null
                            : event.detail().bucket().name());
            return;
        }
        handleKey(key);
    }

    void handleKey(String key) {
        Matcher matcher = MediaLayout.ORIGINAL_KEY.matcher(key);
        if (matcher.matches()) {
            variants.generate(matcher.group(1), matcher.group(2));
        }
    }
}
