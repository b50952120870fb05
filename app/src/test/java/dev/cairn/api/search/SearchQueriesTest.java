package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import dev.cairn.contract.Tables;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.core.SearchRequest;

/** The request a search sends, as JSON: what the engine is asked, whatever the client library. */
class SearchQueriesTest {
    private static final SearchIndex RECIPES = Tables.RECIPE_SEARCH;
    private static final List<Language> LANGUAGES = Blueprints.RECIPE_ARCHIVE.searchLanguages();
    private static final String CALLER = "user-ada";

    @Test
    void everySearchCarriesTheAccessFilterForTheCaller() {
        for (Map<String, List<String>> parameters : List.of(
                Map.<String, List<String>>of(),
                Map.of("q", List.of("lemon tart")),
                Map.of("q", List.of("soup"), "tags", List.of("dinner"), "minServings", List.of("2")),
                Map.of("dietary", List.of("vegan"), "language", List.of("pt")))) {
            JsonObject bool = request(parameters).getJsonObject("query").getJsonObject("bool");
            JsonObject access = bool.getJsonArray("filter").getJsonObject(0).getJsonObject("bool");

            assertThat(access.getString("minimum_should_match")).isEqualTo("1");
            assertThat(terms(access.getJsonArray("should")))
                    .as("access filter of %s", parameters)
                    .containsExactly("owner=user-ada", "readers=user-ada", "public=true");
        }
    }

    @Test
    void wordsMatchEveryTextFieldInEveryLanguageWithItsBoostAndForgiveTypos() {
        JsonObject bool = request(Map.of("q", List.of("lemon tart")))
                .getJsonObject("query")
                .getJsonObject("bool");
        JsonObject match = bool.getJsonArray("must").getJsonObject(0).getJsonObject("multi_match");

        assertThat(match.getString("query")).isEqualTo("lemon tart");
        assertThat(match.getString("type")).isEqualTo("best_fields");
        assertThat(match.getString("fuzziness")).isEqualTo("AUTO");
        assertThat(match.getInt("prefix_length")).isEqualTo(1);
        assertThat(strings(match.getJsonArray("fields")))
                .contains("title^3", "title_en^3", "title_pt^3", "title_fr^3", "title_es^3")
                .contains("ingredients^2", "ingredients_pt^2", "description^1.5", "description_es^1.5")
                .contains("steps^1", "steps_fr^1")
                .hasSize(4 * (1 + LANGUAGES.size()));

        JsonObject phrase = bool.getJsonArray("should").getJsonObject(0).getJsonObject("multi_match");
        assertThat(phrase.getString("type")).isEqualTo("phrase");
        assertThat(phrase.getJsonNumber("boost").doubleValue()).isEqualTo(SearchQueries.PHRASE_BOOST);
        assertThat(strings(phrase.getJsonArray("fields")))
                .containsExactly("title^3", "ingredients^2", "description^1.5", "steps^1");
    }

    @Test
    void filtersNeedEveryValueAndRangesAreInclusive() {
        JsonObject bool = request(Map.of(
                        "tags", List.of("dessert,summer"),
                        "dietary", List.of("vegan", "gluten-free"),
                        "minTotalMinutes", List.of("10"),
                        "maxTotalMinutes", List.of("45"),
                        "language", List.of("FR")))
                .getJsonObject("query")
                .getJsonObject("bool");
        JsonArray filters = bool.getJsonArray("filter");

        assertThat(terms(filters))
                .contains("tags=dessert", "tags=summer", "dietary=vegan", "dietary=gluten-free", "language=fr");
        JsonObject range = filters.stream()
                .map(JsonValue::asJsonObject)
                .filter(f -> f.containsKey("range"))
                .findFirst()
                .orElseThrow()
                .getJsonObject("range")
                .getJsonObject("totalMinutes");
        assertThat(range.getJsonNumber("gte").intValue()).isEqualTo(10);
        assertThat(range.getJsonNumber("lte").intValue()).isEqualTo(45);
        assertThat(bool.getJsonArray("must").getJsonObject(0).containsKey("match_all"))
                .isTrue();
        assertThat(bool.containsKey("should")).isFalse();
    }

    @Test
    void wordsSortByScoreThenNewestThenIdAndNoWordsByNewest() {
        assertThat(sortKeys(request(Map.of("q", List.of("soup"))))).containsExactly("_score", "updatedAt", "itemId");
        assertThat(sortKeys(request(Map.of()))).containsExactly("updatedAt", "itemId");
    }

    @Test
    void asksOneMoreThanThePageHighlightsEscapedAndCountsFacets() {
        JsonObject request = request(Map.of("q", List.of("soup"), "limit", List.of("5")));

        assertThat(request.getInt("size")).isEqualTo(6);
        JsonObject highlight = request.getJsonObject("highlight");
        assertThat(highlight.getString("encoder")).isEqualTo("html");
        assertThat(strings(highlight.getJsonArray("pre_tags"))).containsExactly("<em>");
        assertThat(highlight.getJsonObject("fields").keySet()).contains("title", "title_pt", "steps_es");
        JsonObject aggregations = request.getJsonObject("aggregations");
        assertThat(aggregations.keySet()).containsExactly("tags", "dietary", "cuisine");
        assertThat(aggregations.getJsonObject("dietary").getJsonObject("terms").getInt("size"))
                .isEqualTo(SearchQueries.FACET_SIZE);
        assertThat(strings(request.getJsonObject("_source").getJsonArray("excludes")))
                .containsExactly("readers");
    }

    private static JsonObject request(Map<String, List<String>> parameters) {
        SearchParameters.Parsed parsed = SearchParameters.parse(RECIPES, LANGUAGES, parameters);
        assertThat(parsed.problems()).isEmpty();
        SearchRequest request = SearchQueries.request(RECIPES, LANGUAGES, parsed.query(), CALLER);
        SearchJsonMapper mapper = new SearchJsonMapper();
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            request.serialize(generator, mapper);
        }
        return Json.createReader(new StringReader(out.toString())).readObject();
    }

    /** Each {@code term} query of the array as {@code field=value}. */
    private static List<String> terms(JsonArray queries) {
        List<String> terms = new ArrayList<>();
        for (JsonValue query : queries) {
            JsonObject term = query.asJsonObject().getJsonObject("term");
            if (term != null) {
                term.forEach((field, value) -> {
                    JsonValue v = value.getValueType() == JsonValue.ValueType.OBJECT
                            ? value.asJsonObject().get("value")
                            : value;
                    terms.add(field + "=" + (v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
                });
            }
        }
        return terms;
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static List<String> sortKeys(JsonObject request) {
        return request.getJsonArray("sort").stream()
                .map(s -> s.getValueType() == JsonValue.ValueType.STRING
                        ? ((jakarta.json.JsonString) s).getString()
                        : s.asJsonObject().keySet().iterator().next())
                .toList();
    }
}
