package dev.cairn.api.identity;

import java.util.Optional;

/**
 * What the authentication filter needs of API keys, where a blueprint has them: who a presented
 * key acts for, and whether today's quota admits one more request. Without an implementation, a
 * request with {@code X-Api-Key} and no access token is 401 like any other.
 */
public interface ApiKeyAuthenticator {

    /** The key's grant, or empty for a key that does not exist (never did, or was revoked). */
    Optional<ApiKeyGrant> authenticate(String presentedKey);

    /** Counts one request against the key's quota for the current UTC day; false once it is used up. */
    boolean admit(ApiKeyGrant grant);

    /** A key's owner and what the key allows. */
    record ApiKeyGrant(String userId, String keyId, boolean mayWrite, long dailyQuota) {}
}
