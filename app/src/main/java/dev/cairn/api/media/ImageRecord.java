package dev.cairn.api.media;

import dev.cairn.api.storage.ImageFormat;
import dev.cairn.contract.MediaLayout;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An uploaded image: its cleaned original, its thumbnail and its responsive variants, all under
 * {@code images/USER/IMAGE/} in the media bucket.
 */
@Serdeable
public record ImageRecord(
        String userId,
        String imageId,
        ImageFormat format,
        int width,
        int height,
        long bytes,
        String originalKey,
        String thumbnailKey,
        List<Variant> variants,
        String status,
        String createdAt,
        String updatedAt) {

    public static final String PROCESSING = "PROCESSING";
    public static final String READY = "READY";

    public ImageRecord {
        variants = List.copyOf(variants);
    }

    public String prefix() {
        return prefix(userId, imageId);
    }

    static String prefix(String userId, String imageId) {
        return MediaLayout.imageOf(userId, imageId);
    }

    ImageRecord with(List<Variant> newVariants, String newStatus, String now) {
        return new ImageRecord(
                userId,
                imageId,
                format,
                width,
                height,
                bytes,
                originalKey,
                thumbnailKey,
                newVariants,
                newStatus,
                createdAt,
                now);
    }

    /** One responsive variant. */
    @Serdeable
    public record Variant(int width, ImageFormat format, String key) {}
}
