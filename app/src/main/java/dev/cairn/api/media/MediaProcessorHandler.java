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
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The {@code media-processor} function: the media bucket's event for a new original under
 * {@code images/USER/IMAGE/} makes that image's variants. Keys that are not originals
 * (variants, thumbnails) are ignored.
 */
public class MediaProcessorHandler implements RequestStreamHandler {
    private final ImageVariants variants;
    private final JsonMapper json;

    public MediaProcessorHandler() {
        this(ApplicationContext.run());
    }

    public MediaProcessorHandler(ApplicationContext context) {
        this.variants = context.getBean(ImageVariants.class);
        this.json = context.getBean(JsonMapper.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = json.readValue(input.readAllBytes(), Map.class);
        // EventBridge's "Object Created" event: MediaBucket routes the bucket's events this way.
        if (event.get("detail") instanceof Map<?, ?> detail && detail.get("object") instanceof Map<?, ?> object) {
            handleKey(String.valueOf(object.get("key")));
        }
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    void handleKey(String key) {
        Matcher matcher = MediaLayout.ORIGINAL_KEY.matcher(key);
        if (matcher.matches()) {
            variants.generate(matcher.group(1), matcher.group(2));
        }
    }
}
