package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Tables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SearchDocumentsTest {
    private final SearchDocuments documents = new SearchDocuments(Tables.RECIPE_SEARCH, Blueprints.RECIPE_ARCHIVE);

    static Map<String, AttributeValue> recipe() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", AttributeValue.fromS("user-1"));
        item.put("recipeId", AttributeValue.fromS("recipe-1"));
        item.put("title", AttributeValue.fromS("Tarte au citron"));
        item.put("description", AttributeValue.fromS("Une tarte acidulée"));
        item.put(
                "ingredients",
                AttributeValue.fromL(List.of(AttributeValue.fromS("citrons"), AttributeValue.fromS("beurre"))));
        item.put("steps", AttributeValue.fromL(List.of(AttributeValue.fromS("Cuire la pâte"))));
        item.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("dessert"))));
        item.put("dietary", AttributeValue.fromSs(List.of("vegetarian")));
        item.put("cuisine", AttributeValue.fromS("french"));
        item.put("totalMinutes", AttributeValue.fromN("75"));
        item.put("servings", AttributeValue.fromN("8"));
        item.put("language", AttributeValue.fromS("fr"));
        item.put("visibility", AttributeValue.fromS("public"));
        item.put("sharedWith", AttributeValue.fromSs(List.of("user-2", "user-3")));
        item.put("version", AttributeValue.fromN("3"));
        item.put("createdAt", AttributeValue.fromS("2026-01-02T03:04:05Z"));
        item.put("updatedAt", AttributeValue.fromS("2026-01-03T03:04:05Z"));
        item.put("images", AttributeValue.fromL(List.of(AttributeValue.fromS("image-1"))));
        item.put("secretNote", AttributeValue.fromS("not for the index"));
        return item;
    }

    @Test
    void aRecipeBecomesItsDocumentWithTheDeclaredAndReservedFieldsOnly() {
        SearchDocuments.Document document = documents.document(recipe());

        assertThat(document.id()).isEqualTo("user-1:recipe-1");
        assertThat(document.version()).isEqualTo(3);
        Map<String, Object> source = document.source();
        assertThat(source)
                .containsEntry("title", "Tarte au citron")
                .containsEntry("title_fr", "Tarte au citron")
                .containsEntry("ingredients", List.of("citrons", "beurre"))
                .containsEntry("ingredients_fr", List.of("citrons", "beurre"))
                .containsEntry("steps_fr", List.of("Cuire la pâte"))
                .containsEntry("tags", List.of("dessert"))
                .containsEntry("dietary", List.of("vegetarian"))
                .containsEntry("cuisine", "french")
                .containsEntry("totalMinutes", 75L)
                .containsEntry("servings", 8L)
                .containsEntry("itemId", "recipe-1")
                .containsEntry("owner", "user-1")
                .containsEntry("readers", List.of("user-2", "user-3"))
                .containsEntry("public", true)
                .containsEntry("version", 3L)
                .containsEntry("language", "fr")
                .containsEntry("createdAt", "2026-01-02T03:04:05Z")
                .containsEntry("updatedAt", "2026-01-03T03:04:05Z");
        assertThat(source).doesNotContainKeys("title_en", "title_pt", "images", "secretNote", "userId", "visibility");
        // Every key is a field the mapping declares (the mapping is strict).
        String mapping = SearchMappings.json(Tables.RECIPE_SEARCH, Blueprints.RECIPE_ARCHIVE);
        assertThat(source.keySet()).allSatisfy(key -> assertThat(mapping).contains("\"" + key + "\": {"));
    }

    @Test
    void aPrivateUnsharedRecipeWithoutLanguageIsInTheFirstLanguage() {
        Map<String, AttributeValue> item = recipe();
        item.remove("language");
        item.remove("sharedWith");
        item.put("visibility", AttributeValue.fromS("private"));

        Map<String, Object> source = documents.document(item).source();

        assertThat(source).containsEntry("language", "en").containsEntry("title_en", "Tarte au citron");
        assertThat(source).containsEntry("public", false).containsEntry("readers", List.of());
    }

    @Test
    void aLanguageTheBlueprintDoesNotSearchFallsBackToTheFirst() {
        Map<String, AttributeValue> item = recipe();
        item.put("language", AttributeValue.fromS("de"));
        SearchDocuments twoLanguages = new SearchDocuments(
                Tables.RECIPE_SEARCH, List.of(dev.cairn.contract.Language.EN, dev.cairn.contract.Language.PT));
        item.put("language", AttributeValue.fromS("fr"));

        assertThat(twoLanguages.document(item).source()).containsEntry("language", "en");
        item.put("language", AttributeValue.fromS("PT"));
        assertThat(twoLanguages.document(item).source()).containsEntry("language", "pt");
    }

    @Test
    void missingAttributesAreLeftOut() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", AttributeValue.fromS("user-1"));
        item.put("recipeId", AttributeValue.fromS("recipe-2"));
        item.put("title", AttributeValue.fromS("Bread"));
        item.put("version", AttributeValue.fromN("1"));

        Map<String, Object> source = documents.document(item).source();

        assertThat(source)
                .containsOnlyKeys("title", "title_en", "itemId", "owner", "readers", "public", "version", "language");
    }

    @Test
    void anItemWithoutVersionIsRefusedNamingIt() {
        Map<String, AttributeValue> item = recipe();
        item.remove("version");

        assertThatThrownBy(() -> documents.document(item))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user-1:recipe-1")
                .hasMessageContaining("version");
        item.put("version", AttributeValue.fromN("0"));
        assertThatThrownBy(() -> documents.document(item)).hasMessageContaining("from 1");
    }

    @Test
    void anItemWithoutItsKeyIsRefused() {
        Map<String, AttributeValue> item = recipe();
        item.remove("recipeId");

        assertThatThrownBy(() -> documents.document(item))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipeId");
    }

    @Test
    void numbersKeepTheFormTheItemGaveThem() {
        assertThat(SearchDocuments.number("50")).isEqualTo(50L);
        assertThat(SearchDocuments.number("50.0")).isEqualTo(50L);
        assertThat(SearchDocuments.number("0")).isEqualTo(0L);
        assertThat(SearchDocuments.number("45.5")).isEqualTo(45.5);
        assertThat(SearchDocuments.number("-3")).isEqualTo(-3L);
        assertThat(SearchDocuments.number("1E+30")).isEqualTo(1e30);
    }
}
