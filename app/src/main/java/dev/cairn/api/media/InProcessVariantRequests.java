package dev.cairn.api.media;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes variants on a background thread of the same process: the local stack's stand-in for the
 * bucket event and the media-processor function.
 */
@Singleton
@Requires(property = "cairn.media.variants", value = "in-process")
final class InProcessVariantRequests implements VariantRequests {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessVariantRequests.class);

    private final ImageVariants variants;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "media-processor");
        thread.setDaemon(true);
        return thread;
    });

    InProcessVariantRequests(ImageVariants variants) {
        this.variants = variants;
    }

    @Override
    public void request(String userId, String imageId) {
        worker.execute(() -> {
            try {
                variants.generate(userId, imageId);
            } catch (RuntimeException e) {
                LOG.error("Variants of image {} failed", imageId, e);
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
