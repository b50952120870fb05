package dev.cairn.api.revalidation;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content changes of a stack that delivers them nowhere: they are logged (at debug) and
 * dropped. Any other {@link ContentChanges} bean takes its place.
 */
@Singleton
@Secondary
final class LoggedContentChanges implements ContentChanges {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedContentChanges.class);

    @Override
    public void changed(ContentChange change) {
        LOG.debug("Content changed, delivered nowhere: {}", change);
    }
}
