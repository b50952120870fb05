package dev.cairn.local;

import java.util.Locale;

/**
 * The names a request to the local stack may carry in its {@code Host} header. The stand-ins listen
 * on loopback only, but a web page can still reach them through a DNS name that its owner points at
 * 127.0.0.1 (DNS rebinding); its requests then carry that foreign name, and are refused.
 */
final class LoopbackHosts {
    static final String REFUSED = "The local stack answers only requests addressed to localhost, 127.0.0.1 or [::1]";

    private LoopbackHosts() {}

    /** Whether a {@code Host} header value (name, optional port) names this machine's loopback. */
    static boolean allowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && name.substring(1, end).equals("::1") && portOnly(name.substring(end + 1));
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            if (!portOnly(name.substring(colon))) {
                return false;
            }
            name = name.substring(0, colon);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || isLoopbackV4(name);
    }

    private static boolean portOnly(String rest) {
        return rest.isEmpty() || rest.matches(":[0-9]{1,5}");
    }

    private static boolean isLoopbackV4(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
