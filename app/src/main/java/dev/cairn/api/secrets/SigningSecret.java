package dev.cairn.api.secrets;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deployment's signing secret, from which each use (list cursors, API key hashes) derives its
 * own key, so no two uses share one. In AWS it is a Secrets Manager secret named by {@code
 * SIGNING_SECRET_ARN}; the local stack sets {@code cairn.signing.secret} directly.
 */
@Singleton
public final class SigningSecret {
    static final int MIN_LENGTH = 32;

    private final byte[] secret;

    SigningSecret(
            @Value("${cairn.signing.secret:}") String secret,
            @Value("${cairn.signing.secret-arn:}") String secretArn,
            BeanProvider<SecretValues> secrets) {
        String value;
        if (!secret.isBlank()) {
            value = secret;
        } else if (!secretArn.isBlank()) {
            value = secrets.get().read(secretArn, null);
        } else {
            throw new IllegalStateException(
                    "cairn.signing.secret-arn (SIGNING_SECRET_ARN) must name the signing secret in Secrets Manager");
        }
        if (value == null || value.length() < MIN_LENGTH) {
            throw new IllegalStateException("The signing secret must have at least " + MIN_LENGTH + " characters");
        }
        this.secret = value.getBytes(StandardCharsets.UTF_8);
    }

    /** A 256-bit key for one purpose: HMAC-SHA256 of the purpose under the secret. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
