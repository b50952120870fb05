package dev.cairn.api.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * What the app keeps about a user beyond Cognito: a display name and preferences. {@code version}
 * grows by one with every write; a write that names an older one is refused.
 */
@Serdeable
public record UserProfile(
        String userId,
        @Nullable String email,
        @Nullable String name,
        Map<String, Object> preferences,
        String createdAt,
        String updatedAt,
        long version) {

    public UserProfile {
        preferences = preferences == null ? Map.of() : Map.copyOf(preferences);
    }
}
