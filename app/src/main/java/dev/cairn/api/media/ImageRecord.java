package dev.cairn.api.media;

import dev.cairn.api.storage.ImageFormat;
import dev.cairn.contract.MediaLayout;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An uploaded image: its cleaned original, its thumbnail and its responsive variants, all under
 * {@code images/USER/IMAGE/} in the media bucket, and its placeholder once the variants are made.
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
        String updatedAt,
        @Nullable Placeholder placeholder) {

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
        return with(newVariants, placeholder, newStatus, now);
    }

    ImageRecord with(List<Variant> newVariants, @Nullable Placeholder newPlaceholder, String newStatus, String now) {
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
                now,
                newPlaceholder);
    }

    /** One responsive variant, {@code width} x {@code height} pixels. */
    @Serdeable
    public record Variant(int width, int height, ImageFormat format, String key) {}

    /**
     * What a page shows while the image loads: its average colour as {@code #rrggbb} and, when it
     * fits in {@link ImageCodec#MAX_PREVIEW_CHARS}, a tiny JPEG preview as a {@code data:} URI.
     */
    @Serdeable
    public record Placeholder(String color, @Nullable String dataUri) {}
}
