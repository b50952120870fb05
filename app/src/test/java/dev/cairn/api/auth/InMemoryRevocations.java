package dev.cairn.api.auth;

import dev.cairn.api.identity.TokenRevocations;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocation store for the app's tests, which run without DynamoDB: every user has a profile
 * unless a test deletes it, and the instants live in memory. Counts reads, so that a test can see
 * when the check went to the store.
 */
@Singleton
@Replaces(TokenRevocations.class)
public class InMemoryRevocations implements TokenRevocations {
    private final Map<String, Instant> validAfter = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> ended = new ConcurrentHashMap<>();
    private volatile int reads;

    @Override
    public Optional<Instant> tokensValidAfter(String userId) {
        reads++;
        return deleted.contains(userId)
                ? Optional.empty()
                : Optional.of(validAfter.getOrDefault(userId, Instant.EPOCH));
    }

    @Override
    public void revokeTokensIssuedBefore(String userId, Instant instant) {
        if (!deleted.contains(userId)) {
            validAfter.merge(userId, instant, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @Override
    public Optional<Revocations> revocations(String userId) {
        return tokensValidAfter(userId).map(instant -> new Revocations(instant, ended.getOrDefault(userId, Set.of())));
    }

    @Override
    public boolean endSession(String userId, String sessionId, Instant refuseUntil) {
        if (!deleted.contains(userId)) {
            ended.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(sessionId);
        }
        return false;
    }

    public void delete(String userId) {
        deleted.add(userId);
    }

    public int reads() {
        return reads;
    }
}
