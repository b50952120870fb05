package dev.cairn.api.user;

import dev.cairn.api.auth.TokenRevocations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** The revocation instant lives on the user's profile item: no profile, no access. */
@Singleton
final class ProfileRevocations implements TokenRevocations {
    private final UserProfiles profiles;

    ProfileRevocations(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public Optional<Instant> tokensValidAfter(String userId) {
        return profiles.tokensValidAfter(userId);
    }

    @Override
    public void revokeTokensIssuedBefore(String userId, Instant instant) {
        profiles.revokeTokensIssuedBefore(userId, instant);
    }
}
