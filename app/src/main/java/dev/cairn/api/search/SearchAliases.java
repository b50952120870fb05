package dev.cairn.api.search;

import dev.cairn.contract.Blueprint;
import dev.cairn.contract.SearchIndex;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The indices behind a search index's aliases, and the changes to them: creating an index from
 * {@link SearchMappings} with an alias, and the atomic swap that ends a reindex. The API reads
 * {@code NAME}; while a reindex runs, {@code NAME-next} points at the index it builds.
 */
public final class SearchAliases {
    private final OpenSearchClient client;

    public SearchAliases(OpenSearchClient client) {
        this.client = client;
    }

    /**
     * Which index each alias of {@code index} points at.
     *
     * @param current the index behind {@code NAME}, or null when there is none yet
     * @param next the index behind {@code NAME-next} (a reindex under way), or null
     */
    public record Targets(String current, String next) {}

    /** The indices behind {@code NAME} and {@code NAME-next}. */
    public Targets targets(SearchIndex index) {
        String alias = index.name();
        String nextAlias = SearchMappings.nextAlias(index);
        // 404 names the missing alias and still lists the indices of the other one.
        JsonObject answer = call("GET", "/_alias/" + alias + "," + nextAlias, null, 200, 404);
        String current = null;
        String next = null;
        for (Map.Entry<String, JsonValue> entry : answer.entrySet()) {
            if (!(entry.getValue() instanceof JsonObject body)
                    || !(body.get("aliases") instanceof JsonObject aliases)) {
                continue;
            }
            if (aliases.containsKey(alias)) {
                current = entry.getKey();
            }
            if (aliases.containsKey(nextAlias)) {
                next = entry.getKey();
            }
        }
        return new Targets(current, next);
    }

    /** Creates {@code name} with the mapping of {@code index} for {@code blueprint}, and {@code alias} on it. */
    public void create(String name, SearchIndex index, Blueprint blueprint, String alias) {
        Map<String, Object> body = new LinkedHashMap<>(SearchMappings.createIndexBody(index, blueprint));
        body.put("aliases", Map.of(alias, Map.of()));
        call("PUT", "/" + name, SearchJson.pretty(body), 200);
    }

    /**
     * The index behind {@code NAME}, created with it when there is none and no reindex is under
     * way (the first write on a new stage, or a new local stack); the name of that index.
     */
    public String ensure(SearchIndex index, Blueprint blueprint) {
        Targets targets = targets(index);
        if (targets.current() != null || targets.next() != null) {
            return targets.current();
        }
        String name = SearchMappings.indexName(index, System.currentTimeMillis());
        try {
            create(name, index, blueprint, index.name());
        } catch (IllegalStateException e) {
            // Another writer created it at the same moment: then the alias is there.
            if (targets(index).current() == null) {
                throw e;
            }
            return targets(index).current();
        }
        return name;
    }

    /**
     * In one atomic change: {@code NAME} moves to {@code next} (from {@code current}, if any) and
     * {@code NAME-next} is removed; then {@code current} is deleted.
     */
    public void swap(SearchIndex index, String current, String next) {
        List<Object> actions = new ArrayList<>();
        actions.add(Map.of("add", Map.of("index", next, "alias", index.name())));
        if (current != null) {
            actions.add(Map.of("remove", Map.of("index", current, "alias", index.name())));
        }
        actions.add(Map.of("remove", Map.of("index", next, "alias", SearchMappings.nextAlias(index))));
        call("POST", "/_aliases", SearchJson.pretty(Map.of("actions", actions)), 200);
        if (current != null && !current.equals(next)) {
            delete(current);
        }
    }

    /** Deletes the index {@code name} (its aliases go with it); a missing one is no error. */
    public void delete(String name) {
        call("DELETE", "/" + name, null, 200, 404);
    }

    /** Makes what was written to {@code name} visible to searches now. */
    public void refresh(String name) {
        call("POST", "/" + name + "/_refresh", null, 200);
    }

    /** How many documents {@code name} holds (what searches see). */
    public long count(String name) {
        return call("GET", "/" + name + "/_count", null, 200)
                .getJsonNumber("count")
                .longValue();
    }

    private JsonObject call(String method, String path, String json, int... accepted) {
        var request = Requests.builder().method(method).endpoint(path);
        if (json != null) {
            request.json(json);
        }
        try (Response response = client.generic().execute(request.build())) {
            String text = response.getBody().map(Body::bodyAsString).orElse("");
            for (int status : accepted) {
                if (response.getStatus() == status) {
                    if (text.isBlank()) {
                        return JsonValue.EMPTY_JSON_OBJECT;
                    }
                    try (JsonReader reader = Json.createReader(new StringReader(text))) {
                        return reader.readObject();
                    }
                }
            }
            throw new IllegalStateException("The search engine answered " + method + " " + path + " with "
                    + response.getStatus() + ": " + abbreviate(text));
        } catch (IOException e) {
            throw new UncheckedIOException("The search engine did not answer " + method + " " + path, e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
