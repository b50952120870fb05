package dev.cairn.api.portfolio;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A project's photos in their new order: exactly the project's photo ids, each once. */
@Serdeable
public record PhotoOrder(
        @NotNull @Size(max = Portfolio.MAX_PHOTOS) List<@NotBlank String> photoIds) {}
