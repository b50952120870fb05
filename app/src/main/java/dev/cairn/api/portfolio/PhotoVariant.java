package dev.cairn.api.portfolio;

import io.micronaut.serde.annotation.Serdeable;

/** One responsive variant of a photo: its size in pixels, its media type and its CDN URL. */
@Serdeable
public record PhotoVariant(int width, int height, String format, String url) {}
