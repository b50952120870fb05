package dev.cairn.api.identity;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The record of each sign-in (a session: a refresh-token family, named by the {@code origin_jti}
 * every token of it carries) that the user sees in their list of signed-in devices. Ending one is
 * a revocation ({@link TokenRevocations#endSession}).
 */
public interface SignInSessions {

    /** How long a session lasts at most: the app client's refresh-token validity. */
    Duration LIFETIME = Duration.ofDays(30);

    /** Sessions kept a user; a sign-in beyond them ends the least recently used. */
    int MAX_PER_USER = 100;

    /** Records a new sign-in, and ends whatever expired or exceeds {@link #MAX_PER_USER}. */
    void record(String userId, Session session);

    /** Notes that the session was used at {@code at}, unless it was already after {@code unlessAfter}. */
    void touch(String userId, String sessionId, Instant at, Instant unlessAfter);

    /** The user's sessions that have not expired by {@code now}, in no particular order. */
    List<Session> list(String userId, Instant now);

    /** One sign-in as recorded; the user agent and country are the sign-in request's, when it had them. */
    record Session(
            String id,
            Instant createdAt,
            Instant lastUsedAt,
            @Nullable String userAgent,
            @Nullable String country,
            Instant expiresAt) {}
}
