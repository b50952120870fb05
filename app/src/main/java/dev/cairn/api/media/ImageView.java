package dev.cairn.api.media;

import dev.cairn.api.storage.MediaSettings;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An image as clients see it: CDN URLs for the original, the thumbnail and every variant. */
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
        String createdAt) {

    @Serdeable
    public record VariantView(int width, String format, String url) {}

    static ImageView of(ImageRecord record, MediaSettings settings) {
        return new ImageView(
                record.imageId(),
                settings.url(record.originalKey()),
                settings.url(record.thumbnailKey()),
                record.format().mediaType(),
                record.width(),
                record.height(),
                record.variants().stream()
                        .map(v -> new VariantView(v.width(), v.format().mediaType(), settings.url(v.key())))
                        .toList(),
                record.status(),
                record.createdAt());
    }
}
