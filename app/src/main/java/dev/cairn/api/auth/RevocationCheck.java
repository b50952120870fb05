package dev.cairn.api.auth;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a verified access token still counts: its user must still have a profile, and the token
 * must have been issued at or after the user's revocation instant (set by sign-out everywhere,
 * password reset and account deletion), and its session (its {@code origin_jti}) must not have
 * been ended on its own (logout, ending a session). A JWT stays valid for its whole hour whatever
 * happens to the session; this is what ends it early.
 *
 * <p>Each user's state is kept here for at most {@link #MAX_STALENESS}, so that most requests cost
 * no read; a request that writes reads it afresh, so that nothing is ever written for a user whose
 * tokens were revoked or whose account is gone. The instance that revokes forgets the state at
 * once. The timestamps are wall-clock milliseconds, so a SnapStart restore (which moves the clock
 * forward) makes whatever the snapshot held stale, never fresher than it is.
 */
@Singleton
public final class RevocationCheck {

    /** How long one instance may act on a user's state without reading it again. */
    static final Duration MAX_STALENESS = Duration.ofSeconds(60);

    static final int MAX_USERS = 10_000;

    private final TokenRevocations store;
    private final Clock clock;
    private final Map<String, State> known = new ConcurrentHashMap<>();

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

    /**
     * The verdict on a token of {@code userId} issued at {@code issuedAt}; with {@code fresh} the
     * user's state is read from the store whatever is known here.
     */
    public Verdict check(String userId, Instant issuedAt, boolean fresh) {
        return check(userId, issuedAt, null, fresh);
    }

    /**
     * The verdict on a token of {@code userId} issued at {@code issuedAt} in the sign-in
     * {@code originJti} (null if the token names none); with {@code fresh} the user's state is
     * read from the store whatever is known here.
     */
    public Verdict check(String userId, Instant issuedAt, @Nullable String originJti, boolean fresh) {
        State state = state(userId, fresh);
        if (state.validAfter() == null) {
            return Verdict.NO_PROFILE;
        }
        if (issuedAt.isBefore(state.validAfter())
                || (originJti != null && state.endedSessions().contains(originJti))) {
            return Verdict.REVOKED;
        }
        return Verdict.ADMITTED;
    }

    /** Whether the user still has a profile (an API key acts for its owner only while they do). */
    public boolean exists(String userId, boolean fresh) {
        return state(userId, fresh).validAfter() != null;
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
        known.remove(userId);
        waitUntil(validFrom);
    }

    /**
     * Ends one session: every token of the sign-in {@code originJti} is refused, at once here and
     * within {@link #MAX_STALENESS} elsewhere, for as long as any of them could still be valid.
     * Returns whether the session was on record.
     */
    public boolean endSession(String userId, String originJti) {
        Instant refuseUntil = clock.instant().plus(SignInSessions.LIFETIME).plus(Duration.ofHours(1));
        boolean recorded = store.endSession(userId, originJti, refuseUntil);
        known.remove(userId);
        return recorded;
    }

    /** The user's account is gone (or going): forget what this instance knew of them. */
    public void forget(String userId) {
        known.remove(userId);
    }

    private State state(String userId, boolean fresh) {
        long now = clock.millis();
        State state = fresh ? null : known.get(userId);
        if (state != null && now - state.readAtMillis() < MAX_STALENESS.toMillis() && now >= state.readAtMillis()) {
            return state;
        }
        Optional<TokenRevocations.Revocations> revocations = store.revocations(userId);
        State read = revocations
                .map(r -> new State(r.validAfter(), r.endedSessions(), now))
                .orElseGet(() -> new State(null, Set.of(), now));
        if (known.size() >= MAX_USERS) {
            known.clear();
        }
        known.put(userId, read);
        return read;
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

    /** A user's state as read at {@code readAtMillis}; {@code validAfter} is null when there is no profile. */
    private record State(Instant validAfter, Set<String> endedSessions, long readAtMillis) {}
}
