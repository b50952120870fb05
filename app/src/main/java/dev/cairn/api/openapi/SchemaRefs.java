package dev.cairn.api.openapi;

import static dev.cairn.api.openapi.JsonTree.array;
import static dev.cairn.api.openapi.JsonTree.object;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The references between a document's parts: walking, renaming and pruning component schemas. */
final class SchemaRefs {
    static final String PREFIX = "#/components/schemas/";

    private SchemaRefs() {}

    /** The schema a {@code $ref} object names, or null. */
    static String target(Object node) {
        if (node instanceof Map<?, ?> map && map.get("$ref") instanceof String ref && ref.startsWith(PREFIX)) {
            return ref.substring(PREFIX.length());
        }
        return null;
    }

    /** Calls {@code visit} on every object in the tree, depth first. */
    static void eachObject(Object node, Consumer<Map<String, Object>> visit) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> object = object(map);
            visit.accept(object);
            new java.util.ArrayList<>(object.values()).forEach(v -> eachObject(v, visit));
        } else if (node instanceof List<?> list) {
            new java.util.ArrayList<>(list).forEach(v -> eachObject(v, visit));
        }
    }

    /** Renames component schemas and every reference to them. */
    static void rename(Map<String, Object> document, Map<String, String> names) {
        if (names.isEmpty()) {
            return;
        }
        Map<String, Object> schemas = schemas(document);
        Map<String, Object> renamed = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> renamed.put(names.getOrDefault(name, name), schema));
        schemas.clear();
        schemas.putAll(renamed);
        eachObject(document, object -> {
            String target = target(object);
            if (target != null && names.containsKey(target)) {
                object.put("$ref", PREFIX + names.get(target));
            }
        });
    }

    /** The schemas {@code names} (nulls ignored) and every schema they refer to, transitively. */
    static Set<String> reachable(Map<String, Object> document, Set<String> names) {
        Map<String, Object> schemas = schemas(document);
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        names.stream().filter(java.util.Objects::nonNull).forEach(name -> {
            if (reached.add(name)) {
                pending.add(name);
            }
        });
        while (!pending.isEmpty()) {
            eachObject(schemas.get(pending.pop()), object -> {
                String target = target(object);
                if (target != null && reached.add(target)) {
                    pending.add(target);
                }
            });
        }
        return reached;
    }

    /** Removes the component schemas nothing outside {@code components/schemas} reaches. */
    static void prune(Map<String, Object> document) {
        prune(document, Set.of());
    }

    /** Removes the component schemas that neither {@code kept} nor anything outside the schemas reaches. */
    static void prune(Map<String, Object> document, Set<String> kept) {
        Map<String, Object> schemas = schemas(document);
        Set<String> reached = new LinkedHashSet<>(kept);
        Deque<String> pending = new ArrayDeque<>(kept);
        Map<String, Object> roots = new LinkedHashMap<>(document);
        Map<String, Object> components = new LinkedHashMap<>(object(document.get("components")));
        components.remove("schemas");
        roots.put("components", components);
        eachObject(roots, object -> {
            String target = target(object);
            if (target != null && reached.add(target)) {
                pending.add(target);
            }
        });
        while (!pending.isEmpty()) {
            eachObject(schemas.get(pending.pop()), object -> {
                String target = target(object);
                if (target != null && reached.add(target)) {
                    pending.add(target);
                }
            });
        }
        schemas.keySet().retainAll(reached);
        Set<String> missing = new LinkedHashSet<>(reached);
        missing.removeAll(schemas.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The document refers to schemas it does not define: " + missing);
        }
    }

    static Map<String, Object> schemas(Map<String, Object> document) {
        return JsonTree.child(JsonTree.child(document, "components"), "schemas");
    }

    /**
     * Rewrites OpenAPI 3.0 schemas as 3.1 (JSON Schema 2020-12): {@code nullable} becomes a
     * {@code "null"} type (or a {@code null} alternative beside a reference), a boolean {@code
     * exclusiveMinimum}/{@code exclusiveMaximum} becomes the bound itself, {@code example} becomes
     * {@code examples}.
     */
    static void to31(Map<String, Object> document) {
        document.put("openapi", "3.1.0");
        eachObject(document, SchemaRefs::schema31);
    }

    private static void schema31(Map<String, Object> schema) {
        // Map<String, Object>: any JSON value, not an object.
        if (schema.get("additionalProperties") instanceof Map<?, ?> values
                && values.size() == 1
                && "object".equals(values.get("type"))) {
            schema.put("additionalProperties", true);
        }
        if (Boolean.TRUE.equals(schema.remove("nullable"))) {
            Object type = schema.get("type");
            if (type instanceof String single) {
                schema.put("type", JsonTree.list(single, "null"));
            } else if (schema.containsKey("allOf") && array(schema.get("allOf")).size() == 1) {
                Object only = array(schema.remove("allOf")).getFirst();
                schema.put("anyOf", JsonTree.list(only, JsonTree.obj("type", "null")));
            } else if (schema.containsKey("$ref")) {
                Object ref = schema.remove("$ref");
                schema.put("anyOf", JsonTree.list(JsonTree.obj("$ref", ref), JsonTree.obj("type", "null")));
            }
        } else {
            schema.remove("nullable");
        }
        bound(schema, "exclusiveMinimum", "minimum");
        bound(schema, "exclusiveMaximum", "maximum");
        if (schema.containsKey("example") && (schema.containsKey("type") || schema.containsKey("$ref"))) {
            schema.put("examples", JsonTree.list(schema.remove("example")));
        }
    }

    private static void bound(Map<String, Object> schema, String exclusive, String inclusive) {
        Object flag = schema.get(exclusive);
        if (flag instanceof Boolean b) {
            schema.remove(exclusive);
            if (b && schema.containsKey(inclusive)) {
                schema.put(exclusive, schema.remove(inclusive));
            }
        }
    }
}
