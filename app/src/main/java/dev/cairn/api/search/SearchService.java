package dev.cairn.api.search;

import dev.cairn.api.blueprint.BlueprintServes;
import dev.cairn.api.data.Cursors;
import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Searches a feature's {@link SearchIndex} for a caller: reads the route's parameters ({@link
 * SearchParameters}), runs the query {@link SearchQueries} builds (which only ever matches what the
 * caller may read), and answers a page with highlights, facet counts and a signed cursor bound to
 * the caller and the query. Any index a blueprint declares is searched by this code alone.
 *
 * <p>Failures: 400 {@code SEARCH_VALIDATION_ERROR} with each bad parameter, a cursor that does not
 * verify included; 503 {@code SEARCH_UNAVAILABLE} when the engine cannot be reached or has no
 * index behind the alias.
 */
@Singleton
@Requires(condition = SearchDeclared.class)
public class SearchService {
    public static final String VALIDATION_ERROR = ErrorCodes.validation("search");
    public static final String UNAVAILABLE = "SEARCH_UNAVAILABLE";

    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

    private final OpenSearchClient client;
    private final Cursors cursors;
    private final List<Language> languages;

    SearchService(
            OpenSearchClient client, Cursors cursors, @Property(name = BlueprintServes.PROPERTY) String blueprint) {
        this.client = client;
        this.cursors = cursors;
        this.languages = Blueprints.named(blueprint).searchLanguages();
    }

    /** One page of what {@code caller} may read in {@code index} that matches the route's parameters. */
    public SearchResults search(SearchIndex index, String caller, Map<String, List<String>> parameters) {
        SearchParameters.Parsed parsed = SearchParameters.parse(index, languages, parameters);
        if (!parsed.problems().isEmpty()) {
            throw invalid(parsed.problems());
        }
        SearchQuery query = parsed.query();
        String scope = scope(index, caller, query);
        if (parsed.cursor() != null) {
            List<Object> after = cursors.decode(scope, parsed.cursor())
                    .flatMap(SearchService::sortValues)
                    .orElseThrow(() -> invalid(List.of(new ApiError.FieldError(
                            SearchParameters.CURSOR, "is not a cursor of this search: start again without it"))));
            query = query.from(after);
        }
        SearchRequest request = SearchQueries.request(index, languages, query, caller);
        SearchResponse<JsonObject> response = run(index, request);
        return results(index, query, scope, response);
    }

    private SearchResponse<JsonObject> run(SearchIndex index, SearchRequest request) {
        try {
            return client.search(request, JsonObject.class);
        } catch (IOException | UncheckedIOException | SdkClientException e) {
            LOG.warn("Search of {} failed: the engine could not be reached: {}", index.name(), e.toString());
            throw unavailable(e);
        } catch (OpenSearchException e) {
            if (e.status() == 404 || e.status() == 429 || e.status() >= 500) {
                LOG.warn("Search of {} failed: {}", index.name(), e.getMessage());
                throw unavailable(e);
            }
            throw e;
        }
    }

    private static ApiException unavailable(Exception cause) {
        return new ApiException(
                503,
                UNAVAILABLE,
                "Search is unavailable: the search engine cannot be reached; try again shortly",
                cause);
    }

    private static ApiException invalid(List<ApiError.FieldError> problems) {
        return new ApiException(400, VALIDATION_ERROR, "The search is not valid", problems);
    }

    private static String scope(SearchIndex index, String caller, SearchQuery query) {
        return "search\n" + index.name() + "\n" + caller + "\n" + query.canonical();
    }

    private SearchResults results(
            SearchIndex index, SearchQuery query, String scope, SearchResponse<JsonObject> response) {
        List<Hit<JsonObject>> hits = response.hits().hits();
        boolean more = hits.size() > query.limit();
        List<Hit<JsonObject>> page = more ? hits.subList(0, query.limit()) : hits;
        List<JsonNode> items = new ArrayList<>();
        for (Hit<JsonObject> hit : page) {
            items.add(item(index, hit));
        }
        Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
        for (SearchIndex.Field field : index.fields()) {
            Aggregate aggregate = response.aggregations().get(field.name());
            if (field.facet() && aggregate != null && aggregate.isSterms()) {
                facets.put(
                        field.name(),
                        aggregate.sterms().buckets().array().stream()
                                .map(b -> new SearchResults.FacetCount(b.key(), b.docCount()))
                                .toList());
            }
        }
        long total = response.hits().total() == null
                ? items.size()
                : response.hits().total().value();
        String next = more && !page.isEmpty()
                ? cursors.encode(scope, cursorKey(page.getLast().sort()))
                : null;
        return new SearchResults(items, facets, total, next);
    }

