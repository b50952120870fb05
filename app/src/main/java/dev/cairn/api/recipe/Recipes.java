package dev.cairn.api.recipe;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.CollectionServices;
import dev.cairn.api.collection.ItemHooks;
import dev.cairn.api.collection.OwnedCollection;
import dev.cairn.api.collection.OwnedCollection.ListFilter;
import dev.cairn.api.http.ApiError;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Tables;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seed 000's recipes table and the recipe collection declared on it. */
@Factory
@ServedBy(Feature.RECIPES)
public class Recipes {
    /** The dietary restrictions a recipe may name: a closed list, so filters and counts agree. */
    public static final List<String> DIETARY = Tables.DIETARY;

    /** The users a recipe is shared with: written by the server only. */
    static final String SHARED_WITH = Tables.RECIPE_SEARCH.access().readersAttribute();

    static final OwnedCollection<Recipe> COLLECTION = OwnedCollection.of(
                    "recipe", "Recipe", Recipe.class, Tables.RECIPES)
            .filter(ListFilter.equalTo("visibility"))
            .filter(ListFilter.equalTo("language"))
            .filter(ListFilter.equalTo("cuisine"))
            .filter(ListFilter.contains("tag", "tags"))
            .filter(ListFilter.contains("diet", "dietary"))
            .filter(ListFilter.atMost("maxTotalMinutes", "totalMinutes"))
            .images("images")
            .managed(SHARED_WITH)
            .check(Recipes::check)
            .build();

    @Singleton
    CollectionService<Recipe> recipes(CollectionServices services) {
        return services.serve(COLLECTION, new Defaults());
    }

    static List<ApiError.FieldError> check(Recipe recipe) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        if (recipe.dietary() != null) {
            for (int i = 0; i < recipe.dietary().size(); i++) {
                String value = recipe.dietary().get(i);
                if (value != null && !value.isBlank() && !DIETARY.contains(value)) {
                    problems.add(new ApiError.FieldError("dietary[" + i + "]", "must be one of " + DIETARY));
                }
            }
            if (recipe.dietary().stream().distinct().count() < recipe.dietary().size()) {
                problems.add(new ApiError.FieldError("dietary", "must not repeat a value"));
            }
        }
        return problems;
    }

    /** A recipe shows {@code visibility} {@code private} when it names none. */
    private static final class Defaults implements ItemHooks {
        @Override
        public JsonNode view(JsonNode view) {
            if (!view.isObject() || view.get("visibility") != null) {
                return view;
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            view.entries().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
            fields.put("visibility", JsonNode.createStringNode("private"));
            return JsonNode.createObjectNode(fields);
        }
    }
}
