package dev.cairn.api.revalidation;

import dev.cairn.contract.Functions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on a revalidation hook call, in its {@link Functions#REVALIDATION_SIGNATURE_HEADER}
 * header: {@code t=EPOCH_SECONDS,v1=HEX}, where {@code HEX} is the lowercase hex HMAC-SHA256 of
 * {@code t + "." + body} under the secret's UTF-8 bytes. A receiver recomputes it over the raw body
 * it got, compares in constant time, and refuses a timestamp further than {@link #TOLERANCE} from
 * its clock, so a recorded call cannot be replayed later. The local stack verifies with this class.
 */
public final class RevalidationSignature {
    /** How far a call's timestamp may be from the receiver's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    /** Signs and verifies with {@code secret} (its UTF-8 bytes are the key). */
    public RevalidationSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The revalidation secret is empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value for {@code body} sent at {@code at}. */
    public String sign(String body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + mac(t, body);
    }

    /**
     * Whether {@code header} signs {@code body} with this secret at a time within {@link
     * #TOLERANCE} of {@code now}. Several {@code v1} values (as a rotation may send) pass if one
     * matches; anything malformed fails.
     */
    public boolean verify(String header, String body, Instant now) {
        if (header == null || body == null) {
            return false;
        }
        Long t = null;
        List<String> candidates = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return false;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (t != null || !value.matches("[0-9]{1,12}")) {
                    return false;
                }
                t = Long.parseLong(value);
            } else if (key.equals("v1")) {
                candidates.add(value.toLowerCase(Locale.ROOT));
            }
        }
        if (t == null || candidates.isEmpty()) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = mac(t, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : candidates) {
            matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    private String mac(long t, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
    }
}
