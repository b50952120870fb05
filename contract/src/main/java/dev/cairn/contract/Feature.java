package dev.cairn.contract;

import java.util.List;

/**
 * A part of the API that some blueprints serve and others do not, with what it brings: its
 * tables, the route prefixes it serves, whether {@code X-Api-Key} callers may reach those routes,
 * its private media area, the routes anyone may read without a token (site-owned content), and its search index. The app creates a feature's beans only where the blueprint lists the
 * feature; the CDK app creates its tables and lets API keys through the gateway to its routes.
 */
public enum Feature {
    /** {@code /api/guitars}, with notes and receipts (seed 001). */
    GUITARS(List.of(Tables.GUITARS), List.of("/api/guitars"), false, MediaLayout.RECEIPTS_AREA, List.of(), null),
    /** {@code /api/notes} (seed 004). */
    NOTES(List.of(Tables.NOTES), List.of("/api/notes"), true, null, List.of(), null),
    /** {@code /api/bookmarks}: the personal site's URL bookmarks (seed 004). */
    BOOKMARKS(List.of(Tables.BOOKMARKS), List.of("/api/bookmarks"), true, null, List.of(), null),
    /** {@code /api/files}: the personal site's private documents (seed 004). */
    FILES(List.of(Tables.FILES), List.of("/api/files"), true, MediaLayout.FILES_AREA, List.of(), null),
    /**
     * {@code /api/keys} and {@code X-Api-Key} access for machine clients (seed 004). The keys
     * themselves are managed with a signed-in user's token only.
     */
    API_KEYS(List.of(Tables.API_KEYS), List.of("/api/keys"), false, null, List.of(), null),
    /**
     * {@code /api/projects} (with their photos) and {@code /api/pages} (seed 002): content the site
     * owns. Anyone reads what is published, without a token; only the {@code admin} group writes.
     */
    PORTFOLIO(
            List.of(Tables.PROJECTS, Tables.PHOTOS, Tables.PAGES),
            List.of("/api/projects", "/api/pages"),
            false,
            null,
            List.of(
                    "GET /api/projects",
                    "GET /api/projects/{projectId}",
                    "GET /api/projects/{projectId}/photos",
                    "GET /api/pages/{pageId}"),
            null),
    /**
     * {@code /api/recipes}: a user's recipes (seed 000), found with full-text search at {@code GET
     * /api/recipes/search} in their own recipes, the ones shared with them and the public ones.
     */
    RECIPES(List.of(Tables.RECIPES), List.of("/api/recipes"), false, null, List.of(), Tables.RECIPE_SEARCH);

    private final List<TableDefinition> tables;
    private final List<String> routePrefixes;
    private final boolean apiKeyReachable;
    private final String privateMediaArea;
    private final List<String> publicReads;
    private final SearchIndex searchIndex;

    Feature(
            List<TableDefinition> tables,
            List<String> routePrefixes,
            boolean apiKeyReachable,
            String privateMediaArea,
            List<String> publicReads,
            SearchIndex searchIndex) {
        this.tables = tables;
        this.routePrefixes = routePrefixes;
        this.apiKeyReachable = apiKeyReachable;
        this.privateMediaArea = privateMediaArea;
        this.publicReads = publicReads;
        this.searchIndex = searchIndex;
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

    /**
     * The feature's routes anyone may call without a token, as gateway route keys ({@code GET
     * /api/projects/{projectId}}): the gateway lets them through without the JWT authorizer and the
     * CDN caches their answers. Empty for a feature whose every route needs a token.
     */
    public List<String> publicReads() {
        return publicReads;
    }

    /** The search index the feature declares over one of its tables, or null if it has none. */
    public SearchIndex searchIndex() {
        return searchIndex;
    }
}
