package dev.cairn.api.user;

import dev.cairn.api.identity.SignInSessions;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * Sessions are kept on the user's profile item, beside the sessions ended one by one: they go
 * with the profile when the account is deleted.
 */
@Singleton
final class ProfileSessions implements SignInSessions {
    private final UserProfiles profiles;

    ProfileSessions(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void record(String userId, Session session) {
        profiles.recordSession(userId, session, session.createdAt(), MAX_PER_USER);
    }

    @Override
    public void touch(String userId, String sessionId, Instant at, Instant unlessAfter) {
        profiles.touchSession(userId, sessionId, at, unlessAfter);
    }

    @Override
    public List<Session> list(String userId, Instant now) {
        return profiles.sessions(userId, now);
    }
}
