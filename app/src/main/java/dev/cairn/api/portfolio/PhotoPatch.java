package dev.cairn.api.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** A change to a photo (JSON merge patch): its alternative text; {@code null} removes it. */
@Serdeable
public record PhotoPatch(@Nullable @Size(max = 500) String altText) {}
