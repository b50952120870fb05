package dev.cairn.api.openapi;

import static dev.cairn.api.openapi.JsonTree.child;
import static dev.cairn.api.openapi.JsonTree.object;

import dev.cairn.api.collection.CollectionResource;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the OpenAPI document of each blueprint into the build's classes, from the document the
 * OpenAPI annotation processor generated from the controllers (OpenAPI 3.0, every route): {@code
 * META-INF/openapi/BLUEPRINT.json} for each built-in blueprint and {@code base.json} for a custom
 * one, each OpenAPI 3.1. The build runs it after compiling the app; it fails the build, naming
 * what to fix, where a route has no summary, no tag or an ambiguous operation id.
 *
 * <p>Usage: {@code OpenApiDocuments CLASSES_DIRECTORY}
 */
public final class OpenApiDocuments {
    static final String FOLDER = ApiDocumentation.FOLDER;
    static final String BASE = ApiDocumentation.BASE;

    static final String SOURCE = "META-INF/swagger/cairn-api.json";

    /** The caller and its token, bound from the request: never parameters a client sends. */
    private static final Set<String> BOUND = Set.of("AuthenticatedUser", "AccessToken");

    private OpenApiDocuments() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: OpenApiDocuments CLASSES_DIRECTORY [SAMPLES_DIRECTORY]");
        }
        Path classes = Path.of(args[0]);
        Map<String, Object> samples = args.length == 2 ? samples(Path.of(args[1])) : Map.of();
        Map<String, Map<String, Object>> documents =
                assemble(JsonTree.read(classes.resolve(SOURCE)), collectionControllers(classes), samples);
        documents.forEach((name, document) -> JsonTree.write(document, classes.resolve(FOLDER + name + ".json")));
    }

    /** The documents by name: each built-in blueprint's, and {@link #BASE}. */
    static Map<String, Map<String, Object>> assemble(
            Map<String, Object> generated, List<Class<?>> collections, Map<String, Object> samples) {
        Map<String, Object> everything = generated;
        removeBoundArguments(everything);
        CollectionOperations operations = new CollectionOperations(everything, samples);
        collections.forEach(operations::describe);
        new SearchOperations(everything).describeAll();
        shortenNames(everything);
        envelopes(everything);
        Envelopes.error(everything);
        SchemaRefs.prune(everything, Set.of(Envelopes.ERROR));
        check(everything);
        SchemaRefs.to31(everything);
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        for (Blueprint blueprint : Blueprints.all()) {
            documents.put(blueprint.name(), BlueprintDocument.of(everything, blueprint));
        }
        documents.put(BASE, BlueprintDocument.of(everything, null));
        return documents;
    }

    private static void removeBoundArguments(Map<String, Object> document) {
        operations(document).forEach(op -> {
            if (op.get("parameters") instanceof List<?> parameters) {
                List<Object> kept = new ArrayList<>(parameters);
                kept.removeIf(p -> {
                    String target = SchemaRefs.target(object(p).get("schema"));
                    return target != null && BOUND.contains(target);
                });
                if (kept.isEmpty()) {
                    op.remove("parameters");
                } else {
                    op.put("parameters", kept);
                }
            }
        });
        SchemaRefs.schemas(document).keySet().removeAll(BOUND);
    }

    /** {@code AuthController.LoginRequest} becomes {@code LoginRequest} where no other schema has that name. */
    private static void shortenNames(Map<String, Object> document) {
        Map<String, Object> schemas = SchemaRefs.schemas(document);
        Map<String, Integer> counts = new HashMap<>();
        schemas.keySet().forEach(name -> counts.merge(shortName(name), 1, Integer::sum));
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : schemas.keySet()) {
            String shorter = shortName(name);
            if (!shorter.equals(name)) {
                names.put(
                        name,
                        counts.get(shorter) == 1 && !schemas.containsKey(shorter) ? shorter : name.replace(".", ""));
            }
        }
        SchemaRefs.rename(document, names);
    }

    private static String shortName(String name) {
        return name.startsWith("ApiResponse_") ? name : name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * The processor's {@code ApiResponse_X_} schemas become named envelopes: {@code XEnvelope} for
     * a schema {@code X}, {@code XListEnvelope} for a list of them, else after the operation.
     */
    private static void envelopes(Map<String, Object> document) {
        Map<String, Object> schemas = SchemaRefs.schemas(document);
        operations(document).forEach(op -> {
            if (!(op.get("responses") instanceof Map<?, ?> responses)) {
                return;
            }
            object(responses).forEach((status, response) -> {
                Map<String, Object> schema = CollectionOperations.schemaOf(object(response));
                String generic = SchemaRefs.target(schema);
                if (status.startsWith("2")
                        && !schema.isEmpty()
                        && (generic == null || !generic.endsWith("Envelope"))
                        && (generic == null || !generic.startsWith("ApiResponse_"))) {
                    // A route that declares its answer's data (e.g. one of two shapes) gets it enveloped.
                    Map<String, Object> data = object(JsonTree.copy(schema));
                    schema.clear();
                    schema.putAll(Envelopes.of(document, envelopeName(data, (String) op.get("operationId")), data));
                    return;
                }
                if (generic == null || !generic.startsWith("ApiResponse_")) {
                    return;
                }
                Map<String, Object> data = object(
                        object(object(schemas.get(generic)).get("properties")).get("data"));
                data = object(JsonTree.copy(data));
                data.remove("nullable");
                Map<String, Object> unwrapped =
                        data.get("allOf") instanceof List<?> all && all.size() == 1 ? object(all.getFirst()) : data;
                String name = envelopeName(unwrapped, (String) op.get("operationId"));
                schema.put("$ref", Envelopes.of(document, name, unwrapped).get("$ref"));
            });
        });
    }

    private static String envelopeName(Map<String, Object> data, String operationId) {
        String target = SchemaRefs.target(data);
        if (target != null) {
            return target + "Envelope";
        }
        if ("array".equals(data.get("type"))) {
            Object items = data.get("items");
            String item = SchemaRefs.target(items);
            if (item != null) {
                return item + "ListEnvelope";
            }
            if (items instanceof Map<?, ?> m && m.get("type") instanceof String type) {
                return Character.toUpperCase(type.charAt(0)) + type.substring(1) + "ListEnvelope";
            }
        }
        return Character.toUpperCase(operationId.charAt(0)) + operationId.substring(1) + "Envelope";
    }

    /** Fails, naming each, on what a client generator could not use. */
    private static void check(Map<String, Object> document) {
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        child(document, "paths").forEach((path, item) -> object(item).forEach((method, value) -> {
            if (!(value instanceof Map<?, ?>)) {
                return;
            }
            Map<String, Object> op = object(value);
            String route = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
            String id = (String) op.get("operationId");
            if (id == null || !id.matches("[a-z][A-Za-z0-9]*")) {
                problems.add(route + ": operation id '" + id + "' is not camelCase: give @Operation(operationId)");
            } else if (ids.put(id, route) != null) {
                problems.add(route + ": operation id '" + id + "' is also " + ids.get(id));
            }
            if (op.get("summary") == null) {
                problems.add(route + ": no summary: write the method's Javadoc");
            }
            if (!(op.get("tags") instanceof List<?> tags) || tags.isEmpty()) {
                problems.add(route + ": no tag: put @Tag on the controller");
            }
        }));
        Set<String> internal = new TreeSet<>(BOUND);
        internal.add("JsonNode");
        child(document, "paths").forEach((path, item) -> object(item).forEach((method, value) -> {
            Set<String> named = new TreeSet<>();
            SchemaRefs.eachObject(value, object -> {
                String target = SchemaRefs.target(object);
                if (target != null) {
                    named.add(target);
                }
            });
            Set<String> reached = SchemaRefs.reachable(document, named);
            reached.retainAll(internal);
            if (!reached.isEmpty()) {
                problems.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path + ": describes " + reached
                        + ", not what clients send or get: declare the body and answer types");
            }
        }));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "The OpenAPI document is not ready for clients:\n  " + String.join("\n  ", problems));
        }
    }

    private static List<Map<String, Object>> operations(Map<String, Object> document) {
        List<Map<String, Object>> operations = new ArrayList<>();
        child(document, "paths").values().forEach(item -> object(item).values().forEach(op -> {
            if (op instanceof Map<?, ?> map && (map.containsKey("responses") || map.containsKey("operationId"))) {
                operations.add(object(op));
            }
        }));
        return operations;
    }

    /**
     * The first sample body of each collection path in the local stack's sample data ({@code
     * {"items": [{"path", "body"}]}} per blueprint): the documents' examples.
     */
    static Map<String, Object> samples(Path folder) {
        Map<String, Object> first = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Object items = JsonTree.read(file).get("items");
                if (items instanceof List<?> list) {
                    list.forEach(item -> first.putIfAbsent(
                            (String) object(item).get("path"), object(item).get("body")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the samples in " + folder, e);
        }
        return first;
    }

    /** The controllers marked {@link CollectionResource} among the compiled classes. */
    static List<Class<?>> collectionControllers(Path classes) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/cairn/api"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(CollectionResource.class)) {
                    found.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
