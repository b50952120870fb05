package dev.cairn.api.collection;

import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Merge Patch (RFC 7386): objects merge field by field, null removes, anything else replaces. */
final class MergePatch {
    private MergePatch() {}

    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (target != null && target.isObject()) {
            target.entries().forEach(e -> result.put(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, JsonNode> field : patch.entries()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.put(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return JsonNode.createObjectNode(result);
    }
}
