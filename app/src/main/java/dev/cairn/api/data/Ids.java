package dev.cairn.api.data;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 ids (RFC 9562): a millisecond timestamp then 74 random bits, so ids sort by creation
 * time (newest-first lists need no extra index) and cannot be guessed.
 */
public final class Ids {
    private static final class Random {
        // Created on first use, after a SnapStart restore has happened, never at class init.
        static final SecureRandom SOURCE = new SecureRandom();
    }

    private Ids() {}

    public static String newId() {
        return uuidV7(System.currentTimeMillis()).toString();
    }

    static UUID uuidV7(long epochMillis) {
        byte[] random = new byte[10];
        Random.SOURCE.nextBytes(random);
        long high =
                (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
