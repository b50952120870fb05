package dev.cairn.api.search;

import dev.cairn.api.data.PrettyJson;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body that creates an index of a {@link SearchIndex} for a blueprint: its analysis settings
 * ({@value #FOLDED_ANALYZER}, {@value #LOWERCASE_NORMALIZER}) and its mapping, generated from the
 * contract. Each TEXT field {@code f} is {@code f} (folded: phrases and highlights) and {@code
 * f_CODE} for each of the blueprint's languages (that language's analyzer); each KEYWORD field a
 * lower-cased, folded keyword; each NUMBER field a double; then the reserved fields every document
 * carries. The mapping is strict: a document holds those fields and no others.
 *
 * <p>The generated JSON of each index version is recorded in the repository ({@code
 * app/src/test/resources/search-mappings/BLUEPRINT/INDEX-vN.json}): a change to it needs a new
 * {@link SearchIndex#mappingVersion()}, and ships with a reindex.
 */
public final class SearchMappings {
    /** Standard tokenizer, lower case, ASCII folding: "Crème Brûlée" matches "creme brulee". */
    public static final String FOLDED_ANALYZER = "cairn_folded";
    /** Keywords compare lower-cased and folded: a filter on "Gluten-Free" finds "gluten-free". */
    public static final String LOWERCASE_NORMALIZER = "cairn_lowercase";

    /** The item's id in its owner's items: the sort key's value, else the partition key's. */
    public static final String ITEM_ID = "itemId";
    /** The owner's user id. */
    public static final String OWNER = "owner";
    /** The user ids the item is shared with (possibly none). */
    public static final String READERS = "readers";
    /** Whether anyone may find it. */
    public static final String PUBLIC = "public";
    /** The item's version: also the document's external version. */
    public static final String VERSION = "version";
    /** The item's language code. */
    public static final String LANGUAGE = "language";
    /** When the item was created (ISO-8601). */
    public static final String CREATED_AT = "createdAt";
    /** When the item was last written (ISO-8601). */
    public static final String UPDATED_AT = "updatedAt";

    /** The reserved fields, in the mapping's order. */
    public static final List<String> RESERVED_FIELDS =
            List.of(ITEM_ID, OWNER, READERS, PUBLIC, VERSION, LANGUAGE, CREATED_AT, UPDATED_AT);

    private SearchMappings() {}

    /** The name of the text field analyzed in {@code language}: {@code title_en}. */
    public static String languageField(String field, Language language) {
        return field + "_" + language.code();
    }

    /** The name of a new index of {@code index}: {@code recipes-v1-1764720000000}. */
    public static String indexName(SearchIndex index, long epochMillis) {
        return index.name() + "-v" + index.mappingVersion() + "-" + epochMillis;
    }

    /** The alias a reindex points at the index it builds: {@code recipes-next}. */
    public static String nextAlias(SearchIndex index) {
        return index.name() + "-next";
    }

    /** The create-index body (settings and mappings) of {@code index} for {@code blueprint}. */
    public static Map<String, Object> createIndexBody(SearchIndex index, Blueprint blueprint) {
        return createIndexBody(index, blueprint.searchLanguages());
    }

    /** The create-index body of {@code index} with text analyzed in {@code languages}. */
    public static Map<String, Object> createIndexBody(SearchIndex index, List<Language> languages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("settings", Map.of("analysis", analysis()));
        Map<String, Object> mappings = new LinkedHashMap<>();
        mappings.put("dynamic", "strict");
        mappings.put("properties", properties(index, languages));
        body.put("mappings", mappings);
        return body;
    }

    /** {@link #createIndexBody(SearchIndex, Blueprint)} as indented JSON, as it is recorded. */
    public static String json(SearchIndex index, Blueprint blueprint) {
        return PrettyJson.write(createIndexBody(index, blueprint));
    }

    private static Map<String, Object> analysis() {
        Map<String, Object> folded = new LinkedHashMap<>();
        folded.put("type", "custom");
        folded.put("tokenizer", "standard");
        folded.put("filter", List.of("lowercase", "asciifolding"));
        Map<String, Object> lowercase = new LinkedHashMap<>();
        lowercase.put("type", "custom");
        lowercase.put("filter", List.of("lowercase", "asciifolding"));
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("analyzer", Map.of(FOLDED_ANALYZER, folded));
        analysis.put("normalizer", Map.of(LOWERCASE_NORMALIZER, lowercase));
        return analysis;
    }

    private static Map<String, Object> properties(SearchIndex index, List<Language> languages) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (SearchIndex.Field field : index.fields()) {
            if (RESERVED_FIELDS.contains(field.name())) {
                throw new IllegalArgumentException("field of search index " + index.name()
                        + " must not be one of the reserved fields " + RESERVED_FIELDS + " (value: " + field.name()
                        + ")");
            }
            switch (field.kind()) {
                case TEXT -> {
                    properties.put(field.name(), type("text", "analyzer", FOLDED_ANALYZER));
                    for (Language language : languages) {
                        properties.put(
                                languageField(field.name(), language), type("text", "analyzer", language.analyzer()));
                    }
                }
                case KEYWORD -> properties.put(field.name(), type("keyword", "normalizer", LOWERCASE_NORMALIZER));
                case NUMBER -> properties.put(field.name(), type("double", null, null));
            }
        }
        properties.put(ITEM_ID, type("keyword", null, null));
        properties.put(OWNER, type("keyword", null, null));
        properties.put(READERS, type("keyword", null, null));
        properties.put(PUBLIC, type("boolean", null, null));
        properties.put(VERSION, type("long", null, null));
        properties.put(LANGUAGE, type("keyword", null, null));
        properties.put(CREATED_AT, type("date", null, null));
        properties.put(UPDATED_AT, type("date", null, null));
        return properties;
    }

    private static Map<String, Object> type(String type, String setting, Object value) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", type);
        if (setting != null) {
            property.put(setting, value);
        }
        return property;
    }
}
