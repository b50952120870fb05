package dev.cairn.api.search;

import dev.cairn.api.data.PrettyJson;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.SearchIndex;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonpDeserializer;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.opensearch.indices.update_aliases.Action;

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
        JsonObject answer = call("GET", "/_alias/" + alias + "," + nextAlias, 200, 404);
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
        Map<String, Object> body = SearchMappings.createIndexBody(index, blueprint);
        JsonpMapper mapper = client._transport().jsonpMapper();
        IndexSettings settings = read(IndexSettings._DESERIALIZER, body.get("settings"), mapper);
        TypeMapping mappings = read(TypeMapping._DESERIALIZER, body.get("mappings"), mapper);
        try {
            client.indices()
                    .create(c ->
                            c.index(name).settings(settings).mappings(mappings).aliases(alias, a -> a));
        } catch (IOException e) {
            throw new UncheckedIOException("The search engine did not create " + name, e);
        }
    }

    private static <T> T read(JsonpDeserializer<T> deserializer, Object value, JsonpMapper mapper) {
        try (JsonParser parser = mapper.jsonProvider().createParser(new StringReader(PrettyJson.write(value)))) {
            return deserializer.deserialize(parser, mapper);
        }
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
        } catch (RuntimeException e) {
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
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(a -> a.add(add -> add.index(next).alias(index.name()))));
        if (current != null) {
            actions.add(Action.of(a -> a.remove(remove -> remove.index(current).alias(index.name()))));
        }
        actions.add(Action.of(a -> a.remove(remove -> remove.index(next).alias(SearchMappings.nextAlias(index)))));
        try {
            client.indices().updateAliases(u -> u.actions(actions));
        } catch (IOException e) {
            throw new UncheckedIOException("The search engine did not swap the aliases of " + index.name(), e);
        }
        if (current != null && !current.equals(next)) {
            delete(current);
        }
    }

    /** Deletes the index {@code name} (its aliases go with it); a missing one is no error. */
    public void delete(String name) {
        call("DELETE", "/" + name, 200, 404);
    }

    /** Makes what was written to {@code name} visible to searches now. */
    public void refresh(String name) {
        try {
            client.indices().refresh(r -> r.index(name));
        } catch (IOException e) {
            throw new UncheckedIOException("The search engine did not refresh " + name, e);
        }
    }

    /** How many documents {@code name} holds (what searches see). */
    public long count(String name) {
        try {
            return client.count(c -> c.index(name)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("The search engine did not count " + name, e);
        }
    }

    /** A request without a body (the generic client's bodies need a library the app leaves out). */
    private JsonObject call(String method, String path, int... accepted) {
        var request = Requests.builder().method(method).endpoint(path);
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
