package dev.cairn.api.media;

import dev.cairn.api.storage.MediaObjects;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * In AWS, writing an original under {@code images/} raises the bucket's event, and the
 * media-processor function makes the variants: nothing more to do here. To make them again, the
 * original is written again in place ({@link MediaObjects#rewrite}), which raises the same event.
 */
@Singleton
@Requires(property = "cairn.media.variants", value = "s3-event", defaultValue = "s3-event")
final class S3EventVariantRequests implements VariantRequests {
    @Override
    public void request(String userId, String imageId) {}
}
