package dev.cairn.api.revalidation;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each change on a background thread of the same process, with the worker's own code:
 * the local stack's stand-in for the queue and the revalidation function. A failed delivery is
 * logged; there is no retry.
 */
@Singleton
@Requires(property = "cairn.revalidation.delivery", value = "in-process")
final class InProcessContentChanges implements ContentChanges {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessContentChanges.class);

    private final RevalidationDelivery delivery;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "revalidation");
        thread.setDaemon(true);
        return thread;
    });

    InProcessContentChanges(RevalidationDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void changed(ContentChange change) {
        try {
            worker.execute(() -> {
                try {
                    delivery.deliver(change, UUID.randomUUID().toString());
                } catch (RuntimeException e) {
                    LOG.error("The revalidation of {} (tags {}) failed", change.sitePaths(), change.tags(), e);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("The revalidation of {} could not start: {}", change.sitePaths(), e.toString());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
