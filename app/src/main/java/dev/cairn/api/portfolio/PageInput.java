package dev.cairn.api.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A page as an admin writes it, whole.
 *
 * @param content the page's content, a JSON object the front end gives its meaning to: at most
 *     64 KiB as JSON
 * @param photos images the admin uploaded through {@code /api/images}, in order
 * @param version the version the write expects ({@code If-Match} wins over it)
 */
@Serdeable
public record PageInput(
        @NotNull Map<String, Object> content,
        @Nullable @Size(max = Portfolio.MAX_PHOTOS) List<@NotBlank @Size(max = 64) String> photos,
        @Nullable Long version) {}
