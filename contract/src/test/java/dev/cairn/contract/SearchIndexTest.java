package dev.cairn.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    @Test
    void theRecipeArchiveSearchesItsRecipesInFourLanguagesEnglishFirst() {
        Blueprint recipes = Blueprints.RECIPE_ARCHIVE;
        assertThat(recipes.searchIndexes()).containsExactly(Tables.RECIPE_SEARCH);
        assertThat(recipes.searchLanguages()).containsExactly(Language.EN, Language.PT, Language.FR, Language.ES);
        assertThat(Tables.RECIPE_SEARCH.table()).isSameAs(Tables.RECIPES);
        assertThat(recipes.allTables()).contains(Tables.RECIPES);
    }

    @Test
    void blueprintsWithoutSearchStillAnalyzeEnglishAndPortuguese() {
        assertThat(Blueprints.GUITAR_COLLECTION.searchIndexes()).isEmpty();
        Blueprint custom = Blueprint.builder("custom", "custom")
                .searchLanguages(Language.PT, Language.ES)
                .build();
        assertThat(custom.searchLanguages()).containsExactly(Language.EN, Language.PT, Language.ES);
    }

    @Test
    void languagesAreFoundByCodeInAnyCase() {
        assertThat(Language.ofCode("PT").analyzer()).isEqualTo("portuguese");
        assertThatThrownBy(() -> Language.ofCode("xx"))
                .hasMessage("language must be one of [en, pt, fr, es] (value: xx)");
    }

    @Test
    void aFieldIsFoundByNameAndOnlyKeywordsHaveFacets() {
        assertThat(Tables.RECIPE_SEARCH.field("title").boost()).isEqualTo(3);
        assertThatThrownBy(() -> Tables.RECIPE_SEARCH.field("price")).hasMessageContaining("(value: price)");
        assertThatThrownBy(() -> new SearchIndex.Field("title", SearchIndex.Kind.TEXT, 1, true))
                .hasMessage("only a keyword field can be a facet (value: title)");
    }

    @Test
    void onlyAKeywordFieldHasAVocabularyOfDistinctValues() {
        assertThat(Tables.RECIPE_SEARCH.field("dietary").vocabulary()).isEqualTo(Tables.DIETARY);
        assertThat(Tables.RECIPE_SEARCH.field("tags").vocabulary()).isEmpty();
        assertThatThrownBy(() -> new SearchIndex.Field("title", SearchIndex.Kind.TEXT, 1, false, List.of("a")))
                .hasMessage("only a keyword field can have a vocabulary (value: title)");
        assertThatThrownBy(() -> SearchIndex.Field.facet("dietary", List.of("vegan", "vegan")))
                .hasMessageContaining("must hold distinct, non-blank values");
        assertThatThrownBy(() -> SearchIndex.Field.facet("dietary", List.of("vegan", " ")))
                .hasMessageContaining("must hold distinct, non-blank values");
    }

    @Test
    void anIndexNeedsATextFieldUniqueFieldsAndAGetRoute() {
        SearchIndex.Access access = new SearchIndex.Access("userId", null, null, null);
        assertThatThrownBy(() -> new SearchIndex(
                        "notes",
                        Tables.NOTES,
                        1,
                        "GET /api/notes/search",
                        List.of(SearchIndex.Field.keyword("t")),
                        "l",
                        access))
                .hasMessageContaining("must have a text field");
        assertThatThrownBy(() -> new SearchIndex(
                        "notes",
                        Tables.NOTES,
                        1,
                        "GET /api/notes/search",
                        List.of(SearchIndex.Field.text("t", 1), SearchIndex.Field.keyword("t")),
                        "l",
                        access))
                .hasMessage("fields of search index notes must be unique (value: t)");
        assertThatThrownBy(() -> new SearchIndex(
                        "notes",
                        Tables.NOTES,
                        1,
                        "POST /api/notes/search",
                        List.of(SearchIndex.Field.text("t", 1)),
                        "l",
                        access))
                .hasMessageContaining("must be a GET under /api/");
        assertThatThrownBy(() -> new SearchIndex.Access("userId", null, "visibility", null))
                .hasMessageContaining("must be set together");
    }
}
