package dev.cairn.api.auth;

import dev.cairn.api.identity.SignInSessions;
import dev.cairn.api.identity.TokenRevocations;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Whether a verified access token still counts: its user must still have a profile, and the token
 * must have been issued at or after the user's revocation instant (set by sign-out everywhere,
 * password reset and account deletion), and its session (its {@code origin_jti}) must not have
 * been ended on its own (logout, ending a session). A JWT stays valid for its whole hour whatever
 * happens to the session; this is what ends it early.
 *
 * <p>The user's state is read from the store for every check (one consistent GetItem of three
 * small attributes), and nothing is kept between requests: so a deletion, a revocation and an
 * ended session hold at once on every instance, for reads as for writes, and no instance can
 * admit a deleted user from something it remembered. A cache would save that read only by
 * admitting a deleted user's token for as long as it kept them.
 */
@Singleton
public final class RevocationCheck {

    private final TokenRevocations store;
    private final Clock clock;

    @Inject
    RevocationCheck(TokenRevocations store) {
        this(store, Clock.systemUTC());
    }

    RevocationCheck(TokenRevocations store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the check says of a token. */
    public enum Verdict {
        ADMITTED,
        /** Issued before the user's revocation instant, or of a session that was ended. */
        REVOKED,
        /** The user has no profile: the account was deleted (or never confirmed). */
        NO_PROFILE
    }

    /** The verdict on a token of {@code userId} issued at {@code issuedAt} that names no session. */
    public Verdict check(String userId, Instant issuedAt) {
        return check(userId, issuedAt, null);
    }

    /**
     * The verdict on a token of {@code userId} issued at {@code issuedAt} in the sign-in
     * {@code originJti} (null if the token names none), on the user's state as stored now.
     */
    public Verdict check(String userId, Instant issuedAt, @Nullable String originJti) {
        Optional<TokenRevocations.Revocations> state = store.revocations(userId);
        if (state.isEmpty()) {
            return Verdict.NO_PROFILE;
        }
        if (issuedAt.isBefore(state.get().validAfter())
                || (originJti != null && state.get().endedSessions().contains(originJti))) {
            return Verdict.REVOKED;
        }
        return Verdict.ADMITTED;
    }

    /** Whether the user still has a profile (an API key acts for its owner only while they do). */
    public boolean exists(String userId) {
        return store.revocations(userId).isPresent();
    }

    /**
     * Ends every access token the user holds, and returns once the next whole second has begun.
     * Tokens carry their issue time in whole seconds, so the instant is the start of the next
     * second: a token issued during this one, before the revocation, is refused; a token issued
     * after this method returns (a new sign-in) counts.
     */
    public void revokeAll(String userId) {
        Instant validFrom = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        store.revokeTokensIssuedBefore(userId, validFrom);
        waitUntil(validFrom);
    }

    /**
     * Ends one session: every token of the sign-in {@code originJti} is refused from the next
     * request on, on every instance, for as long as any of them could still be valid. Returns
     * whether the session was on record.
     */
    public boolean endSession(String userId, String originJti) {
        Instant refuseUntil = clock.instant().plus(SignInSessions.LIFETIME).plus(Duration.ofHours(1));
        return store.endSession(userId, originJti, refuseUntil);
    }

    private void waitUntil(Instant instant) {
        long millis = instant.toEpochMilli() - clock.millis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
