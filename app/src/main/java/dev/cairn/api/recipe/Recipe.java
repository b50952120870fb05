package dev.cairn.api.recipe;

import dev.cairn.api.collection.ImageRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A recipe as seed 000's recipes table holds it. {@code dietary} names restrictions from a closed
 * list ({@link Recipes#DIETARY}); {@code language} is the language its text is written in (search
 * analyzes it with that language's stemmer; English when absent); {@code visibility} {@code public}
 * lets every user find and read it through search ({@code private} when absent). Who else may read
 * it ({@code sharedWith}) is managed by the server.
 */
@Serdeable
public record Recipe(
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 2000) String description,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 300) String> ingredients,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 2000) String> steps,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        @Nullable @Size(max = 12) List<@NotBlank @Size(max = 30) String> dietary,
        @Nullable @Size(max = 50) String cuisine,
        @Nullable @Min(0) @Max(10080) Integer totalMinutes,
        @Nullable @Min(1) @Max(1000) Integer servings,
        @Nullable @Pattern(regexp = "en|pt|fr|es") String language,
        @Nullable @Pattern(regexp = "private|public") String visibility,
        @Nullable @Size(max = 20) List<@Valid ImageRef> images) {}
