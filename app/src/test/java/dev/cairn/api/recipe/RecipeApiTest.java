package dev.cairn.api.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.HandlerFixture;
import dev.cairn.api.LocalDynamoDb;
import dev.cairn.api.auth.TokenIssuer;
import dev.cairn.api.data.Cursors;
import dev.cairn.contract.Blueprints;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The recipe archive's recipes through the real Lambda handler, on DynamoDB Local: the collection's
 * routes, their bounds, and the search route's checks, which answer before the engine is asked.
 * The engine here is an address nobody listens on, so a search that gets that far is 503.
 */
class RecipeApiTest {
    private static LocalDynamoDb dynamoDb;
    private static TokenIssuer issuer;
    private static HandlerFixture api;
    private static JsonMapper json;
    private static String ada;
    private static String bob;

    @BeforeAll
    static void start() throws Exception {
        dynamoDb = new LocalDynamoDb();
        issuer = new TokenIssuer();
        Map<String, Object> properties = new HashMap<>(dynamoDb.create(Blueprints.RECIPE_ARCHIVE.allTables()));
        properties.put("cairn.blueprint", Blueprints.RECIPE_ARCHIVE.name());
        properties.put("cairn.auth.issuer", issuer.issuer());
        properties.put("cairn.media.bucket", "media");
        properties.put("cairn.media.base-url", "https://cdn.example/media");
        properties.put("cairn.signing.secret", "a-signing-secret-of-at-least-thirty-two-chars");
        properties.put("cairn.search.endpoint", "http://127.0.0.1:9");
        api = new HandlerFixture(properties);
        json = api.context().getBean(JsonMapper.class);
        ada = issuer.accessToken("ada-" + System.nanoTime());
        bob = issuer.accessToken("bob-" + System.nanoTime());
    }

    @AfterAll
    static void stop() throws IOException {
        api.close();
        issuer.close();
        dynamoDb.close();
    }

    @Test
    void aRecipeIsCreatedReadChangedAndDeleted() {
        APIGatewayV2HTTPResponse created = send("POST", "/api/recipes", recipe("Lemon tart", "en"), ada);

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        Map<String, Object> item = data(created);
        String id = (String) item.get("id");
        assertThat(item)
                .containsEntry("recipeId", id)
                .containsEntry("title", "Lemon tart")
                .containsEntry("dietary", List.of("vegetarian"))
                .containsEntry("visibility", "private")
                .containsEntry("version", 1)
                .doesNotContainKeys("userId", "sharedWith");

        APIGatewayV2HTTPResponse read = send("GET", "/api/recipes/" + id, null, ada);
        assertThat(data(read)).isEqualTo(item);
        assertThat(send("GET", "/api/recipes/" + id, null, bob).getStatusCode()).isEqualTo(404);

        APIGatewayV2HTTPResponse patched = send("PATCH", "/api/recipes/" + id, Map.of("visibility", "public"), ada);
        assertThat(patched.getStatusCode()).as(patched.getBody()).isEqualTo(200);
        assertThat(data(patched)).containsEntry("visibility", "public").containsEntry("version", 2);

        assertThat(send("DELETE", "/api/recipes/" + id, null, ada).getStatusCode())
                .isEqualTo(204);
        APIGatewayV2HTTPResponse gone = send("GET", "/api/recipes/" + id, null, ada);
        assertThat(gone.getStatusCode()).isEqualTo(404);
        assertThat(gone.getBody()).contains("RECIPE_NOT_FOUND");
    }

    @Test
    void whoARecipeIsSharedWithIsTheServersToWrite() {
        Map<String, Object> shared = recipe("Pão de queijo", "pt");
        shared.put("sharedWith", List.of("mallory"));

        APIGatewayV2HTTPResponse created = send("POST", "/api/recipes", shared, ada);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(data(created)).doesNotContainKey("sharedWith");
    }

    @Test
    void badRecipesAreRefusedFieldByField() {
        Map<String, Object> bad = recipe("", "de");
        bad.put("dietary", List.of("vegan", "carnivore"));
        bad.put("visibility", "friends");
        bad.put("totalMinutes", -5);
        bad.put("servings", 0);
        bad.put("ingredients", java.util.Collections.nCopies(101, "salt"));
        bad.put("tags", List.of("x".repeat(51)));

        APIGatewayV2HTTPResponse refused = send("POST", "/api/recipes", bad, ada);

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(error(refused)).containsEntry("code", "RECIPE_VALIDATION_ERROR");
        assertThat(fields(refused))
                .contains("title", "language", "visibility", "totalMinutes", "servings", "ingredients")
                .anyMatch(field -> field.startsWith("tags"));

        Map<String, Object> unknownDiet = recipe("Soup", "en");
        unknownDiet.put("dietary", List.of("vegan", "carnivore"));
        APIGatewayV2HTTPResponse diet = send("POST", "/api/recipes", unknownDiet, ada);
        assertThat(diet.getStatusCode()).isEqualTo(400);
        assertThat(fields(diet)).containsExactly("dietary[1]");
        assertThat(diet.getBody()).contains("must be one of [vegetarian, vegan, gluten-free");
    }

