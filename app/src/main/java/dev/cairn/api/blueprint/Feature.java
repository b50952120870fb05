package dev.cairn.api.blueprint;

/** A part of the API that some blueprints serve and others do not. */
public enum Feature {
    /** {@code /api/guitars}, with notes and receipts (seed 001). */
    GUITARS,
    /** {@code /api/notes} (seed 004). */
    NOTES,
    /** {@code /api/bookmarks}: the personal site's URL bookmarks (seed 004). */
    BOOKMARKS,
    /** {@code /api/files}: the personal site's private documents (seed 004). */
    FILES,
    /** {@code /api/keys} and {@code X-Api-Key} access for machine clients (seed 004). */
    API_KEYS
}
