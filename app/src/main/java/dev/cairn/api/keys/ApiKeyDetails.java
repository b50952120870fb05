package dev.cairn.api.keys;

import dev.cairn.api.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * An API key as its owner describes it: a name, what it may do ({@code read}: GET only, the
 * default; {@code write}: everything the owner may, but the account and the keys), how many
 * requests it may make per UTC day (default 1000), and when it stops working ({@code expiresAt},
 * an ISO-8601 instant; default 365 days after creation, at most 366).
 */
@Serdeable
public record ApiKeyDetails(
        @NotBlank @Size(max = 100) String name,

        @Nullable @Pattern(regexp = "read|write", message = "must be read or write")
        String scope,

        @Nullable @Min(1) @Max(100_000) Integer dailyQuota,
        @Nullable @Size(max = 40) String expiresAt) {

    static final String READ = "read";
    static final String WRITE = "write";
    static final int DEFAULT_DAILY_QUOTA = 1000;
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(365);
    static final Duration MAX_LIFETIME = Duration.ofDays(366);

    /** An expiry in the future and at most {@link #MAX_LIFETIME} away. */
    static List<ApiError.FieldError> check(ApiKeyDetails key) {
        if (key.expiresAt() == null) {
            return List.of();
        }
        Instant now = Instant.now();
        return parseInstant(key.expiresAt())
                .filter(at -> at.isAfter(now) && !at.isAfter(now.plus(MAX_LIFETIME)))
                .map(at -> List.<ApiError.FieldError>of())
                .orElse(List.of(new ApiError.FieldError(
                        "expiresAt", "must be an ISO-8601 instant in the future, at most 366 days ahead")));
    }

    static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
