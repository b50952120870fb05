package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.cairn.api.search.SearchIndexer;
import dev.cairn.api.search.SearchIndexerHandler;
import dev.cairn.contract.Tables;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The recipe archive's search index follows its table: writes reach the index through DynamoDB
 * Local's stream and the app's indexer within {@value #BOUND_MILLIS} ms, replayed and
 * out-of-order deliveries converge on the newest version, a refused record is reported as the
 * batch's failure, and a reindex swaps the alias while searches keep answering every document.
 */
@StackBlueprint("recipe-archive")
@Timeout(300)
class SearchIndexingTest extends EndToEnd {
    /** How long a write may take to show in the index (stream poll, bulk write, refresh at 1 s). */
    static final long BOUND_MILLIS = 5_000;

    private static final String TABLE = "cairn-local-recipes";
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void creatingUpdatingAndDeletingARecipeIsFollowedByTheIndex() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String recipe = UUID.randomUUID().toString();
        String id = user + ":" + recipe;

        put(user, recipe, 1, "Lemon tart", "public");
        long created = awaitDocument(id, doc -> Long.valueOf(1).equals(number(doc, "version")));
        Map<String, Object> source = source(id);
        assertThat(source)
                .containsEntry("title", "Lemon tart")
                .containsEntry("title_en", "Lemon tart")
                .containsEntry("owner", user)
                .containsEntry("itemId", recipe)
                .containsEntry("public", true)
                .containsEntry("language", "en");

        put(user, recipe, 2, "Lime tart", "private");
        long updated = awaitDocument(id, doc -> Long.valueOf(2).equals(number(doc, "version")));
        assertThat(source(id)).containsEntry("title", "Lime tart").containsEntry("public", false);

        stack.app().getBean(DynamoDbClient.class).deleteItem(r -> r.tableName(TABLE)
                .key(Map.of(
                        "userId",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(user),
                        "recipeId",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(recipe))));
        long deleted = awaitDocument(id, doc -> doc == null);

        System.out.printf(
                "Search index followed the table in %d ms (create), %d ms (update), %d ms (delete)%n",
                created, updated, deleted);
    }

    @Test
    @SuppressWarnings("unchecked")
    void recipesWrittenThroughTheApiAreFoundBySearchWithinTheBound() throws Exception {
        Accounts.Account ada = Accounts.signedIn(stack, api, "Ada");
        Map<String, Object> recipe = new HashMap<>();
        recipe.put("title", "Quindim de coco");
        recipe.put("language", "pt");
        recipe.put("ingredients", List.of("gemas", "coco ralado", "açúcar"));
        recipe.put("tags", List.of("sobremesa"));
        ApiClient.Reply created = api.post("/api/recipes", recipe, ada.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");

        long found = awaitSearch(ada, "quindim", id, true);
        ApiClient.Reply hit = api.get("/api/recipes/search?q=quindim", ada.accessToken());
        Map<String, Object> item = ((List<Map<String, Object>>) hit.data().get("items")).getFirst();
        assertThat(item).containsEntry("id", id).containsEntry("language", "pt").containsEntry("version", 1);

        ApiClient.Reply patched = api.send(
                "PATCH",
                "/api/recipes/" + id,
                Map.of("title", "Pudim de leite"),
                ada.accessToken(),
                Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""));
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        long updated = awaitSearch(ada, "pudim", id, true);
        awaitSearch(ada, "quindim", id, false);

        assertThat(api.delete("/api/recipes/" + id, ada.accessToken()).status()).isEqualTo(204);
        long deleted = awaitSearch(ada, "pudim", id, false);

        System.out.printf(
                "Search through the API followed the table in %d ms (create), %d ms (update), %d ms (delete)%n",
                found, updated, deleted);
    }

    /** Searches as {@code user} until {@code id} is among the hits ({@code present}) or not; answers how long. */
    @SuppressWarnings("unchecked")
    private static long awaitSearch(Accounts.Account user, String q, String id, boolean present)
            throws InterruptedException {
        long begin = System.nanoTime();
        while (true) {
            ApiClient.Reply reply = api.get("/api/recipes/search?q=" + q, user.accessToken());
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
            boolean hit = ((List<Map<String, Object>>) reply.data().get("items"))
                    .stream().anyMatch(item -> id.equals(item.get("id")));
            long elapsed = (System.nanoTime() - begin) / 1_000_000;
            if (hit == present) {
                return elapsed;
            }
            assertThat(elapsed)
                    .as("search for " + q + " " + (present ? "finds " : "no longer finds ") + id + " within the bound")
                    .isLessThan(BOUND_MILLIS);
            Thread.sleep(50);
        }
    }

    @Test
    void replayedAndOutOfOrderRecordsConvergeOnTheNewestVersion() throws Exception {
        SearchIndexer indexer = stack.app().getBean(SearchIndexer.class);
        String user = "user-" + UUID.randomUUID();
        String recipe = UUID.randomUUID().toString();
        String id = user + ":" + recipe;
        DynamodbEvent.DynamodbStreamRecord v1 = record("INSERT", "1", null, image(user, recipe, 1, "Pão de queijo"));
        DynamodbEvent.DynamodbStreamRecord v2 =
                record("MODIFY", "2", image(user, recipe, 1, "Pão de queijo"), image(user, recipe, 2, "Pão doce"));
        DynamodbEvent.DynamodbStreamRecord v3 =
                record("MODIFY", "3", image(user, recipe, 2, "Pão doce"), image(user, recipe, 3, "Pão de ló"));

        // Newest first, then the older ones, then everything again: the newest stays.
        assertThat(indexer.index(List.of(v3))).isEmpty();
        assertThat(indexer.index(List.of(v1, v2))).isEmpty();
        assertThat(indexer.index(List.of(v1, v2, v3, v3, v1))).isEmpty();
        refresh();
        assertThat(source(id)).containsEntry("title", "Pão de ló");
        assertThat(number(source(id), "version")).isEqualTo(3L);

        // A delete (old image version 3: deleted at 4) then the older writes replayed: it stays deleted.
        DynamodbEvent.DynamodbStreamRecord removed = record("REMOVE", "4", image(user, recipe, 3, "Pão de ló"), null);
        assertThat(indexer.index(List.of(removed))).isEmpty();
        assertThat(indexer.index(List.of(v2, v3, removed))).isEmpty();
        refresh();
        assertThat(source(id)).isNull();
    }

    @Test
    void aRecordTheIndexerCannotApplyIsReportedAsTheEarliestFailureAndTheOthersAreApplied() throws Exception {
        SearchIndexerHandler handler = new SearchIndexerHandler(stack.app().getBean(SearchIndexer.class));
        String user = "user-" + UUID.randomUUID();
        List<String> recipes = List.of(uuid(), uuid(), uuid(), uuid());
        Map<String, AttributeValue> refused = image(user, recipes.get(1), 1, "Refused");
        // Not a date: the engine refuses the document (its mapping is strict about createdAt).
        refused.put("createdAt", new AttributeValue().withS("yesterday"));
        Map<String, AttributeValue> versionless = image(user, recipes.get(2), 1, "No version");
        versionless.remove("version");
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(
                record("INSERT", "101", null, image(user, recipes.get(0), 1, "First")),
                record("INSERT", "102", null, refused),
                record("INSERT", "103", null, versionless),
                record("INSERT", "104", null, image(user, recipes.get(3), 1, "Fourth"))));

        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("102");
        refresh();
        assertThat(source(user + ":" + recipes.get(0))).containsEntry("title", "First");
        assertThat(source(user + ":" + recipes.get(3))).containsEntry("title", "Fourth");
        assertThat(source(user + ":" + recipes.get(1))).isNull();
        assertThat(source(user + ":" + recipes.get(2))).isNull();

        // Only the versionless one left: it alone is reported.
        event.setRecords(List.of(event.getRecords().get(2), event.getRecords().get(3)));
        assertThat(handler.handleRequest(event, null).getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("103");
    }

    @Test
    void aReindexSwapsTheAliasWhileSearchesKeepAnsweringEveryDocument() throws Exception {
        String user = "user-" + UUID.randomUUID();
        int count = 120;
        for (int i = 0; i < count; i++) {
            put(user, uuid(), 1, "Reindexed soup " + i, "private");
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (ownedBy(user) < count) {
            assertThat(System.currentTimeMillis())
                    .as("the recipes indexed in time")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
        String before = aliasTarget("recipes");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Thread searcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                try {
                    long found = ownedBy(user);
                    if (found != count) {
                        problems.add("found " + found + " of " + count);
                    }
                    searches.incrementAndGet();
                } catch (Exception | AssertionError e) {
                    problems.add(e.toString());
                }
            }
        });
        String after;
        try {
            // While the reindex runs the stream keeps writing: a new recipe lands in both indices.
            HttpResponse<String> reindexed = http.send(
                    HttpRequest.newBuilder(stack.baseUrl().resolve("/_local/search/reindex?index=recipes"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reindexed.statusCode()).as(reindexed.body()).isEqualTo(200);
            Map<String, Object> answer = json(reindexed.body());
            after = (String) answer.get("current");
            assertThat(answer.get("deleted")).isEqualTo(before);
            assertThat(((Number) answer.get("documents")).longValue()).isGreaterThanOrEqualTo(count);
            Thread.sleep(300);
        } finally {
            running.set(false);
            searcher.join();
        }

        assertThat(problems).isEmpty();
        assertThat(searches.get()).isGreaterThan(3);
        assertThat(after).startsWith("recipes-v1-").isNotEqualTo(before);
        assertThat(aliasTarget("recipes")).isEqualTo(after);
        assertThat(aliasTarget("recipes-next")).isNull();
        assertThat(send("GET", "/" + before, null).statusCode()).isEqualTo(404);
        assertThat(ownedBy(user)).isEqualTo(count);

        // The indexer writes to the new index once the alias moved.
        String late = uuid();
        put(user, late, 1, "After the swap", "private");
        awaitDocument(user + ":" + late, doc -> doc != null);

        // A reindex while another is under way is refused.
        send("PUT", "/recipes-v1-1", "{\"aliases\": {\"recipes-next\": {}}}");
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(stack.baseUrl().resolve("/_local/search/reindex?index=recipes"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        send("DELETE", "/recipes-v1-1", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("under way");
    }

    private long ownedBy(String user) throws IOException, InterruptedException {
        HttpResponse<String> reply =
                send("POST", "/recipes/_count", "{\"query\": {\"term\": {\"owner\": \"" + user + "\"}}}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return ((Number) json(reply.body()).get("count")).longValue();
    }

    @SuppressWarnings("unchecked")
    private String aliasTarget(String alias) throws IOException, InterruptedException {
        HttpResponse<String> reply = send("GET", "/_alias/" + alias, null);
        if (reply.statusCode() == 404) {
            return null;
        }
        Map<String, Object> indices = json(reply.body());
        assertThat(indices).hasSize(1);
        return indices.keySet().iterator().next();
    }

    /** Waits for the document to satisfy {@code done}; answers how long it took. */
    private long awaitDocument(String id, java.util.function.Predicate<Map<String, Object>> done)
            throws IOException, InterruptedException {
        long begin = System.nanoTime();
        while (!done.test(source(id))) {
            long elapsed = (System.nanoTime() - begin) / 1_000_000;
            assertThat(elapsed)
                    .as("the index followed " + id + " within the bound")
                    .isLessThan(BOUND_MILLIS);
            Thread.sleep(25);
        }
        return (System.nanoTime() - begin) / 1_000_000;
    }

    /** The document's source through the alias (real-time get: no refresh needed), or null. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> source(String id) throws IOException, InterruptedException {
        HttpResponse<String> reply = send("GET", "/recipes/_doc/" + id, null);
        if (reply.statusCode() == 404) {
            return null;
        }
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return (Map<String, Object>) json(reply.body()).get("_source");
    }

    private static Long number(Map<String, Object> source, String field) {
        return source == null || source.get(field) == null ? null : ((Number) source.get(field)).longValue();
    }

    private void refresh() throws IOException, InterruptedException {
        send("POST", "/recipes/_refresh", null);
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.searchEndpoint() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws IOException {
        return stack.app().getBean(JsonMapper.class).readValue(body, Map.class);
    }

    /** Writes a recipe item as the collection engine stores it, straight into DynamoDB Local. */
    private static void put(String user, String recipe, long version, String title, String visibility) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new HashMap<>();
        item.put("userId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(user));
        item.put("recipeId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(recipe));
        item.put("title", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(title));
        item.put("visibility", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(visibility));
        item.put(
                "version", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Long.toString(version)));
        String now = Instant.now().toString();
        item.put("createdAt", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(now));
        item.put("updatedAt", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(now));
        stack.app().getBean(DynamoDbClient.class).putItem(r -> r.tableName(TABLE)
                .item(item));
    }

    /** A recipe as a stream image (the Lambda events library's attributes). */
    private static Map<String, AttributeValue> image(String user, String recipe, long version, String title) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("userId", new AttributeValue().withS(user));
        image.put("recipeId", new AttributeValue().withS(recipe));
        image.put("title", new AttributeValue().withS(title));
        image.put("language", new AttributeValue().withS("pt"));
        image.put("version", new AttributeValue().withN(Long.toString(version)));
        image.put("createdAt", new AttributeValue().withS("2026-01-02T03:04:05Z"));
        image.put("updatedAt", new AttributeValue().withS("2026-01-02T03:04:05Z"));
        return image;
    }

    private static DynamodbEvent.DynamodbStreamRecord record(
            String name, String sequence, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> image = newImage != null ? newImage : oldImage;
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(UUID.randomUUID().toString());
        record.setEventName(name);
        record.setEventSource("aws:dynamodb");
        record.setEventSourceARN("arn:aws:dynamodb:us-east-1:000000000000:table/" + TABLE + "/stream/test");
        StreamRecord change = new StreamRecord();
        change.setSequenceNumber(sequence);
        change.setKeys(Map.of("userId", image.get("userId"), "recipeId", image.get("recipeId")));
        change.setOldImage(oldImage);
        change.setNewImage(newImage);
        record.setDynamodb(change);
        return record;
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    static {
        // The table's name in the contract, as the local stack names it.
        assertThat(TABLE).endsWith(Tables.RECIPES.name());
    }
}
