package dev.cairn.api.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An image of a page: its size, placeholder and responsive variants; never the original's URL. */
@Serdeable
public record PageImage(
        String imageId,
        int width,
        int height,
        String status,
        @Nullable PhotoPlaceholder placeholder,
        List<PhotoVariant> variants) {}
