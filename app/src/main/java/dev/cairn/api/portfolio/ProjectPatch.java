package dev.cairn.api.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A change to a project (JSON merge patch, RFC 7386): the fields given replace the project's,
 * {@code null} removes an optional one; the result must be a valid {@link ProjectInput}.
 */
@Serdeable
public record ProjectPatch(
        @Nullable @Size(min = 1, max = 64) String category,
        @Nullable @Size(min = 1, max = 200) String title,
        @Nullable @Size(max = 5000) String description,
        @Nullable @PositiveOrZero @Max(1_000_000) Integer order,
        @Nullable @Size(max = 64) String coverPhotoId,
        @Nullable Boolean published,
        @Nullable Long version) {}
