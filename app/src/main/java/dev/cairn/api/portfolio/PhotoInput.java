package dev.cairn.api.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A photo added to a project: an image the admin uploaded through {@code /api/images}, with the
 * text that describes it to those who cannot see it.
 */
@Serdeable
public record PhotoInput(
        @NotBlank @Size(max = 64) String imageId,
        @Nullable @Size(max = 500) String altText) {}
