package dev.cairn.api.keys;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.data.Ids;
import dev.cairn.api.identity.ApiKeyAuthenticator;
import dev.cairn.api.secrets.SigningSecret;
import dev.cairn.contract.Feature;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys for machine clients. A key is {@code cairn_} and 32 random bytes (base64url); only its
 * HMAC-SHA256 under a key derived from the signing secret is stored, so a copy of the table gives
 * no usable key, and look-up is one index query on the hash.
 */
@Singleton
@ServedBy(Feature.API_KEYS)
public class ApiKeyService implements ApiKeyAuthenticator {
    static final String KEY_PREFIX = "cairn_";
    private static final int KEY_BYTES = 32;
    private static final int SHOWN_CHARACTERS = KEY_PREFIX.length() + 6;
    private static final int MAX_PRESENTED_LENGTH = 200;

    private static final class SecureRandomHolder {
        // Created on first use, after a SnapStart restore has happened, never at class init.
        static final SecureRandom SOURCE = new SecureRandom();
    }

    private final CollectionService<ApiKeyDetails> keys;
    private final ApiKeyUsage usage;
    private final SecretKeySpec hashKey;
    private final Clock clock = Clock.systemUTC();

    ApiKeyService(CollectionService<ApiKeyDetails> keys, ApiKeyUsage usage, SigningSecret secret) {
        this.keys = keys;
        this.usage = usage;
        this.hashKey = new SecretKeySpec(secret.derive("api-key"), "HmacSHA256");
    }

    /** Creates a key; the answer is the only place the key itself ever appears. */
    public JsonNode create(String userId, JsonNode body) {
        JsonNode details = withDefaults(body);
        byte[] random = new byte[KEY_BYTES];
        SecureRandomHolder.SOURCE.nextBytes(random);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Map<String, JsonNode> managed = new LinkedHashMap<>();
        managed.put(ApiKeys.KEY_HASH, JsonNode.createStringNode(hash(key)));
        managed.put(ApiKeys.PREFIX, JsonNode.createStringNode(key.substring(0, SHOWN_CHARACTERS)));
        JsonNode created = keys.create(userId, Ids.newId(), details, managed);
        Map<String, JsonNode> answer = new LinkedHashMap<>();
        created.entries().forEach(e -> answer.put(e.getKey(), e.getValue()));
        answer.put("key", JsonNode.createStringNode(key));
        return JsonNode.createObjectNode(answer);
    }

    /**
     * The key's grant; empty for an unknown, revoked or expired key, which the filter answers
     * alike (401). Marks the key used, at most once an hour ({@link ApiKeyUsage#markUsed}).
     */
    @Override
    public Optional<ApiKeyGrant> authenticate(String presentedKey) {
        if (!presentedKey.startsWith(KEY_PREFIX) || presentedKey.length() > MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return usage.findByHash(hash(presentedKey))
                .filter(key -> now.isBefore(key.expiresAt()))
                .map(key -> {
                    usage.markUsed(key, now);
                    return key.grant();
                });
    }

    @Override
    public boolean admit(ApiKeyGrant grant) {
        return usage.countRequest(grant);
    }

    String hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * Read scope, the default quota and expiry where the body leaves them out; a given expiry in
     * one spelling (whole seconds, UTC), so that stored expiries compare as text.
     */
    private JsonNode withDefaults(JsonNode body) {
        if (body == null || !body.isObject()) {
            return body;
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        body.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
        if (fields.get("scope") == null || fields.get("scope").isNull()) {
            fields.put("scope", JsonNode.createStringNode(ApiKeyDetails.READ));
        }
        if (fields.get("dailyQuota") == null || fields.get("dailyQuota").isNull()) {
            fields.put("dailyQuota", JsonNode.createNumberNode(ApiKeyDetails.DEFAULT_DAILY_QUOTA));
        }
        JsonNode expiresAt = fields.get("expiresAt");
        if (expiresAt == null || expiresAt.isNull()) {
            Instant expiry =
                    clock.instant().plus(ApiKeyDetails.DEFAULT_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
            fields.put("expiresAt", JsonNode.createStringNode(expiry.toString()));
        } else if (expiresAt.isString()) {
            ApiKeyDetails.parseInstant(expiresAt.getStringValue())
                    .ifPresent(at -> fields.put(
                            "expiresAt",
                            JsonNode.createStringNode(
                                    at.truncatedTo(ChronoUnit.SECONDS).toString())));
        }
        return JsonNode.createObjectNode(fields);
    }
}
