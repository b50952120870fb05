package dev.cairn.bench;

import dev.cairn.bench.RecipeCorpus.Recipe;
import dev.cairn.bench.RelevanceJudgements.Query;
import dev.cairn.local.LocalCairn;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Search relevance and search latency on the local stack of the recipe archive: three users sign
 * up, the corpus ({@link RecipeCorpus}) is created through {@code POST /api/recipes} as each recipe's
 * owner, and once the index holds every recipe the searcher may read, each judged query
 * ({@link RelevanceJudgements}) runs through {@code GET /api/recipes/search} as the searcher.
 * Reported: precision@5 and nDCG@10 overall and per subset (typo, filter, language), the lowest
 * queries, any result the searcher may not read (a leak), and the latency of a search beside a get
 * by id ({@code GET /api/recipes/{id}}, one GetItem) in the same run, one request at a time.
 */
final class RelevanceBench {
    static final String BLUEPRINT = "recipe-archive";
    private static final String PASSWORD = "Correct-Horse-9";
    private static final Duration INDEX_WAIT = Duration.ofMinutes(3);

    private final Path repo;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private JsonMapper json;
    private String api;

    RelevanceBench(Path repo) {
        this.repo = repo;
    }

    /**
     * @param latencyRounds searches and gets by id timed after the judged queries
     * @param reindex fill the index with the local stack's reindex ({@code POST
     *     /_local/search/reindex}) after the creates, instead of waiting for the stream alone
     */
    Map<String, Object> run(int latencyRounds, boolean reindex) throws Exception {
        List<Recipe> corpus = RecipeCorpus.generate();
        List<Query> queries = RelevanceJudgements.queries();
        LocalCairn.Options options = new LocalCairn.Options(
                0, BLUEPRINT, null, repo, repo.resolve("local/target/local-stack/s3mock.jar"), false);
        try (LocalCairn stack = LocalCairn.start(options)) {
            json = stack.app().getBean(JsonMapper.class);
            api = stack.apiUrl().toString();
            Map<String, String> tokens = new LinkedHashMap<>();
            for (String user : List.of(RecipeCorpus.ALICE, RecipeCorpus.BOB, RecipeCorpus.SEARCHER)) {
                tokens.put(user, signIn(stack, user));
            }
            String searcher = tokens.get(RecipeCorpus.SEARCHER);

            System.out.println("  creating " + corpus.size() + " recipes through POST /api/recipes...");
            Map<String, String> keyById = new LinkedHashMap<>();
            Map<String, Recipe> byKey = new LinkedHashMap<>();
            List<String> ownIds = new ArrayList<>();
            long loadStart = System.nanoTime();
            for (Recipe recipe : corpus) {
                HttpResponse<String> created =
                        send(post(api + "/recipes", tokens.get(recipe.owner()), Json.write(recipe.body())));
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("POST /api/recipes answered " + created.statusCode() + ": "
                            + created.body()
                            + (created.statusCode() == 404
                                    ? " (the recipes API is not on this build of the recipe archive)"
                                    : ""));
                }
                String id = data(created).get("id").getStringValue();
                keyById.put(id, recipe.key());
                byKey.put(recipe.key(), recipe);
                if (recipe.owner().equals(RecipeCorpus.SEARCHER)) {
                    ownIds.add(id);
                }
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long visible = corpus.stream()
                    .filter(r -> r.visibleTo(RecipeCorpus.SEARCHER))
                    .count();

            if (reindex) {
                System.out.println("  reindexing recipes through POST /_local/search/reindex...");
                HttpResponse<String> rebuilt = send(
                        HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/_local/search/reindex?index=recipes"))
                                .timeout(Duration.ofMinutes(5))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build());
                expect(rebuilt, 200);
            }
            System.out.println("  waiting for the index to hold the " + visible + " recipes the searcher may read...");
            long waitStart = System.nanoTime();
            long total = -1;
            while (System.nanoTime() - waitStart < INDEX_WAIT.toNanos()) {
                HttpResponse<String> all = send(get(api + "/recipes/search?limit=1", searcher));
                if (all.statusCode() == 200) {
                    total = data(all).get("total").getLongValue();
                    if (total >= visible) {
                        break;
                    }
                } else if (all.statusCode() != 503) {
                    throw new IllegalStateException(
                            "GET /api/recipes/search answered " + all.statusCode() + ": " + all.body());
                }
                Thread.sleep(250);
            }
            if (total != visible) {
                throw new IllegalStateException("The index holds " + total + " recipes the searcher may read after "
                        + INDEX_WAIT.toSeconds() + " s; expected " + visible);
            }
            double indexWaitSeconds = (System.nanoTime() - waitStart) / 1e9;

            System.out.println("  running " + queries.size() + " judged queries...");
            List<Map<String, Object>> perQuery = new ArrayList<>();
            int leaks = 0;
            for (Query query : queries) {
                HttpResponse<String> answer = send(get(searchUrl(query, 10), searcher));
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(
                            query.id() + " answered " + answer.statusCode() + ": " + answer.body());
                }
                List<String> ranked = new ArrayList<>();
                List<String> titles = new ArrayList<>();
                for (JsonNode item : data(answer).get("items").values()) {
                    String key = keyById.getOrDefault(item.get("id").getStringValue(), "unknown");
                    ranked.add(key);
                    Recipe recipe = byKey.get(key);
                    if (recipe == null || !recipe.visibleTo(RecipeCorpus.SEARCHER)) {
                        leaks++;
                    }
                    titles.add(recipe == null ? "?" : recipe.title());
                }
                Map<String, Integer> grades = RelevanceJudgements.judge(query, corpus);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", query.id());
                result.put("q", query.text());
                result.put("filters", query.filters());
                result.put("subsets", query.subsets());
                result.put("precisionAt5", round3(RankingMetrics.precisionAt(5, ranked, grades)));
                result.put("ndcgAt10", round3(RankingMetrics.ndcgAt(10, ranked, grades)));
                List<Integer> got = new ArrayList<>();
                ranked.forEach(k -> got.add(grades.getOrDefault(k, 0)));
                result.put("grades", got);
                result.put("titles", titles);
                perQuery.add(result);
            }

            System.out.println("  latency: " + latencyRounds + " searches beside " + latencyRounds + " gets by id...");
            Map<String, Object> latency = latency(queries, ownIds, searcher, latencyRounds);

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("blueprint", BLUEPRINT);
            out.put("recipes", corpus.size());
            out.put("visibleToSearcher", visible);
            out.put("loadSeconds", Stats.round(loadSeconds));
            out.put("indexedBy", reindex ? "local reindex" : "stream");
            out.put("indexWaitSeconds", Stats.round(indexWaitSeconds));
            out.put("queries", queries.size());
            Map<String, Object> subsets = new LinkedHashMap<>();
            subsets.put("all", summary(perQuery, null));
            for (String subset : List.of("typo", "filter", "language")) {
                subsets.put(subset, summary(perQuery, subset));
            }
            out.put("subsets", subsets);
            out.put("leaks", leaks);
            out.put("lows", lows(perQuery));
            out.put("latency", latency);
            out.put("perQuery", perQuery);
            return out;
        }
    }

    /** Search and get by id, interleaved, one at a time, after a short warm-up of each. */
    private Map<String, Object> latency(List<Query> queries, List<String> ownIds, String token, int rounds)
            throws Exception {
        double[] search = new double[rounds];
        double[] getById = new double[rounds];
        int warmup = Math.min(20, rounds);
        for (int i = -warmup; i < rounds; i++) {
            Query query = queries.get(Math.floorMod(i, queries.size()));
            long start = System.nanoTime();
            HttpResponse<String> found = send(get(searchUrl(query, 20), token));
            double searchMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            HttpResponse<String> got =
                    send(get(api + "/recipes/" + ownIds.get(Math.floorMod(i, ownIds.size())), token));
            double getMs = (System.nanoTime() - start) / 1e6;
            if (found.statusCode() != 200 || got.statusCode() != 200) {
                throw new IllegalStateException("Latency round failed: search " + found.statusCode() + ", get "
                        + got.statusCode() + " " + got.body());
            }
            if (i >= 0) {
                search[i] = searchMs;
                getById[i] = getMs;
            }
        }
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("rounds", rounds);
        latency.put("warmup", warmup);
        latency.put("search", percentiles(search));
        latency.put("getById", percentiles(getById));
        return latency;
    }

    private static Map<String, Object> percentiles(double[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50Ms", Stats.round(Stats.percentile(values, 50)));
        m.put("p95Ms", Stats.round(Stats.percentile(values, 95)));
        m.put("p99Ms", Stats.round(Stats.percentile(values, 99)));
        m.put("maxMs", Stats.round(Stats.percentile(values, 100)));
        return m;
    }

    /** Mean precision@5 and nDCG@10 over the queries of a subset (all when {@code subset} is null). */
    static Map<String, Object> summary(List<Map<String, Object>> perQuery, String subset) {
        double precision = 0;
        double ndcg = 0;
        int n = 0;
        for (Map<String, Object> q : perQuery) {
            if (subset == null || ((List<?>) q.get("subsets")).contains(subset)) {
                precision += (double) q.get("precisionAt5");
                ndcg += (double) q.get("ndcgAt10");
                n++;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("queries", n);
        summary.put("precisionAt5", n == 0 ? Double.NaN : round3(precision / n));
        summary.put("ndcgAt10", n == 0 ? Double.NaN : round3(ndcg / n));
        return summary;
    }

    /** The ten queries with the lowest nDCG@10 (then precision@5), with what they returned first. */
    static List<Map<String, Object>> lows(List<Map<String, Object>> perQuery) {
        List<Map<String, Object>> sorted = new ArrayList<>(perQuery);
        sorted.sort((a, b) -> {
            int byNdcg = Double.compare((double) a.get("ndcgAt10"), (double) b.get("ndcgAt10"));
            return byNdcg != 0
                    ? byNdcg
                    : Double.compare((double) a.get("precisionAt5"), (double) b.get("precisionAt5"));
        });
        List<Map<String, Object>> lows = new ArrayList<>();
        for (Map<String, Object> q : sorted.subList(0, Math.min(10, sorted.size()))) {
            if ((double) q.get("ndcgAt10") >= 0.9 && (double) q.get("precisionAt5") >= 0.8) {
                break;
            }
            Map<String, Object> low = new LinkedHashMap<>();
            low.put("id", q.get("id"));
            low.put("q", q.get("q"));
            low.put("filters", q.get("filters"));
            low.put("precisionAt5", q.get("precisionAt5"));
            low.put("ndcgAt10", q.get("ndcgAt10"));
            List<?> titles = (List<?>) q.get("titles");
            List<?> grades = (List<?>) q.get("grades");
            List<String> top = new ArrayList<>();
            for (int i = 0; i < Math.min(5, titles.size()); i++) {
                top.add(titles.get(i) + " (" + grades.get(i) + ")");
            }
            low.put("top5", top);
            lows.add(low);
        }
        return lows;
    }

    private String searchUrl(Query query, int limit) {
        StringBuilder url = new StringBuilder(api)
                .append("/recipes/search?limit=")
                .append(limit)
                .append("&q=")
                .append(encode(query.text()));
        query.filters().forEach((name, values) -> {
            for (String value : values) {
                url.append('&').append(name).append('=').append(encode(value));
            }
        });
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static double round3(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private JsonNode data(HttpResponse<String> response) throws IOException {
        JsonNode body = json.readValue(response.body(), JsonNode.class);
        JsonNode data = body.get("data");
        if (data == null) {
            throw new IllegalStateException("No data in the answer: " + response.body());
        }
        return data;
    }

    private String signIn(LocalCairn stack, String user) throws Exception {
        String email = user + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> registered = send(post(
                api + "/auth/register",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"" + user + "\"}"));
        expect(registered, 201);
        String code;
        try {
            code = stack.outbox().awaitCode(email, 0, 60_000);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " after sign-up answered " + registered.body(), e);
        }
        expect(send(post(api + "/auth/confirm", null, "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}")), 200);
        HttpResponse<String> login = send(
                post(api + "/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"));
        expect(login, 200);
        return data(login).get("accessToken").getStringValue();
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    "Unexpected answer " + response.statusCode() + " (expected " + status + "): " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    private static HttpRequest post(String url, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }
}
