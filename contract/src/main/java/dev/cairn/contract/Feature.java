package dev.cairn.contract;

import java.util.List;

/**
 * A part of the API that some blueprints serve and others do not, with what it brings: its
 * tables, the route prefixes it serves, whether {@code X-Api-Key} callers may reach those routes,
 * and its private media area. The app creates a feature's beans only where the blueprint lists the
 * feature; the CDK app creates its tables and lets API keys through the gateway to its routes.
 */
public enum Feature {
    /** {@code /api/guitars}, with notes and receipts (seed 001). */
    GUITARS(List.of(Tables.GUITARS), List.of("/api/guitars"), false, MediaLayout.RECEIPTS_AREA),
    /** {@code /api/notes} (seed 004). */
    NOTES(List.of(Tables.NOTES), List.of("/api/notes"), true, null),
    /** {@code /api/bookmarks}: the personal site's URL bookmarks (seed 004). */
    BOOKMARKS(List.of(Tables.BOOKMARKS), List.of("/api/bookmarks"), true, null),
    /** {@code /api/files}: the personal site's private documents (seed 004). */
    FILES(List.of(Tables.FILES), List.of("/api/files"), true, MediaLayout.FILES_AREA),
    /**
     * {@code /api/keys} and {@code X-Api-Key} access for machine clients (seed 004). The keys
     * themselves are managed with a signed-in user's token only.
     */
    API_KEYS(List.of(Tables.API_KEYS), List.of("/api/keys"), false, null);

    private final List<TableDefinition> tables;
    private final List<String> routePrefixes;
    private final boolean apiKeyReachable;
    private final String privateMediaArea;

    Feature(
            List<TableDefinition> tables,
            List<String> routePrefixes,
            boolean apiKeyReachable,
            String privateMediaArea) {
        this.tables = tables;
        this.routePrefixes = routePrefixes;
        this.apiKeyReachable = apiKeyReachable;
        this.privateMediaArea = privateMediaArea;
    }

    /** The tables the feature reads and writes. */
    public List<TableDefinition> tables() {
        return tables;
    }

    /** The paths the feature serves, each with everything below it, e.g. {@code /api/guitars}. */
    public List<String> routePrefixes() {
        return routePrefixes;
    }

    /** Whether a caller with an API key (and no token) may use the feature's routes. */
    public boolean apiKeyReachable() {
        return apiKeyReachable;
    }

    /** The feature's area under {@code private/USER/}, or null if it keeps no private documents. */
    public String privateMediaArea() {
        return privateMediaArea;
    }
}
