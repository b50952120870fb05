package dev.cairn.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.search.SearchParameters;
import dev.cairn.api.search.SearchQueries;
import dev.cairn.api.search.SearchQuery;
import dev.cairn.api.search.SearchReindex;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Language;
import dev.cairn.contract.SearchIndex;
import dev.cairn.contract.Tables;
import dev.cairn.local.SearchNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * The warm search request beside the bare engine call it wraps, as {@link HotPathBenchmarks} does
 * for the guitar collection's requests: {@code GET /api/recipes/search?q=...} through the recipe
 * archive's handler, and the opensearch-java search that handler makes (the request {@link
 * SearchQueries} builds for the same words and caller) on the same client. The index holds the
 * first {@value #RECIPES} recipes of the relevance benchmark's corpus, all the user's, written from
 * the table by the app's own reindex. Two backends, as for the other pairs: {@code dynamodb-local}
 * (DynamoDB Local and a real search node, {@link SearchNode}, both with their own time and noise in
 * both columns) and {@code in-memory} (one real call of each kind kept by the {@link
 * ReplayingHttpClient}, every later one answered from memory and the node stopped, so the
 * difference is Cairn's own CPU).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotSearchBenchmarks {
    /** The repository root, where the search node is built ({@code scripts/bench} passes it). */
    static final String REPO_PROPERTY = "cairn.bench.repo";

    /** Recipes in the index: enough that the words below match far more than a page. */
    static final int RECIPES = 200;
    /** Words that match more than a page: the answer has 20 items, highlights, facet counts and a cursor. */
    static final String WORDS = "chicken curry";

    private static final SearchIndex INDEX = Tables.RECIPE_SEARCH;
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private SearchNode node;
    private BenchApp app;
    private OpenSearchClient openSearch;
    private List<Language> languages;
    private SearchQuery query;
    private APIGatewayV2HTTPEvent searchEvent;

    @Param({"dynamodb-local", "in-memory"})
    public String backend;

    @Setup(Level.Trial)
    public void start() throws IOException {
        node = SearchNode.start(Path.of(System.getProperty(REPO_PROPERTY, ".")).toAbsolutePath(), null);
        try {
            prepare(backend.equals("in-memory"));
        } catch (IOException | RuntimeException e) {
            // The node is a process of its own: it must not outlive a failed fork.
            stop();
            throw e;
        }
    }

    private void prepare(boolean inMemory) throws IOException {
        app = new BenchApp(
                RelevanceBench.BLUEPRINT,
                Map.of("cairn.search.endpoint", node.endpoint().toString()),
                inMemory);
        ApplicationContext context = app.handler.getApplicationContext();
        openSearch = context.getBean(OpenSearchClient.class);
        languages = Blueprints.named(RelevanceBench.BLUEPRINT).searchLanguages();
        for (RecipeCorpus.Recipe recipe : RecipeCorpus.generate().subList(0, RECIPES)) {
            APIGatewayV2HTTPResponse created = app.send("POST", "/api/recipes", null, Json.write(recipe.body()));
            if (created.getStatusCode() != 201) {
                throw new IllegalStateException("Seeding failed: " + created.getStatusCode() + " " + created.getBody());
            }
        }
        // No stream feeds the index here: the reindex the local stack runs on request writes it.
        SearchReindex reindex = context.getBean(SearchReindex.class);
        reindex.begin(INDEX.name());
        reindex.segment(INDEX.name(), 0, 1, null, () -> Long.MAX_VALUE);
        reindex.finish(INDEX.name());

        // The search the route reads from its parameters, so the bare call sends the same body.
        query = SearchParameters.parse(INDEX, languages, Map.of(SearchParameters.TEXT, List.of(WORDS)))
                .query();
        searchEvent = Events.request(
                "GET",
                "/api/recipes/search",
                SearchParameters.TEXT + "=" + URLEncoder.encode(WORDS, StandardCharsets.UTF_8),
                null,
                app.token,
                null);
        // One real call of each kind (kept when in memory).
        expectFullPages();
        if (inMemory) {
            app.replayFromMemory();
            // Nothing reaches the node any more: it stops, so that it costs the measurement nothing.
            node.close();
            node = null;
            expectFullPages();
        }
    }

    /**
     * Both calls run the same search and find more than a page: the same total, 20 items and a
     * cursor for the route, 21 hits for the bare call.
     */
    private void expectFullPages() throws IOException {
        APIGatewayV2HTTPResponse page = search();
        SearchResponse<JsonObject> bare = searchSdk();
        Matcher total = TOTAL.matcher(page.getBody());
        if (page.getStatusCode() != 200
                || !page.getBody().contains("\"nextCursor\":\"")
                || !total.find()
                || Long.parseLong(total.group(1)) != bare.hits().total().value()) {
            throw new IllegalStateException("The search answered " + page.getStatusCode() + ", not a first page of the "
                    + bare.hits().total().value() + " hits of the bare call: " + page.getBody());
        }
        if (bare.hits().hits().size() != query.limit() + 1) {
            throw new IllegalStateException(
                    "The bare search found " + bare.hits().hits().size() + " hits; expected a page and one more");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (app != null) {
            app.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Benchmark
    public APIGatewayV2HTTPResponse search() {
        return app.handler.handleRequest(searchEvent, new MockLambdaContext());
    }

    /**
     * The engine call the route makes, its request built as the route builds it (access filter,
     * the words over every text field and language, sort, highlights, facets), and the answer's
     * documents read as {@code jakarta.json} objects, as the route reads them.
     */
    @Benchmark
    public SearchResponse<JsonObject> searchSdk() throws IOException {
        return openSearch.search(SearchQueries.request(INDEX, languages, query, app.sub), JsonObject.class);
    }
}