    @Test
    void listsFilterByVisibilityAndDiet() {
        String caller = token("carol");
        Map<String, Object> open = recipe("Gazpacho", "es");
        open.put("visibility", "public");
        open.put("dietary", List.of("vegan"));
        String publicId =
                (String) data(send("POST", "/api/recipes", open, caller)).get("id");
        String privateId = (String) data(send("POST", "/api/recipes", recipe("Ratatouille", "fr"), caller))
                .get("id");

        assertThat(ids(send("GET", "/api/recipes?visibility=public", null, caller)))
                .containsExactly(publicId);
        assertThat(ids(send("GET", "/api/recipes?diet=vegan", null, caller))).containsExactly(publicId);
        assertThat(ids(send("GET", "/api/recipes", null, caller))).containsExactly(privateId, publicId);
    }

    @Test
    void searchIsItsOwnRouteNotARecipeIdAndSaysWhenTheEngineIsDown() {
        APIGatewayV2HTTPResponse search = send("GET", "/api/recipes/search?q=lemon", null, ada);

        assertThat(search.getStatusCode()).as(search.getBody()).isEqualTo(503);
        assertThat(error(search)).containsEntry("code", "SEARCH_UNAVAILABLE");
        assertThat((String) error(search).get("message")).contains("search engine cannot be reached");
        assertThat(send("GET", "/api/recipes/search", null, null).getStatusCode())
                .isEqualTo(401);
        // Every language of the blueprint is a valid filter: the check passes, the engine is asked.
        for (String language : List.of("en", "pt", "fr", "es")) {
            APIGatewayV2HTTPResponse filtered = send("GET", "/api/recipes/search?language=" + language, null, ada);
            assertThat(filtered.getStatusCode()).as(filtered.getBody()).isEqualTo(503);
        }
    }

    @Test
    void badSearchParametersAreRefusedBeforeTheEngineIsAsked() {
        APIGatewayV2HTTPResponse refused =
                send("GET", "/api/recipes/search?limit=0&language=de&minTotalMinutes=soon&colour=red", null, ada);

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(400);
        assertThat(error(refused)).containsEntry("code", "SEARCH_VALIDATION_ERROR");
        assertThat(fields(refused)).containsExactlyInAnyOrder("limit", "language", "minTotalMinutes", "colour");
    }

    @Test
    void aCursorChangedByHandOrFromAnotherSearchIsRefused() {
        Cursors cursors = api.context().getBean(Cursors.class);
        String foreign =
                cursors.encode("search\nrecipes\nsomeone-else\nq=soup", Map.of("d0", AttributeValue.fromN("1.5")));
        String tampered =
                foreign.substring(0, foreign.indexOf('.') - 2) + "AA" + foreign.substring(foreign.indexOf('.'));

        for (String cursor : List.of(foreign, tampered, "not-a-cursor")) {
            APIGatewayV2HTTPResponse refused = send("GET", "/api/recipes/search?q=soup&cursor=" + cursor, null, ada);
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(400);
            assertThat(error(refused)).containsEntry("code", "SEARCH_VALIDATION_ERROR");
            assertThat(fields(refused)).containsExactly("cursor");
        }
    }

    private static Map<String, Object> recipe(String title, String language) {
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("title", title);
        recipe.put("description", "A " + title.toLowerCase() + " worth sharing");
        recipe.put("ingredients", List.of("2 lemons", "100 g sugar"));
        recipe.put("steps", List.of("Mix.", "Bake."));
        recipe.put("tags", List.of("dessert"));
        recipe.put("dietary", List.of("vegetarian"));
        recipe.put("cuisine", "french");
        recipe.put("totalMinutes", 45);
        recipe.put("servings", 6);
        recipe.put("language", language);
        return recipe;
    }

    private static String token(String name) {
        try {
            return issuer.accessToken(name + "-" + System.nanoTime());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static APIGatewayV2HTTPResponse send(String method, String target, Object body, String token) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Map<String, String> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                query.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        try {
            return api.send(method, path, query, body == null ? null : json.writeValueAsString(body), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(APIGatewayV2HTTPResponse response) {
        try {
            return json.readValue(response.getBody(), Map.class);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(APIGatewayV2HTTPResponse response) {
        return (Map<String, Object>) body(response).get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(APIGatewayV2HTTPResponse response) {
        return (Map<String, Object>) body(response).get("error");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(APIGatewayV2HTTPResponse response) {
        List<String> fields = new ArrayList<>();
        Object details = error(response).get("details");
        if (details instanceof List<?> list) {
            list.forEach(detail -> fields.add((String) ((Map<String, Object>) detail).get("field")));
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        ((List<Map<String, Object>>) data(response).get("items")).forEach(item -> ids.add((String) item.get("id")));
        return ids;
    }
}
