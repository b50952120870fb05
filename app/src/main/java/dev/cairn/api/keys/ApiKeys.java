package dev.cairn.api.keys;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.CollectionServices;
import dev.cairn.api.collection.ItemHooks;
import dev.cairn.api.collection.ItemLimit;
import dev.cairn.api.collection.OwnedCollection;
import dev.cairn.api.limits.UserLimits;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Tables;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 004's API keys: the {@code api-keys} table and the collection declared on it. A key's item
 * holds only a keyed hash of the key ({@code keyHash}, indexed for look-up) and its first
 * characters ({@code prefix}, to tell keys apart); the key itself is shown once, at creation. The
 * same partition holds each key's daily usage counters ({@code #usage#KEY#DAY}, expiring by TTL)
 * and the count of the user's keys ({@code #count}, kept exact for {@link UserLimits#apiKeys()}),
 * which sort before every item and so never appear in lists.
 *
 * <p>A key's own {@code expiresAt} is an ISO-8601 string, which the table's TTL ignores (it reads
 * numbers only): an expired key is refused but stays listed, with its expiry, until it is revoked.
 * {@code lastUsedAt} is written at most once an hour a key ({@link ApiKeyUsage}).
 */
@Factory
@ServedBy(Feature.API_KEYS)
public class ApiKeys {
    static final String KEY_HASH = Tables.API_KEY_HASH;
    static final String PREFIX = "prefix";
    static final String LAST_USED_AT = "lastUsedAt";

    static final OwnedCollection<ApiKeyDetails> COLLECTION = OwnedCollection.of(
                    "api_key", "API key", ApiKeyDetails.class, Tables.API_KEYS)
            .managed(KEY_HASH)
            .managed(PREFIX)
            .managed(LAST_USED_AT)
            .check(ApiKeyDetails::check)
            .build();

    @Singleton
    CollectionService<ApiKeyDetails> apiKeys(CollectionServices services, UserLimits limits) {
        ItemLimit limit = new ItemLimit(
                limits.apiKeys(),
                "You have " + limits.apiKeys() + " API keys, the most allowed; revoke one to create another");
        return services.serve(
                COLLECTION,
                new ItemHooks() {
                    @Override
                    public JsonNode view(JsonNode view) {
                        Map<String, JsonNode> fields = new LinkedHashMap<>();
                        view.entries().forEach(e -> {
                            if (!e.getKey().equals(KEY_HASH)) {
                                fields.put(e.getKey(), e.getValue());
                            }
                        });
                        return JsonNode.createObjectNode(fields);
                    }
                },
                limit);
    }
}
