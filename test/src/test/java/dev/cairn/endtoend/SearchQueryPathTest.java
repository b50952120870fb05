package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.http.ApiException;
import dev.cairn.api.search.SearchResults;
import dev.cairn.api.search.SearchService;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import dev.cairn.contract.Tables;
import dev.cairn.local.SearchNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API's search query path on a real OpenSearch node: the app's {@link SearchService}, wired as
 * the recipe archive wires it, against an index made here by hand with the document fields search
 * reads (the indexer is tested on its own). Typos are forgiven, filters and the language narrow,
 * highlights mark the words, nobody finds another user's private recipe, and cursor pages cover
 * every match once.
 */
@Timeout(300)
class SearchQueryPathTest {
    private static final Path REPO = Path.of(System.getProperty("cairn.local.repo-dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final SearchIndex RECIPES = Tables.RECIPE_SEARCH;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static SearchNode node;
    private static ApplicationContext app;
    private static SearchService search;

    @BeforeAll
    static void start() throws Exception {
        node = SearchNode.start(REPO, null);
        URI endpoint = node.endpoint();
        String index = RECIPES.name() + "-v" + RECIPES.mappingVersion() + "-" + System.currentTimeMillis();
        send("PUT", endpoint.resolve("/" + index), mapping(index));
        int n = 0;
        for (String document : documents()) {
            String id = "doc" + n++;
            send("PUT", endpoint.resolve("/" + index + "/_doc/" + id), document);
        }
        send("POST", endpoint.resolve("/" + index + "/_refresh"), "");
        Map<String, Object> properties = new HashMap<>();
        properties.put("cairn.blueprint", Blueprints.RECIPE_ARCHIVE.name());
        properties.put("cairn.search.endpoint", endpoint.toString());
        properties.put("cairn.aws.region", "eu-west-1");
        properties.put("cairn.aws.local-credentials", true);
        properties.put("cairn.signing.secret", "a-signing-secret-of-at-least-thirty-two-chars");
        app = ApplicationContext.builder().properties(properties).start();
        search = app.getBean(SearchService.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aTypoStillFindsTheRecipeAndTheTitleMatchRanksFirst() {
        SearchResults found = search("ada", Map.of("q", List.of("lemmon tart")));

        assertThat(ids(found)).first().isEqualTo("r-lemon-tart");
        assertThat(ids(found)).contains("r-lemon-chicken");
        JsonNode first = found.items().getFirst();
        assertThat(first.get("highlights").get("title").get(0).getStringValue()).contains("<em>");
        assertThat(first.get("score").getNumberValue().doubleValue()).isPositive();
        assertThat(first.get("owner").getStringValue()).isEqualTo("ada");
        assertThat(first.get("ingredients").size()).isEqualTo(3);
    }

    @Test
    void aUserFindsTheirOwnTheSharedAndThePublicButNeverAnotherUsersPrivateRecipe() {
        List<String> bob = ids(search("bob", Map.of("q", List.of("lemon"))));
        List<String> carol = ids(search("carol", Map.of()));

        assertThat(bob).contains("r-lemon-tart", "r-bob-lemonade").doesNotContain("r-lemon-chicken");
        assertThat(carol).containsExactlyInAnyOrder("r-lemon-tart", "r-lemon-chicken", "r-feijoada", "r-gazpacho");
        SearchResults mallory = search("mallory", Map.of("q", List.of("lemonade")));
        assertThat(ids(mallory)).doesNotContain("r-bob-lemonade", "r-lemon-chicken");
        assertThat(mallory.items()).allMatch(item -> item.get("public").getBooleanValue());
    }

    @Test
    void filtersNeedEveryValueAndCountFacets() {
        SearchResults vegan = search("ada", Map.of("dietary", List.of("vegan,gluten-free")));
        SearchResults quick = search("ada", Map.of("maxTotalMinutes", List.of("30")));
        SearchResults portuguese = search("ada", Map.of("language", List.of("pt")));

        assertThat(ids(vegan)).containsExactly("r-gazpacho");
        assertThat(ids(quick)).containsExactlyInAnyOrder("r-gazpacho", "r-lemon-chicken");
        assertThat(ids(portuguese)).containsExactly("r-feijoada");
        SearchResults all = search("ada", Map.of());
        assertThat(all.facets().get("dietary"))
                .contains(new SearchResults.FacetCount("vegan", 1), new SearchResults.FacetCount("gluten-free", 2));
    }

    @Test
    void aLanguagesAnalyzerFindsOtherFormsOfAWord() {
        // "roasting" is three edits from "roast": only the English stemmer of title_en finds it.
        assertThat(ids(search("ada", Map.of("q", List.of("roasting"))))).containsExactly("r-lemon-chicken");
    }

    @Test
    void cursorPagesCoverEveryMatchOnceAndACursorIsBoundToItsSearch() {
        List<String> paged = new ArrayList<>();
        Map<String, List<String>> parameters = new HashMap<>(Map.of("limit", List.of("2")));
        String cursor = null;
        int pages = 0;
        do {
            if (cursor != null) {
                parameters.put("cursor", List.of(cursor));
            }
            SearchResults page = search("carol", parameters);
            paged.addAll(ids(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(paged).hasSize(4).doesNotHaveDuplicates();
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ids(search("carol", Map.of())));
        String first = search("carol", Map.of("limit", List.of("1"))).nextCursor();
        assertThatThrownBy(() -> search("ada", Map.of("limit", List.of("1"), "cursor", List.of(first))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("SEARCH_VALIDATION_ERROR"));
        assertThatThrownBy(() ->
                        search("carol", Map.of("q", List.of("soup"), "limit", List.of("1"), "cursor", List.of(first))))
                .isInstanceOf(ApiException.class);
    }

    private static SearchResults search(String caller, Map<String, List<String>> parameters) {
        return search.search(RECIPES, caller, parameters);
    }

    private static List<String> ids(SearchResults results) {
        return results.items().stream()
                .map(item -> item.get("id").getStringValue())
                .toList();
    }

    /** The document fields search reads, mapped by hand as the indexer maps them. */
    private static String mapping(String index) {
        StringBuilder properties = new StringBuilder();
        for (SearchIndex.Field field : RECIPES.fields()) {
            switch (field.kind()) {
                case TEXT -> {
                    properties
                            .append("\"")
                            .append(field.name())
                            .append("\": {\"type\": \"text\", \"analyzer\":" + " \"cairn_folded\"},");
                    for (Language language : Blueprints.RECIPE_ARCHIVE.searchLanguages()) {
                        properties
                                .append("\"")
                                .append(field.name())
                                .append('_')
                                .append(language.code())
                                .append("\": {\"type\": \"text\", \"analyzer\": \"")
                                .append(language.analyzer())
                                .append("\"},");
                    }
                }
                case KEYWORD ->
                    properties
                            .append("\"")
                            .append(field.name())
                            .append("\": {\"type\": \"keyword\", \"normalizer\": \"cairn_lowercase\"},");
                case NUMBER -> properties.append("\"").append(field.name()).append("\": {\"type\": \"double\"},");
            }
        }
        return """
                {"settings": {"number_of_shards": 1, "analysis": {
                   "analyzer": {"cairn_folded": {"type": "custom", "tokenizer": "standard",
                                                 "filter": ["lowercase", "asciifolding"]}},
                   "normalizer": {"cairn_lowercase": {"type": "custom", "filter": ["lowercase", "asciifolding"]}}}},
                 "mappings": {"dynamic": "strict", "properties": {
                   %s
                   "itemId": {"type": "keyword"}, "owner": {"type": "keyword"}, "readers": {"type": "keyword"},
                   "public": {"type": "boolean"}, "version": {"type": "long"}, "language": {"type": "keyword"},
                   "createdAt": {"type": "date"}, "updatedAt": {"type": "date"}}},
                 "aliases": {"%s": {}}}
                """.formatted(properties, RECIPES.name());
    }

    private static List<String> documents() {
        return List.of(
                document(
                        "r-lemon-tart",
                        "ada",
                        List.of(),
                        true,
                        "en",
                        "Lemon tart",
                        "A sharp and sweet tart",
                        List.of("3 lemons", "200 g sugar", "butter"),
                        List.of("dessert"),
                        List.of("vegetarian"),
                        60,
                        "2026-01-01T10:00:00Z"),
                document(
                        "r-lemon-chicken",
                        "ada",
                        List.of("carol"),
                        false,
                        "en",
                        "Roast chicken with lemon",
                        "Sunday dinner",
                        List.of("1 chicken", "2 lemons", "thyme"),
                        List.of("dinner"),
                        List.of("gluten-free"),
                        25,
                        "2026-01-02T10:00:00Z"),
                document(
                        "r-bob-lemonade",
                        "bob",
                        List.of(),
                        false,
                        "en",
                        "Lemonade",
                        "Cold and fresh",
                        List.of("lemons", "water", "sugar"),
                        List.of("drink"),
                        List.of("vegan"),
                        10,
                        "2026-01-03T10:00:00Z"),
                document(
                        "r-feijoada",
                        "ada",
                        List.of(),
                        true,
                        "pt",
                        "Feijoada com feijão preto",
                        "Um prato de carne e arroz",
                        List.of("feijão preto", "carne seca", "linguiça"),
                        List.of("dinner"),
                        List.of(),
                        180,
                        "2026-01-04T10:00:00Z"),
                document(
                        "r-gazpacho",
                        "ada",
                        List.of(),
                        true,
                        "es",
                        "Gazpacho andaluz",
                        "Sopa fría de tomate",
                        List.of("tomates", "pepino", "aceite de oliva"),
                        List.of("soup"),
                        List.of("vegan", "gluten-free"),
                        20,
                        "2026-01-05T10:00:00Z"));
    }

    private static String document(
            String id,
            String owner,
            List<String> readers,
            boolean open,
            String language,
            String title,
            String description,
            List<String> ingredients,
            List<String> tags,
            List<String> dietary,
            int minutes,
            String updatedAt) {
        return """
                {"itemId": "%s", "owner": "%s", "readers": %s, "public": %s, "version": 1, "language": "%s",
                 "createdAt": "%s", "updatedAt": "%s",
                 "title": "%s", "title_%s": "%s", "description": "%s", "description_%s": "%s",
                 "ingredients": %s, "ingredients_%s": %s, "tags": %s, "dietary": %s, "cuisine": "home",
                 "totalMinutes": %d, "servings": 4}
                """.formatted(
                        id,
                        owner,
                        json(readers),
                        open,
                        language,
                        updatedAt,
                        updatedAt,
                        title,
                        language,
                        title,
                        description,
                        language,
                        description,
                        json(ingredients),
                        language,
                        json(ingredients),
                        json(tags),
                        json(dietary),
                        minutes);
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }

    private static String send(String method, URI uri, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + uri + ": " + response.body())
                .isLessThan(300);
        return response.body();
    }
}
