package dev.cairn.api.data;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 ids (RFC 9562): a millisecond timestamp then 74 random bits, so ids sort by creation
 * time (newest-first lists need no extra index) and cannot be guessed.
 */
public final class Ids {
    // Created on first use and replaced after each SnapStart restore, never kept from a snapshot.
    private static volatile SecureRandom random;

    private Ids() {}

    /** New random state: called after a SnapStart restore, so restored environments never share it. */
    public static void reseed() {
        random = new SecureRandom();
    }

    static SecureRandom random() {
        SecureRandom source = random;
        if (source == null) {
            synchronized (Ids.class) {
                if (random == null) {
                    random = new SecureRandom();
                }
                source = random;
            }
        }
        return source;
    }

    public static String newId() {
        return uuidV7(System.currentTimeMillis()).toString();
    }

    static UUID uuidV7(long epochMillis) {
        byte[] bits = new byte[10];
        random().nextBytes(bits);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((bits[0] & 0x0FL) << 8) | (bits[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | ((bits[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (bits[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
