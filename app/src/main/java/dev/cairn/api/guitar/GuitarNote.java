package dev.cairn.api.guitar;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A dated note on a guitar (a set-up, a repair, a string change). */
@Serdeable
public record GuitarNote(@NotBlank @Size(max = 5000) String content) {}
