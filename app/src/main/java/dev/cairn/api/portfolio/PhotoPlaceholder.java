package dev.cairn.api.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a page shows while a photo loads: its average colour ({@code #rrggbb}) and, when small
 * enough, a blurred preview as a {@code data:image/jpeg;base64,} URI.
 */
@Serdeable
public record PhotoPlaceholder(String color, @Nullable String dataUri) {}
