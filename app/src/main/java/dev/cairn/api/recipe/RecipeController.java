package dev.cairn.api.recipe;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionController;
import dev.cairn.api.collection.CollectionResource;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.ImageRef;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.search.SearchResults;
import dev.cairn.api.search.SearchService;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Tables;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.openapi.annotation.OpenAPIExtraSchema;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 000's recipe routes: the collection's, and full-text search ({@code GET
 * /api/recipes/search}) over the caller's recipes, the ones shared with them and the public ones,
 * with typos forgiven, highlights, dietary and tag filters, facet counts and cursor pages.
 */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(name = "Recipes", description = "The caller's recipes, and search over every recipe they may read (seed 000).")
@CollectionResource(
        singular = "Recipe",
        plural = "Recipes",
        declaredBy = Recipes.class,
        view = RecipeController.View.class)
@OpenAPIExtraSchema(classes = {Recipe.class, RecipeController.View.class, ImageRef.class})
@Controller("/api/recipes")
@ErrorResource("recipe")
@ServedBy(Feature.RECIPES)
class RecipeController extends CollectionController<Recipe> {

    private final SearchService search;

    RecipeController(CollectionService<Recipe> recipes, SearchService search) {
        super(recipes);
        this.search = search;
    }

    /** Searches the recipes the caller may read: their own, those shared with them, the public ones. */
    @Operation(operationId = "searchRecipes")
    @Get("/search")
    ApiResponse<SearchResults> search(AuthenticatedUser user, HttpRequest<?> request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> parameters.put(name, List.copyOf(values)));
        return ApiResponse.ok(search.search(Tables.RECIPE_SEARCH, user.userId(), parameters));
    }

    /** What a recipe shows besides its fields: the users it is shared with, managed by the server. */
    @Serdeable
    record View(@Nullable List<String> sharedWith) {}
}
