package dev.cairn.api.user;

import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.IdentityProvider;
import dev.cairn.api.identity.ProfileOnSignIn;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Profiles and preferences. A profile is created when the user confirms their address (the
 * post-confirmation trigger); should that have failed, the next sign-in creates it from Cognito's
 * attributes. Every change is conditional on the version it was based on.
 */
@Singleton
public class UserService implements ProfileOnSignIn {
    static final String RESOURCE = "user";

    private final UserProfiles profiles;
    private final IdentityProvider identities;
    private final PreferenceRules preferenceRules;
    private final Clock clock;

    UserService(UserProfiles profiles, IdentityProvider identities, PreferenceRules preferenceRules) {
        this.profiles = profiles;
        this.identities = identities;
        this.preferenceRules = preferenceRules;
        this.clock = Clock.systemUTC();
    }

    /** The first profile of a newly confirmed user; does nothing if one exists. */
    public void createProfile(String userId, @Nullable String email, @Nullable String name) {
        profiles.createFirst(userId, email, name);
    }

    @Override
    public void ensureProfile(String userId, String username) {
        if (profiles.find(userId).isEmpty()) {
            identities
                    .findAttributes(username)
                    .ifPresent(attributes -> createProfile(userId, attributes.get("email"), attributes.get("name")));
        }
    }

    public UserProfile profile(AuthenticatedUser user) {
        return profiles.find(user.userId()).orElseGet(() -> {
            Map<String, String> attributes = identities.attributes(user.username());
            createProfile(user.userId(), attributes.get("email"), attributes.get("name"));
            return profiles.find(user.userId())
                    .orElseThrow(() -> new IllegalStateException("The profile just written cannot be read"));
        });
    }

    public UserProfile update(
            AuthenticatedUser user,
            @Nullable String name,
            @Nullable Map<String, Object> preferences,
            @Nullable Long expectedVersion) {
        if (preferences != null) {
            List<ApiError.FieldError> problems = preferenceRules.violations(preferences);
            if (!problems.isEmpty()) {
                throw new ApiException(400, ErrorCodes.validation(RESOURCE), "The preferences are not valid", problems);
            }
        }
        UserProfile current = profile(user);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw conflict();
        }
        UserProfile next = new UserProfile(
                current.userId(),
                current.email(),
                name == null ? current.name() : name.strip(),
                preferences == null ? current.preferences() : preferences,
                current.createdAt(),
                clock.instant().toString(),
                current.version() + 1);
        if (!profiles.replace(next, current.version())) {
            throw conflict();
        }
        return next;
    }

    private static ApiException conflict() {
        return new ApiException(
                409, ErrorCodes.CONFLICT, "The profile was changed by another request; read it and try again");
    }
}
