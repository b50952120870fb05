package dev.cairn.api.collection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An image from the media flow attached to an item. Clients send the image id with a caption,
 * whether it is the primary one and its place; the server adds the CDN URLs.
 */
@Serdeable
public record ImageRef(
        @NotBlank @Size(max = 64) String id,
        @Nullable @Size(max = 500) String caption,
        @Nullable Boolean isPrimary,
        @Nullable @PositiveOrZero @Max(1000) Integer order) {}
