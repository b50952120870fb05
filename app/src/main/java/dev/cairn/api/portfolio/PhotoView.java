package dev.cairn.api.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A photo of a project as clients read it: its place, its alternative text, the image's size and
 * placeholder, and its responsive variants (JPEG and WebP at each width up to the original's, ready
 * for {@code srcset}). The original's URL is never given.
 *
 * @param status {@code PROCESSING} until the variants are made, then {@code READY}
 */
@Serdeable
public record PhotoView(
        String id,
        String projectId,
        int order,
        @Nullable String altText,
        String imageId,
        int width,
        int height,
        String status,
        @Nullable PhotoPlaceholder placeholder,
        List<PhotoVariant> variants) {}
