package dev.cairn.api.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A project as an admin writes it ({@code POST}, whole on {@code PUT}).
 *
 * @param category one of the blueprint's categories
 * @param order its place in the category, ascending; by default after the category's last
 * @param coverPhotoId one of the project's photos
 * @param published whether the public sees it; {@code false} (a draft) if absent
 * @param version the version the write expects ({@code If-Match} wins over it)
 */
@Serdeable
public record ProjectInput(
        @NotBlank @Size(max = 64) String category,
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 5000) String description,
        @Nullable @PositiveOrZero @Max(1_000_000) Integer order,
        @Nullable @Size(max = 64) String coverPhotoId,
        @Nullable Boolean published,
        @Nullable Long version) {}
