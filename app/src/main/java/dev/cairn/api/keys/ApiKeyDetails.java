package dev.cairn.api.keys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An API key as its owner describes it: a name, what it may do ({@code read}: GET only, the
 * default; {@code write}: everything the owner may, but the account and the keys), and how many
 * requests it may make per UTC day (default 1000).
 */
@Serdeable
public record ApiKeyDetails(
        @NotBlank @Size(max = 100) String name,

        @Nullable @Pattern(regexp = "read|write", message = "must be read or write")
        String scope,

        @Nullable @Min(1) @Max(100_000) Integer dailyQuota) {

    static final String READ = "read";
    static final String WRITE = "write";
    static final int DEFAULT_DAILY_QUOTA = 1000;
}
