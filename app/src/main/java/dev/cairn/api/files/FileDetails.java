package dev.cairn.api.files;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** What the owner says of a file; everything else about it the server records from the upload. */
@Serdeable
public record FileDetails(@Nullable @Size(max = 200) String title) {}
