package dev.cairn.api.revalidation;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** When no delivery is configured (no queue, not in-process): each change is only logged. */
@Singleton
@Secondary
final class LoggedContentChanges implements ContentChanges {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedContentChanges.class);

    @Override
    public void changed(ContentChange change) {
        LOG.info("Content changed, no revalidation configured: {}", change);
    }
}
