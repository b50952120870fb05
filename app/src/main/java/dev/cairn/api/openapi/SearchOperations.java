package dev.cairn.api.openapi;

import static dev.cairn.api.openapi.JsonTree.child;
import static dev.cairn.api.openapi.JsonTree.list;
import static dev.cairn.api.openapi.JsonTree.obj;
import static dev.cairn.api.openapi.JsonTree.object;
import static dev.cairn.api.openapi.JsonTree.ref;

import dev.cairn.api.search.SearchParameters;
import dev.cairn.api.search.SearchQueries;
import dev.cairn.api.search.SearchService;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Describes each search route from its {@link SearchIndex}, as {@link CollectionOperations} does
 * a collection's routes from its declaration: the query parameters the index takes (the words, each
 * keyword field, each number field's bounds, the language, the page), the hits with the index's
 * fields ({@code RecipesSearchHit}) in the page ({@code RecipesSearchResults}), and its own
 * failures ({@code SEARCH_VALIDATION_ERROR}, {@code SEARCH_UNAVAILABLE}).
 */
final class SearchOperations {
    private final Map<String, Object> document;

    SearchOperations(Map<String, Object> document) {
        this.document = document;
    }

    /** Describes the route of every feature's search index the document has. */
    void describeAll() {
        for (Feature feature : Feature.values()) {
            if (feature.searchIndex() != null) {
                describe(feature.searchIndex());
            }
        }
    }

    void describe(SearchIndex index) {
        String[] route = index.route().split(" ", 2);
        Map<String, Object> paths = child(document, "paths");
        if (!(paths.get(route[1]) instanceof Map<?, ?> methods)
                || !(object(methods).get(route[0].toLowerCase(Locale.ROOT)) instanceof Map<?, ?> found)) {
            return;
        }
        Map<String, Object> op = object(found);
        String name = upperCamel(index.name());
        Map<String, Object> schemas = SchemaRefs.schemas(document);
        schemas.put(name + "SearchHit", hit(index));
        schemas.put(name + "SearchResults", results(name));
        op.put("parameters", parameters(index));
        Map<String, Object> responses = child(op, "responses");
        responses.clear();
        responses.put(
                "200",
                Envelopes.json(
                        "A page of the matching items the caller may read, with highlights and facet counts",
                        ref(name + "SearchResults")));
        responses.put(
                "400",
                obj(
                        "description",
                        SearchService.VALIDATION_ERROR + ": a parameter is not valid, or the cursor is not one of"
                                + " this search (another query, another user, or changed); `details` names them."));
        responses.put(
                "503",
                obj(
                        "description",
                        SearchService.UNAVAILABLE + ": the search engine cannot be reached; try again shortly."));
    }

    private static Map<String, Object> hit(SearchIndex index) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", obj("type", "string", "description", "The item's id."));
        properties.put("owner", obj("type", "string", "description", "The user id of the item's owner."));
        properties.put(
                "score", obj("type", "number", "description", "How well it matches the words; absent without words."));
        properties.put("language", obj("type", "string", "description", "The code of the item's language."));
        properties.put("version", obj("type", "integer", "description", "The item's version."));
        for (SearchIndex.Field field : index.fields()) {
            properties.put(
                    field.name(),
                    switch (field.kind()) {
                        case NUMBER -> obj("type", "number");
                        case TEXT, KEYWORD ->
                            obj(
                                    "anyOf",
                                    list(obj("type", "string"), obj("type", "array", "items", obj("type", "string"))),
                                    "description",
                                    "As the item holds it: a string, or a list of strings.");
                    });
        }
        properties.put("public", obj("type", "boolean", "description", "Whether anyone may find it."));
        properties.put(
                "highlights",
                obj(
                        "type",
                        "object",
                        "description",
                        "By text field, the fragments that match, words marked `<em>`...`</em>` (the rest"
                                + " HTML-escaped).",
                        "additionalProperties",
                        obj("type", "array", "items", obj("type", "string"))));
        return obj(
                "type",
                "object",
                "description",
                "An item a search found, with the index's fields and its highlights.",
                "required",
                list("id", "owner", "public", "highlights"),
                "properties",
                properties);
    }

    private static Map<String, Object> results(String name) {
        return obj(
                "type",
                "object",
                "description",
                "A page of search results.",
                "required",
                list("items", "facets", "total"),
                "properties",
                obj(
                        "items",
                        obj(
                                "type",
                                "array",
                                "description",
                                "Best first; newest first without words.",
                                "items",
                                ref(name + "SearchHit")),
                        "facets",
                        obj(
                                "type",
                                "object",
                                "description",
                                "For each facet field, its " + SearchQueries.FACET_SIZE
                                        + " commonest values among all the matches, with their counts.",
                                "additionalProperties",
                                obj(
                                        "type",
                                        "array",
                                        "items",
                                        obj(
                                                "type",
                                                "object",
                                                "required",
                                                list("value", "count"),
                                                "properties",
                                                obj("value", obj("type", "string"), "count", obj("type", "integer"))))),
                        "total",
                        obj(
                                "type",
                                "integer",
                                "description",
                                "How many items match: exact up to 10,000, then at least that."),
                        "nextCursor",
                        obj("type", "string", "description", "Where the next page starts; absent on the last.")));
    }

    private static List<Object> parameters(SearchIndex index) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(query(
                SearchParameters.TEXT,
                "The words to find, typos forgiven; absent or blank: everything the caller may read, newest first.",
                obj("type", "string", "maxLength", SearchParameters.MAX_TEXT)));
        for (SearchIndex.Field field : index.fields()) {
            switch (field.kind()) {
                case KEYWORD ->
                    parameters.add(obj(
                            "name",
                            field.name(),
                            "in",
                            "query",
                            "description",
                            "Only items with every value given (repeated, or comma-separated), at most "
                                    + SearchParameters.MAX_VALUES + ".",
                            "explode",
                            true,
                            "schema",
                            obj(
                                    "type",
                                    "array",
                                    "maxItems",
                                    SearchParameters.MAX_VALUES,
                                    "items",
                                    field.vocabulary().isEmpty()
                                            ? obj("type", "string", "maxLength", SearchParameters.MAX_VALUE_LENGTH)
                                            : obj("type", "string", "enum", field.vocabulary()))));
                case NUMBER -> {
                    parameters.add(query(
                            SearchParameters.min(field),
                            "Only items whose `" + field.name() + "` is at least this.",
                            obj("type", "number")));
                    parameters.add(query(
                            SearchParameters.max(field),
                            "Only items whose `" + field.name() + "` is at most this.",
                            obj("type", "number")));
                }
                case TEXT -> {}
            }
        }
        parameters.add(query(
                SearchParameters.LANGUAGE,
                "Only items in this language (one the blueprint's search analyzes).",
                obj(
                        "type",
                        "string",
                        "enum",
                        new ArrayList<Object>(Arrays.stream(Language.values())
                                .map(Language::code)
                                .toList()))));
        parameters.add(query(
                SearchParameters.LIMIT,
                "How many items a page holds.",
                obj(
                        "type",
                        "integer",
                        "minimum",
                        1,
                        "maximum",
                        SearchParameters.MAX_LIMIT,
                        "default",
                        SearchParameters.DEFAULT_LIMIT)));
        parameters.add(query(
                SearchParameters.CURSOR,
                "The `nextCursor` of the page before, with the same search.",
                obj("type", "string")));
        return parameters;
    }

    private static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
        return obj("name", name, "in", "query", "description", description, "schema", schema);
    }

    private static String upperCamel(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("-")) {
            out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return out.toString();
    }
}
