package dev.cairn.api.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A project as clients read it. {@code photos} is there, in order, when one project is read, and
 * absent from lists. {@code version} changes with every write to the project or its photos; it is
 * the project's ETag and what {@code If-Match} names.
 */
@Serdeable
public record ProjectView(
        String id,
        String category,
        String title,
        @Nullable String description,
        int order,
        @Nullable String coverPhotoId,
        boolean published,
        String createdAt,
        String updatedAt,
        long version,
        @Nullable List<PhotoView> photos) {}
