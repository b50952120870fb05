package dev.cairn.api.media;

import dev.cairn.api.storage.MediaSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An image as clients see it: CDN URLs for the original, the thumbnail and every variant (each with
 * its size, ready for {@code srcset}), and, once the variants are made, a placeholder to show while
 * it loads.
 */
@Serdeable
public record ImageView(
        String imageId,
        String imageUrl,
        String thumbnailUrl,
        String contentType,
        int width,
        int height,
        List<VariantView> variants,
        String status,
        String createdAt,
        @Nullable PlaceholderView placeholder) {

    /** One variant: its size in pixels, its media type and its CDN URL. */
    @Serdeable
    public record VariantView(int width, int height, String format, String url) {}

    /**
     * The image's average colour as {@code #rrggbb} and, when small enough, a blurred preview about
     * 16 pixels wide as a {@code data:image/jpeg;base64,} URI.
     */
    @Serdeable
    public record PlaceholderView(String color, @Nullable String dataUri) {}

    static ImageView of(ImageRecord record, MediaSettings settings) {
        return new ImageView(
                record.imageId(),
                settings.url(record.originalKey()),
                settings.url(record.thumbnailKey()),
                record.format().mediaType(),
                record.width(),
                record.height(),
                record.variants().stream()
                        .map(v -> new VariantView(
                                v.width(), v.height(), v.format().mediaType(), settings.url(v.key())))
                        .toList(),
                record.status(),
                record.createdAt(),
                record.placeholder() == null
                        ? null
                        : new PlaceholderView(
                                record.placeholder().color(),
                                record.placeholder().dataUri()));
    }
}
