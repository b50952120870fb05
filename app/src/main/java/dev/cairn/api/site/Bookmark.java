package dev.cairn.api.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A bookmark of seed 004's personal site: an http(s) URL with a title, a description and tags. */
@Serdeable
public record Bookmark(
        @NotBlank @Size(max = 2048) String url,
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 2000) String description,
        @Nullable @Size(max = 20) List<@Pattern(regexp = Tags.PATTERN, message = Tags.MESSAGE) String> tags) {}
