package dev.cairn.api.guitar;

import dev.cairn.api.collection.ImageRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A guitar as seed 001's Guitars table holds it. {@code notes} are sub-items with routes of their
 * own; {@code images} reference the owner's uploaded images.
 */
@Serdeable
public record Guitar(
        @NotBlank @Size(max = 100) String brand,
        @NotBlank @Size(max = 100) String model,
        @Nullable @Min(1800) Integer year,
        @Nullable @Size(max = 50) String type,
        @Nullable @Size(max = 100) String bodyMaterial,
        @Nullable @Size(max = 100) String neckMaterial,
        @Nullable @Size(max = 100) String fretboardMaterial,
        @Nullable @Min(0) @Max(36) Integer numberOfFrets,
        @Nullable @Size(max = 50) String scaleLength,
        @Nullable @Size(max = 100) String pickupConfiguration,
        @Nullable @Size(max = 100) String color,
        @Nullable @Size(max = 100) String finish,
        @Nullable @Size(max = 100) String tuningMachines,
        @Nullable @Size(max = 100) String bridge,
        @Nullable @Size(max = 100) String nut,
        @Nullable @Size(max = 200) String electronics,
        @Nullable Boolean caseIncluded,
        @Nullable @Size(max = 100) String countryOfOrigin,
        @Nullable @Size(max = 50) Map<@Size(min = 1, max = 100) String, @Size(max = 1000) String> detailedSpecs,
        @Nullable @Size(max = 20) List<@Valid ImageRef> images,
        @Nullable @Valid PrivateInfo privateInfo) {}
