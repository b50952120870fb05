package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Search as client developers meet it: two users write recipes through {@code POST /api/recipes}
 * on the recipe archive's local stack, the stream carries them to the index, and {@code GET
 * /api/recipes/search} answers each user only what they may read, forgives typos, marks the words
 * it matched, filters, counts facets and pages with signed cursors, without a gap or a repeat.
 */
@StackBlueprint("recipe-archive")
@Timeout(300)
class RecipeSearchTest extends EndToEnd {
    /** How long the recipes may take to reach the index (as in {@link SearchIndexingTest}). */
    private static final long BOUND_MILLIS = SearchIndexingTest.BOUND_MILLIS;

    @Test
    @SuppressWarnings("unchecked")
    void twoUsersSearchWithTyposFiltersHighlightsAndCursorPagesAndNeverSeeTheOthersPrivateRecipes() throws Exception {
        // A tag only this run's recipes carry keeps other tests' recipes out of every answer.
        String run = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Accounts.Account ada = Accounts.signedIn(stack, api, "Ada");
        Accounts.Account bob = Accounts.signedIn(stack, api, "Bob");
        String greenCurry = create(ada, run, "Green chicken curry", "public", List.of("gluten-free"), 40);
        String dal = create(ada, run, "Lentil dal", "private", List.of("vegan", "gluten-free"), 30);
        String tart = create(ada, run, "Lemon tart", "private", List.of("vegetarian"), 90);
        String soup = create(ada, run, "Chicken noodle soup", "private", List.of(), 50);
        String rendang = create(bob, run, "Beef rendang", "private", List.of("gluten-free"), 60);
        String katsu = create(bob, run, "Chicken katsu curry", "public", List.of(), 45);
        Set<String> adaMayRead = Set.of(greenCurry, dal, tart, soup, katsu);
        Set<String> bobMayRead = Set.of(rendang, katsu, greenCurry);

        awaitTotal(ada, "tags=" + run, adaMayRead.size());
        awaitTotal(bob, "tags=" + run, bobMayRead.size());
        assertThat(ids(search(ada, "tags=" + run))).containsExactlyInAnyOrderElementsOf(adaMayRead);
        assertThat(ids(search(bob, "tags=" + run))).containsExactlyInAnyOrderElementsOf(bobMayRead);

        // Each user's private recipes stay theirs, whatever the words.
        assertThat(ids(search(ada, "tags=" + run + "&q=lentil"))).containsExactly(dal);
        assertThat(ids(search(bob, "tags=" + run + "&q=rendang"))).containsExactly(rendang);
        assertThat(ids(search(bob, "tags=" + run + "&q=lentil"))).isEmpty();
        assertThat(ids(search(ada, "tags=" + run + "&q=rendang"))).isEmpty();
        assertThat(ids(search(bob, "tags=" + run + "&q=" + enc("lemon tart")))).isEmpty();

        // A typo still finds the curries, a title match first, with the matched words marked.
        Map<String, Object> typo = search(ada, "tags=" + run + "&q=" + enc("chiken curry"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) typo.get("items");
        assertThat(ids(typo)).contains(greenCurry, katsu).doesNotContain(rendang, tart);
        assertThat(items.getFirst().get("title").toString()).containsIgnoringCase("curry");
        Map<String, Object> highlights = (Map<String, Object>) items.getFirst().get("highlights");
        assertThat(((List<String>) highlights.get("title")).getFirst()).contains("<em>");
        // Numbers come back as the recipe gave them.
        assertThat(items.stream()
                        .filter(item -> item.get("id").equals(greenCurry))
                        .findFirst()
                        .orElseThrow())
                .containsEntry("totalMinutes", 40);

        // Filters: every dietary value given, a numeric bound, and facets counted over what the user may read.
        assertThat(ids(search(ada, "tags=" + run + "&dietary=vegan,gluten-free")))
                .containsExactly(dal);
        assertThat(ids(search(ada, "tags=" + run + "&maxTotalMinutes=45")))
                .containsExactlyInAnyOrder(greenCurry, dal, katsu);
        Map<String, Object> all = search(ada, "tags=" + run);
        Map<String, Object> facets = (Map<String, Object>) all.get("facets");
        assertThat((List<Map<String, Object>>) facets.get("dietary"))
                .anySatisfy(facet ->
                        assertThat(facet).containsEntry("value", "gluten-free").containsEntry("count", 2));

        // Pages of two cover the five once each; a cursor belongs to its search and its user.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page =
                    search(ada, "tags=" + run + "&limit=2" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            paged.addAll(ids(page));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(paged).hasSize(adaMayRead.size()).doesNotHaveDuplicates();
        assertThat(paged).containsExactlyInAnyOrderElementsOf(adaMayRead);
        assertThat(pages).isEqualTo(3);

        String first = (String) search(ada, "tags=" + run + "&limit=2").get("nextCursor");
        ApiClient.Reply stolen =
                api.get("/api/recipes/search?tags=" + run + "&limit=2&cursor=" + enc(first), bob.accessToken());
        assertThat(stolen.status()).as(stolen.body().toString()).isEqualTo(400);
        assertThat(stolen.errorCode()).isEqualTo("SEARCH_VALIDATION_ERROR");
        ApiClient.Reply otherSearch =
                api.get("/api/recipes/search?tags=" + run + "&q=curry&limit=2&cursor=" + enc(first), ada.accessToken());
        assertThat(otherSearch.status()).isEqualTo(400);
        String forged = first.substring(0, first.length() - 2) + (first.endsWith("A") ? "BB" : "AA");
        ApiClient.Reply tampered =
                api.get("/api/recipes/search?tags=" + run + "&limit=2&cursor=" + enc(forged), ada.accessToken());
        assertThat(tampered.status()).isEqualTo(400);
    }

    @Test
    void badParametersAreFieldErrorsAndNoTokenIsUnauthorized() throws Exception {
        Accounts.Account ada = Accounts.signedIn(stack, api, "Ada");
        for (String query : List.of(
                "limit=0",
                "limit=51",
                "maxTotalMinutes=soon",
                "colour=red",
                "language=de",
                "dietary=vegan,not-a-diet")) {
            ApiClient.Reply reply = api.get("/api/recipes/search?" + query, ada.accessToken());
            assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.errorCode()).as(query).isEqualTo("SEARCH_VALIDATION_ERROR");
        }
        assertThat(api.get("/api/recipes/search?q=curry", null).status()).isEqualTo(401);
    }

    private static String create(
            Accounts.Account user, String run, String title, String visibility, List<String> dietary, int minutes) {
        Map<String, Object> recipe = new HashMap<>();
        recipe.put("title", title);
        recipe.put("ingredients", List.of("salt", "water"));
        recipe.put("tags", List.of(run));
        recipe.put("dietary", dietary);
        recipe.put("totalMinutes", minutes);
        recipe.put("visibility", visibility);
        ApiClient.Reply created = api.post("/api/recipes", recipe, user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private static Map<String, Object> search(Accounts.Account user, String query) {
        ApiClient.Reply reply = api.get("/api/recipes/search?" + query, user.accessToken());
        assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(200);
        return reply.data();
    }

    private static void awaitTotal(Accounts.Account user, String query, int total) throws InterruptedException {
        long begin = System.nanoTime();
        while (((Number) search(user, query).get("total")).intValue() != total) {
            assertThat((System.nanoTime() - begin) / 1_000_000)
                    .as("the index holds the " + total + " recipes within the bound")
                    .isLessThan(BOUND_MILLIS * 2);
            Thread.sleep(50);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> results) {
        return ((List<Map<String, Object>>) results.get("items"))
                .stream().map(item -> (String) item.get("id")).collect(Collectors.toList());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
