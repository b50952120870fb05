package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.http.ApiError;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Language;
import dev.cairn.contract.Tables;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParametersTest {
    private static final List<Language> LANGUAGES = Blueprints.RECIPE_ARCHIVE.searchLanguages();

    @Test
    void readsWordsFiltersRangesLanguageAndLimit() {
        SearchParameters.Parsed parsed = parse(Map.of(
                "q", List.of("  lemon tart "),
                "tags", List.of("dessert, summer", "dessert"),
                "minServings", List.of("2"),
                "maxTotalMinutes", List.of("45.5"),
                "language", List.of("PT"),
                "limit", List.of("7"),
                "cursor", List.of("abc.def")));

        assertThat(parsed.problems()).isEmpty();
        SearchQuery query = parsed.query();
        assertThat(query.text()).isEqualTo("lemon tart");
        assertThat(query.keywords()).isEqualTo(Map.of("tags", List.of("dessert", "summer")));
        assertThat(query.ranges())
                .containsEntry("servings", new SearchQuery.Range(new BigDecimal("2"), null))
                .containsEntry("totalMinutes", new SearchQuery.Range(null, new BigDecimal("45.5")));
        assertThat(query.language()).isEqualTo("pt");
        assertThat(query.limit()).isEqualTo(7);
        assertThat(parsed.cursor()).isEqualTo("abc.def");
    }

    @Test
    void defaultsToEverythingTwentyAtATime() {
        SearchParameters.Parsed parsed = parse(Map.of());

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.query().hasText()).isFalse();
        assertThat(parsed.query().limit()).isEqualTo(SearchParameters.DEFAULT_LIMIT);
    }

    @Test
    void refusesEachBadParameterByName() {
        SearchParameters.Parsed parsed = parse(Map.of(
                "q", List.of("x".repeat(201)),
                "colour", List.of("red"),
                "limit", List.of("51"),
                "language", List.of("de"),
                "minTotalMinutes", List.of("1e9"),
                "minServings", List.of("8"),
                "maxServings", List.of("4"),
                "dietary", List.of("a,b,c,d,e,f,g,h,i,j,k"),
                "cuisine", List.of("y".repeat(101))));

        assertThat(parsed.problems())
                .extracting(ApiError.FieldError::field)
                .containsExactlyInAnyOrder(
                        "q", "colour", "limit", "language", "minTotalMinutes", "minServings", "dietary", "cuisine");
    }

    @Test
    void aClosedVocabularyTakesOnlyItsOwnValues() {
        assertThat(parse(Map.of("dietary", List.of("vegan,gluten-free"))).problems())
                .isEmpty();
        assertThat(parse(Map.of("dietary", List.of("vegan", "carnivore"))).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("dietary");
                    assertThat(problem.message()).startsWith("values must be among [vegetarian, vegan");
                });
        // An open keyword field takes any value.
        assertThat(parse(Map.of("tags", List.of("carnivore"))).problems()).isEmpty();
    }

    @Test
    void aSingleValueParameterGivenTwiceIsRefused() {
        assertThat(parse(Map.of("limit", List.of("5", "6"))).problems())
                .extracting(ApiError.FieldError::field)
                .containsExactly("limit");
        assertThat(parse(Map.of("limit", List.of("0"))).problems()).hasSize(1);
    }

    @Test
    void theSameSearchInAnotherOrderIsTheSameSearch() {
        SearchQuery one =
                parse(Map.of("tags", List.of("a,b"), "q", List.of("soup"))).query();
        SearchQuery other =
                parse(Map.of("q", List.of("soup "), "tags", List.of("b", "a"))).query();
        SearchQuery different =
                parse(Map.of("q", List.of("soup"), "tags", List.of("a"))).query();

        assertThat(one.canonical()).isEqualTo(other.canonical()).isNotEqualTo(different.canonical());
    }

    private static SearchParameters.Parsed parse(Map<String, List<String>> parameters) {
        return SearchParameters.parse(Tables.RECIPE_SEARCH, LANGUAGES, parameters);
    }
}
