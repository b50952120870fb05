package dev.cairn.api.site;

import dev.cairn.api.collection.ImageRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A note of seed 004's personal site: Markdown content, tags, and pinned notes first. */
@Serdeable
public record Note(
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 100_000) String content,
        @Nullable @Size(max = 20) List<@Pattern(regexp = Tags.PATTERN, message = Tags.MESSAGE) String> tags,
        @Nullable Boolean pinned,
        @Nullable @Size(max = 20) List<@Valid ImageRef> images) {}
