package dev.cairn.api.data;

import dev.cairn.api.secrets.SigningSecret;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque cursors: where a list or a search stopped (a DynamoDB key, or a search's sort values as
 * attribute values), signed with HMAC-SHA256 over what it belongs to (the scope: resource, owner
 * and filters, or the search and its query). A cursor changed by hand, or used for another owner
 * or another query, does not verify.
 */
@Singleton
public final class Cursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;

    public Cursors(SigningSecret secret) {
        this.key = new SecretKeySpec(secret.derive("list-cursor"), "HmacSHA256");
    }

    public String encode(String scope, Map<String, AttributeValue> lastKey) {
        StringBuilder payload = new StringBuilder();
        lastKey.forEach((name, value) -> {
            if (!payload.isEmpty()) {
                payload.append('\n');
            }
            payload.append(name).append('\t');
            if (value.n() != null) {
                payload.append('N').append(value.n());
            } else {
                payload.append('S').append(value.s());
            }
        });
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(scope, bytes));
    }

    /** The key a cursor holds, or empty if it was not made by {@link #encode} for this scope. */
    public Optional<Map<String, AttributeValue>> decode(String scope, String cursor) {
        int dot = cursor.indexOf('.');
        if (dot <= 0 || cursor.length() > 4096) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(cursor.substring(0, dot));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, mac(scope, payload))) {
            return Optional.empty();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String line : new String(payload, StandardCharsets.UTF_8).split("\n")) {
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab + 1 >= line.length()) {
                return Optional.empty();
            }
            String value = line.substring(tab + 2);
            key.put(
                    line.substring(0, tab),
                    line.charAt(tab + 1) == 'N' ? AttributeValue.fromN(value) : AttributeValue.fromS(value));
        }
        return Optional.of(key);
    }

    private byte[] mac(String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] full = mac.doFinal(payload);
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