    /** A hit as the caller sees it: the engine's reserved fields by their API names, the index's fields, highlights. */
    private JsonNode item(SearchIndex index, Hit<JsonObject> hit) {
        JsonObject source = hit.source() == null ? JsonValue.EMPTY_JSON_OBJECT : hit.source();
        Map<String, JsonNode> item = new LinkedHashMap<>();
        String id = source.containsKey(SearchFields.ITEM_ID)
                ? text(source.get(SearchFields.ITEM_ID))
                : hit.id().substring(hit.id().indexOf(':') + 1);
        item.put("id", JsonNode.createStringNode(id));
        putIfPresent(item, "owner", source.get(SearchFields.OWNER));
        if (hit.score() != null && !hit.score().isNaN()) {
            item.put("score", JsonNode.createNumberNode(hit.score()));
        }
        putIfPresent(item, "language", source.get(SearchFields.LANGUAGE));
        putIfPresent(item, "version", source.get(SearchFields.VERSION));
        for (SearchIndex.Field field : index.fields()) {
            putIfPresent(item, field.name(), source.get(field.name()));
        }
        item.put("public", JsonNode.createBooleanNode(source.get(SearchFields.PUBLIC) == JsonValue.TRUE));
        Map<String, JsonNode> highlights = new LinkedHashMap<>();
        for (SearchIndex.Field field : index.fields()) {
            if (field.kind() != SearchIndex.Kind.TEXT) {
                continue;
            }
            Set<String> fragments = new LinkedHashSet<>(hit.highlight().getOrDefault(field.name(), List.of()));
            for (Language language : languages) {
                fragments.addAll(
                        hit.highlight().getOrDefault(SearchFields.analyzed(field.name(), language), List.of()));
            }
            if (!fragments.isEmpty()) {
                highlights.put(
                        field.name(),
                        JsonNode.createArrayNode(fragments.stream()
                                .map(JsonNode::createStringNode)
                                .toList()));
            }
        }
        item.put("highlights", JsonNode.createObjectNode(highlights));
        return JsonNode.createObjectNode(item);
    }

    private static void putIfPresent(Map<String, JsonNode> item, String name, JsonValue value) {
        if (value != null && value != JsonValue.NULL) {
            item.put(name, node(value));
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    /** A {@code jakarta.json} value as the API's JSON tree. */
    static JsonNode node(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> JsonNode.createStringNode(((JsonString) value).getString());
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral()
                        ? JsonNode.createNumberNode(number.longValueExact())
                        : JsonNode.createNumberNode(number.doubleValue());
            }
            case TRUE -> JsonNode.createBooleanNode(true);
            case FALSE -> JsonNode.createBooleanNode(false);
            case NULL -> JsonNode.nullNode();
            case ARRAY ->
                JsonNode.createArrayNode(
                        ((JsonArray) value).stream().map(SearchService::node).toList());
            case OBJECT -> {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                ((JsonObject) value).forEach((name, field) -> fields.put(name, node(field)));
                yield JsonNode.createObjectNode(fields);
            }
        };
    }

    /** The sort values of a page's last hit as a cursor's key: {@code d0}, {@code l1}, {@code s2}... */
    private static Map<String, AttributeValue> cursorKey(List<FieldValue> sort) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i < sort.size(); i++) {
            FieldValue value = sort.get(i);
            if (value.isDouble()) {
                key.put("d" + i, AttributeValue.fromN(Double.toString(value.doubleValue())));
            } else if (value.isLong()) {
                key.put("l" + i, AttributeValue.fromN(Long.toString(value.longValue())));
            } else if (value.isBoolean()) {
                key.put("b" + i, AttributeValue.fromS(Boolean.toString(value.booleanValue())));
            } else {
                key.put("s" + i, AttributeValue.fromS(value.isString() ? value.stringValue() : value._toJsonString()));
            }
        }
        return key;
    }

    /** The sort values a verified cursor holds, in order; empty if they are not in the shape it was written. */
    private static Optional<List<Object>> sortValues(Map<String, AttributeValue> key) {
        List<Object> values = new ArrayList<>();
        int position = 0;
        try {
            for (Map.Entry<String, AttributeValue> entry : key.entrySet()) {
                String name = entry.getKey();
                if (name.length() < 2 || Integer.parseInt(name.substring(1)) != position++) {
                    return Optional.empty();
                }
                AttributeValue value = entry.getValue();
                values.add(
                        switch (name.charAt(0)) {
                            case 'd' -> Double.parseDouble(value.n());
                            case 'l' -> Long.parseLong(value.n());
                            case 'b' -> Boolean.parseBoolean(value.s());
                            case 's' -> value.s();
                            default -> throw new IllegalArgumentException(name);
                        });
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(values);
    }
}
