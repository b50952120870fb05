package dev.cairn.api.portfolio;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** A page as clients read it: its content, its images with their variants, and its version (its ETag). */
@Serdeable
public record PageView(
        String id, Map<String, Object> content, List<PageImage> photos, String updatedAt, long version) {}
