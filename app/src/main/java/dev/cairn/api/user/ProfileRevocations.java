package dev.cairn.api.user;

import dev.cairn.api.identity.TokenRevocations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The revocation instant and the sessions ended one by one live on the user's profile item: no
 * profile, no access.
 */
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
    public Optional<Revocations> revocations(String userId) {
        return profiles.revocations(userId, Instant.now());
    }

    @Override
    public void revokeTokensIssuedBefore(String userId, Instant instant) {
        profiles.revokeTokensIssuedBefore(userId, instant);
    }

    @Override
    public boolean endSession(String userId, String sessionId, Instant refuseUntil) {
        return profiles.endSession(userId, sessionId, refuseUntil);
    }
}
