package dev.cairn.local;

import com.sun.net.httpserver.HttpExchange;
import dev.cairn.api.search.SearchIndexer;
import dev.cairn.api.search.SearchReindex;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Search on the local stack, for a blueprint that declares search indexes: each index and its
 * alias created when absent, the searchable tables' streams delivered to the app's {@link
 * SearchIndexer} (the code the indexer function runs in AWS), and {@value #REINDEX_PATH} running
 * the steps of {@link SearchReindex} the reindex function runs in AWS.
 */
final class LocalSearch implements AutoCloseable {
    /** {@code POST /_local/search/reindex?index=NAME[&segments=N]} rebuilds an index behind its alias. */
    static final String REINDEX_PATH = "/_local/search/reindex";
    /** Segments of a local reindex unless the request names another count. */
    static final int SEGMENTS = 4;

    private final ApplicationContext app;
    private final LocalStreams streams;

    private LocalSearch(ApplicationContext app, LocalStreams streams) {
        this.app = app;
        this.streams = streams;
    }

    /** Creates the missing indexes and starts delivering {@code streamArns} to the app's indexer. */
    static LocalSearch start(ApplicationContext app, URI dynamoDbEndpoint, List<String> streamArns) {
        SearchIndexer indexer = app.getBean(SearchIndexer.class);
        indexer.ensureIndexes();
        LocalStreams streams = new LocalStreams(dynamoDbEndpoint, streamArns, indexer::index);
        streams.start();
        return new LocalSearch(app, streams);
    }

    /** What a local reindex did, step by step. */
    record Reindexed(
            SearchReindex.Begun begun, List<SearchReindex.SegmentResult> segments, SearchReindex.Finished finished) {}

    /** Rebuilds {@code index}: begin, the scan's segments in parallel, then the alias swap. */
    Reindexed reindex(String index, int segments) {
        SearchReindex reindex = app.getBean(SearchReindex.class);
        SearchReindex.Begun begun = reindex.begin(index);
        List<SearchReindex.SegmentResult> results;
        try {
            List<CompletableFuture<SearchReindex.SegmentResult>> running = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                int current = segment;
                running.add(CompletableFuture.supplyAsync(
                        () -> reindex.segment(index, current, segments, null, () -> Long.MAX_VALUE)));
            }
            results = running.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException | IllegalStateException e) {
            reindex.abort(index);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return new Reindexed(begun, results, reindex.finish(index));
    }

    void serveReindex(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                HttpApiEmulator.send(exchange, 405, Map.of("Allow", "POST"), new byte[0]);
                return;
            }
            Map<String, String> query =
                    QueryStrings.parse(exchange.getRequestURI().getRawQuery());
            String index = query == null ? null : query.get("index");
            int segments = SEGMENTS;
            Map<String, Object> answer = new LinkedHashMap<>();
            int status;
            try {
                if (query != null && query.get("segments") != null) {
                    segments = Integer.parseInt(query.get("segments"));
                }
                Reindexed done = reindex(index, segments);
                long scanned = done.segments().stream()
                        .mapToLong(SearchReindex.SegmentResult::scanned)
                        .sum();
                answer.put("index", index);
                answer.put("alias", index);
                answer.put("current", done.finished().current());
                answer.put("deleted", done.finished().deleted());
                answer.put("segments", segments);
                answer.put("scanned", scanned);
                answer.put("documents", done.finished().documents());
                answer.put(
                        "skipped",
                        done.segments().stream()
                                .flatMap(s -> s.skipped().stream())
                                .toList());
                status = 200;
            } catch (IllegalArgumentException e) {
                answer.put("error", e.getMessage());
                status = 400;
            } catch (IllegalStateException e) {
                answer.put("error", e.getMessage());
                status = 409;
            } catch (RuntimeException e) {
                answer.put("error", e.toString());
                status = 500;
            }
            HttpApiEmulator.send(
                    exchange,
                    status,
                    Map.of("Content-Type", "application/json"),
                    app.getBean(JsonMapper.class).writeValueAsBytes(answer));
        }
    }

    @Override
    public void close() {
        streams.close();
    }
}
