package dev.cairn.api.collection;

import io.micronaut.json.tree.JsonNode;

/**
 * What a resource adds to the engine's behaviour around its items without copying it: how a stored
 * item shows to its owner (e.g. a private object's key becomes a short-lived signed URL) and what
 * else goes when an item is deleted (e.g. that object).
 */
public interface ItemHooks {

    /** No additions: the engine's view, nothing more to delete. */
    ItemHooks NONE = new ItemHooks() {};

    /**
     * The item as its owner sees it, from the engine's view (which includes managed attributes).
     * Runs for every read, list, write and export.
     */
    default JsonNode view(JsonNode view) {
        return view;
    }

    /**
     * Called once an item is deleted, with every stored attribute it had (managed ones included).
     * The item is gone whatever happens here; a failure still reaches the client.
     */
    default void deleted(String owner, JsonNode stored) {}
}
