package dev.cairn.api.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where each user's revocation instant is kept (the users table, beside the profile). A user
 * without a profile has no access at all: their account was deleted, or was never confirmed.
 */
public interface TokenRevocations {

    /**
     * The instant from which the user's tokens count ({@link Instant#EPOCH} if none was ever
     * revoked), read consistently; empty if the user has no profile.
     */
    Optional<Instant> tokensValidAfter(String userId);

    /**
     * The instant and the sessions ended one by one (their {@code origin_jti}), read together and
     * consistently; empty if the user has no profile.
     */
    default Optional<Revocations> revocations(String userId) {
        return tokensValidAfter(userId).map(validAfter -> new Revocations(validAfter, Set.of()));
    }

    /**
     * Refuses, from now on, every token of the user issued before {@code instant}. An earlier
     * instant than the stored one changes nothing, and so does a user without a profile.
     */
    void revokeTokensIssuedBefore(String userId, Instant instant);

    /**
     * Refuses, from now until {@code refuseUntil}, every token of the sign-in {@code sessionId}
     * (its {@code origin_jti}), and drops the session's record. Returns whether there was one; a
     * user without a profile changes nothing.
     */
    boolean endSession(String userId, String sessionId, Instant refuseUntil);

    /** A user's revocation state: the instant, and the sign-ins ended before it. */
    record Revocations(Instant validAfter, Set<String> endedSessions) {
        public Revocations {
            endedSessions = Set.copyOf(endedSessions);
        }
    }
}
