package dev.cairn.api.identity;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;

/**
 * The caller as a verified access token describes them. {@code userId} is the Cognito {@code sub}
 * and the partition key of everything the user owns.
 */
public record AuthenticatedUser(String userId, String username, Set<String> groups, String clientId, Instant expiresAt)
        implements Principal {

    public AuthenticatedUser {
        groups = Set.copyOf(groups);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    /** The user id, so that frameworks that log or bind principals see the caller. */
    @Override
    public String getName() {
        return userId;
    }
}
