package dev.cairn.api.search;

import dev.cairn.contract.Language;

/**
 * The names of a search document's fields besides the index's own: who may read the item, its id,
 * version, language and dates. The indexer writes them, the queries read them.
 */
public final class SearchFields {
    /** The item's id: its sort key value, else its partition key value (keyword). */
    public static final String ITEM_ID = "itemId";
    /** The owner's user id (keyword). */
    public static final String OWNER = "owner";
    /** The user ids the item is shared with (keyword array, may be empty). */
    public static final String READERS = "readers";
    /** Whether anyone may find it (boolean). */
    public static final String PUBLIC = "public";
    /** The item's version (long): also the document's external version. */
    public static final String VERSION = "version";
    /** The code of the item's language (keyword). */
    public static final String LANGUAGE = "language";
    /** When the item was created (date). */
    public static final String CREATED_AT = "createdAt";
    /** When the item was last changed (date). */
    public static final String UPDATED_AT = "updatedAt";

    private SearchFields() {}

    /** The field holding text field {@code field} analyzed for {@code language}: {@code title_pt}. */
    public static String analyzed(String field, Language language) {
        return field + "_" + language.code();
    }
}
