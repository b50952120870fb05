package dev.cairn.api.auth;

import java.time.Instant;
import java.util.Optional;

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
     * Refuses, from now on, every token of the user issued before {@code instant}. An earlier
     * instant than the stored one changes nothing, and so does a user without a profile.
     */
    void revokeTokensIssuedBefore(String userId, Instant instant);
}
