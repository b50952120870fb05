package dev.cairn.api.secrets;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Reads secrets from Secrets Manager: the whole string, or one field of a JSON secret. */
@Singleton
public class SecretValues {
    /** Built on first use: secrets are read once, at the first request that needs one. */
    private final Supplier<SecretsManagerClient> secretsManager;

    private final JsonMapper json;

    SecretValues(BeanProvider<SecretsManagerClient> secretsManager, JsonMapper json) {
        this.secretsManager = SupplierUtil.memoized(secretsManager::get);
        this.json = json;
    }

    public String read(String secretArn, @Nullable String field) {
        String value =
                secretsManager.get().getSecretValue(r -> r.secretId(secretArn)).secretString();
        if (value == null) {
            throw new IllegalStateException("The secret " + secretArn + " holds no string");
        }
        if (field == null || field.isBlank()) {
            return value;
        }
        try {
            JsonNode document = json.readValue(value, JsonNode.class);
            JsonNode member = document.isObject() ? document.get(field) : null;
            if (member == null || !member.isString()) {
                throw new IllegalStateException("The secret " + secretArn + " has no string field " + field);
            }
            return member.getStringValue();
        } catch (IOException e) {
            throw new IllegalStateException("The secret " + secretArn + " is not JSON, so it has no field " + field, e);
        }
    }
}
