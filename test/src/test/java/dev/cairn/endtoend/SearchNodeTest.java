package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.local.SearchNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local stack's search node is a real OpenSearch: it serves its REST API on loopback, runs the
 * language analyzers (English stemming finds "guitar" for "guitars"), and its process ends when it
 * is closed.
 */
@Timeout(180)
class SearchNodeTest {
    private static final Path REPO = Path.of(System.getProperty("cairn.local.repo-dir", ".."))
            .toAbsolutePath()
            .normalize();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anEnglishAnalyzedFieldMatchesTheSingularOfAPluralQuery() throws Exception {
        SearchNode node = SearchNode.start(REPO, null);
        ProcessHandle process = node.process();
        URI endpoint = node.endpoint();
        try {
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(send("GET", endpoint.resolve("/_cluster/health"), null))
                    .contains("\"cluster_name\":\"cairn-local\"")
                    .containsPattern("\"status\":\"(green|yellow)\"");

            assertThat(send("PUT", endpoint.resolve("/items"), """
                    {"settings": {"number_of_shards": 1},
                     "mappings": {"properties": {"title": {"type": "text", "analyzer": "english"}}}}
                    """)).contains("\"acknowledged\":true");
            send("PUT", endpoint.resolve("/items/_doc/strat?refresh=true"), """
                    {"title": "A sunburst guitar with a maple neck"}
                    """);
            send("PUT", endpoint.resolve("/items/_doc/amp?refresh=true"), """
                    {"title": "A valve amplifier and its cabinet"}
                    """);

            String found = send("POST", endpoint.resolve("/items/_search"), """
                    {"query": {"match": {"title": "guitars"}}}
                    """);
            assertThat(found)
                    .contains("\"total\":{\"value\":1,")
                    .contains("\"_id\":\"strat\"")
                    .doesNotContain("\"_id\":\"amp\"");
        } finally {
            node.close();
        }
        assertThat(process.isAlive()).as("the node's process after close").isFalse();
        assertThat(process.descendants()).isEmpty();
    }

    @Test
    void aNodeKeepsItsIndicesInTheHomeItIsGivenAcrossRestarts() throws Exception {
        Path home = Files.createTempDirectory("cairn-search-home");
        try {
            try (SearchNode node = SearchNode.start(REPO, home)) {
                send("PUT", node.endpoint().resolve("/kept/_doc/1?refresh=true"), """
                        {"title": "kept"}
                        """);
            }
            try (SearchNode node = SearchNode.start(REPO, home)) {
                assertThat(send("GET", node.endpoint().resolve("/kept/_doc/1"), null))
                        .contains("\"found\":true");
            }
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    private String send(String method, URI uri, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, uri, response.body())
                .isBetween(200, 299);
        return response.body();
    }
}
