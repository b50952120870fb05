package dev.cairn.api.openapi;

import static dev.cairn.api.openapi.JsonTree.array;
import static dev.cairn.api.openapi.JsonTree.child;
import static dev.cairn.api.openapi.JsonTree.copy;
import static dev.cairn.api.openapi.JsonTree.list;
import static dev.cairn.api.openapi.JsonTree.obj;
import static dev.cairn.api.openapi.JsonTree.object;
import static dev.cairn.api.openapi.JsonTree.ref;

import dev.cairn.api.collection.CollectionController;
import dev.cairn.api.collection.CollectionResource;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.OwnedCollection;
import dev.cairn.api.collection.OwnedCollection.ListFilter;
import dev.cairn.api.collection.OwnedItemsController;
import io.micronaut.http.annotation.Controller;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes a collection controller inherits, described for its resource: readable operation
 * ids, the record clients send, the item they get back, the list's filters and pages.
 */
final class CollectionOperations {
    static final String IMAGE_ATTACHMENT = "ImageAttachment";
    private static final String ITEM = "/{id}";
    private static final Map<String, Object> VERSION_EXPECTED = obj(
            "type", "integer",
            "format", "int64",
            "description", "The version the write expects, like If-Match: a stale one is 409.");
    private static final String CONFLICT = "409";
    private static final String NOT_MODIFIED = "304";
    /** The conditional read's header, which cannot make a request invalid. */
    static final String IF_NONE_MATCH = "If-None-Match";

    private final Map<String, Object> document;
    private final Map<String, Object> samples;

    /** @param samples a sample body by collection path, for the examples */
    CollectionOperations(Map<String, Object> document, Map<String, Object> samples) {
        this.document = document;
        this.samples = samples;
    }

    /** Describes the routes of {@code controller}, a {@link CollectionResource}. */
    void describe(Class<?> controller) {
        CollectionResource resource = controller.getAnnotation(CollectionResource.class);
        String base = controller.getAnnotation(Controller.class).value();
        Class<?> type = itemType(controller);
        OwnedCollection<?> collection = declaration(resource.declaredBy(), type);
        String singular = resource.singular();
        Map<String, Object> schemas = SchemaRefs.schemas(document);

        String input = singular + "Input";
        Object written = schemas.remove(processorName(type));
        if (written == null) {
            throw new IllegalStateException(controller.getName() + ": list " + type.getSimpleName()
                    + " in @OpenAPIExtraSchema so that the build can describe it");
        }
        schemas.put(input, written);
        Object example = samples.get(base);
        if (example != null) {
            object(written).put("examples", list(copy(example)));
        }
        Map<String, Object> extras =
                resource.view() == Void.class ? obj() : object(schemas.remove(processorName(resource.view())));
        schemas.put(singular, view(object(written), extras, collection));
        // A replace may echo the item as read: what the server keeps is ignored, the rest is written.
        Map<String, Object> replacement = object(copy(schemas.get(singular)));
        replacement.put(
                "description",
                "The item's new fields. It may be the item as read, changed: the"
                        + " server's own attributes (id, version, timestamps, attached image URLs and what the"
                        + " resource manages) are ignored; `version` is the one the write expects.");
        replacement.put("required", copy(object(written).getOrDefault("required", list())));
        child(replacement, "properties").put("version", VERSION_EXPECTED);
        schemas.put(singular + "Replacement", replacement);
        Map<String, Object> patch = patch(object(written));
        child(patch, "properties").put("version", VERSION_EXPECTED);
        schemas.put(singular + "Patch", patch);
        String page = singular + "Page";
        schemas.put(
                page,
                obj(
                        "type",
                        "object",
                        "description",
                        "One page of " + resource.plural() + ", newest first unless the list says"
                                + " otherwise. `nextCursor` continues it; null on the last page.",
                        "required",
                        list("items", "nextCursor"),
                        "properties",
                        obj(
                                "items", obj("type", "array", "items", ref(singular)),
                                "nextCursor", obj("type", "string", "nullable", true))));

        Map<String, Object> paths = child(document, "paths");
        boolean writable = CollectionController.class.isAssignableFrom(controller);
        Map<String, Object> item = Envelopes.of(document, singular + "Envelope", ref(singular));
        operation(paths, base, "get").ifPresent(op -> {
            op.put("operationId", "list" + resource.plural());
            op.put("summary", "List " + words(resource.plural()));
            op.put("parameters", listParameters(collection, object(written)));
            responses(
                    op,
                    "200",
                    "A page of " + resource.plural(),
                    Envelopes.of(document, page + "Envelope", ref(page)),
                    false);
        });
        operation(paths, base + ITEM, "get").ifPresent(op -> {
            op.put("operationId", "get" + singular);
            op.put("summary", "Get " + article(singular));
            ifNoneMatch(op);
            responses(op, "200", "The " + singular + ", with its version as ETag", item, true);
            child(op, "responses")
                    .put(
                            NOT_MODIFIED,
                            obj(
                                    "description",
                                    "Not Modified: If-None-Match names the " + words(singular)
                                            + "'s current version. No body; the ETag is the version.",
                                    "headers",
                                    etagHeader()));
        });
        operation(paths, base + ITEM, "delete").ifPresent(op -> {
            op.put("operationId", "delete" + singular);
            op.put("summary", "Delete " + article(singular));
            ifMatch(op);
            object(op.get("responses")).clear();
            child(op, "responses").put("204", obj("description", "Deleted, with what it held"));
            conflict(op);
        });
        if (writable) {
            operation(paths, base, "post").ifPresent(op -> {
                op.put("operationId", "create" + singular);
                op.put("summary", "Create " + article(singular));
                body(op, ref(input), List.of("application/json"));
                if (example != null) {
                    object(object(object(op.get("requestBody")).get("content")).get("application/json"))
                            .put("example", copy(example));
                }
                responses(op, "201", "The stored " + singular + ", with its version as ETag", item, true);
            });
            operation(paths, base + ITEM, "put").ifPresent(op -> {
                op.put("operationId", "replace" + singular);
                op.put("summary", "Replace " + article(singular));
                body(op, ref(singular + "Replacement"), List.of("application/json"));
                ifMatch(op);
                responses(op, "200", "The stored " + singular + ", with its version as ETag", item, true);
                conflict(op);
            });
            operation(paths, base + ITEM, "patch").ifPresent(op -> {
                op.put("operationId", "update" + singular);
                op.put("summary", "Change some fields of " + article(singular) + " (JSON merge patch)");
                body(op, ref(singular + "Patch"), List.of("application/json", CollectionController.MERGE_PATCH));
                ifMatch(op);
                responses(op, "200", "The stored " + singular + ", with its version as ETag", item, true);
                conflict(op);
            });
        }
        // The resource's own routes that answer an item (notes, uploads...) answer this item, and
        // take what clients write of it.
        paths.forEach((path, methods) -> {
            if (path.equals(base) || path.startsWith(base + "/")) {
                object(methods).values().forEach(op -> {
                    replaceJsonNodeData(object(op), item);
                    if (object(op).get("requestBody") instanceof Map<?, ?> requestBody) {
                        SchemaRefs.eachObject(requestBody, node -> {
                            if ("JsonNode".equals(SchemaRefs.target(node))) {
                                node.put("$ref", ref(input).get("$ref"));
                            }
                        });
                    }
                });
            }
        });
    }

    /** The item as its owner reads it: the engine's attributes, the written fields, the resource's additions. */
    private Map<String, Object> view(
            Map<String, Object> written, Map<String, Object> extras, OwnedCollection<?> collection) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Set<Object> required = new LinkedHashSet<>();
        properties.put("id", obj("type", "string", "description", "The item's id."));
        required.add("id");
        if (!collection.idAttribute().equals("id")) {
            properties.put(collection.idAttribute(), obj("type", "string", "description", "The item's id, again."));
            required.add(collection.idAttribute());
        }
        object(copy(written.getOrDefault("properties", obj()))).forEach(properties::put);
        if (written.get("required") instanceof List<?> names) {
            required.addAll(names);
        }
        if (collection.imagesAttribute() != null) {
            imageAttachment();
            properties.put(
                    collection.imagesAttribute(),
                    obj(
                            "type",
                            "array",
                            "items",
                            ref(IMAGE_ATTACHMENT),
                            "description",
                            "The attached images, in their order, with their CDN URLs."));
        }
        object(extras.getOrDefault("properties", obj())).forEach((name, schema) -> {
            Object own = properties.get(name);
            properties.put(name, own == null ? copy(schema) : merged(object(own), object(schema)));
        });
        if (extras.get("required") instanceof List<?> names) {
            required.addAll(names);
        }
        properties.put(
                "version",
                obj(
                        "type",
                        "integer",
                        "format",
                        "int64",
                        "minimum",
                        1,
                        "description",
                        "Grows by one with every write; send it back as If-Match."));
        properties.put("createdAt", obj("type", "string", "format", "date-time"));
        properties.put("updatedAt", obj("type", "string", "format", "date-time"));
        required.addAll(List.of("version", "createdAt", "updatedAt"));
        Map<String, Object> view = obj("type", "object");
        if (written.containsKey("description")) {
            view.put("description", written.get("description"));
        }
        view.put("required", new ArrayList<>(required));
        view.put("properties", properties);
        return view;
    }

    /**
     * One object schema with the properties of both (the view adds to a written object, e.g. a
     * receipt's URL to the private details), nullable if the written one is.
     */
    private Map<String, Object> merged(Map<String, Object> own, Map<String, Object> added) {
        Map<String, Object> first = resolved(own);
        Map<String, Object> second = resolved(added);
        Map<String, Object> properties = new LinkedHashMap<>();
        object(copy(first.getOrDefault("properties", obj()))).forEach(properties::put);
        object(copy(second.getOrDefault("properties", obj()))).forEach(properties::put);
        Set<Object> required = new LinkedHashSet<>(array(first.getOrDefault("required", list())));
        required.addAll(array(second.getOrDefault("required", list())));
        Map<String, Object> merged = obj("type", "object");
        if (first.containsKey("description")) {
            merged.put("description", first.get("description"));
        }
        if (!required.isEmpty()) {
            merged.put("required", new ArrayList<>(required));
        }
        merged.put("properties", properties);
        if (Boolean.TRUE.equals(own.get("nullable"))) {
            merged.put("nullable", true);
        }
        return merged;
    }

    /** The object schema a property names: itself, or what its reference (or lone allOf) points at. */
    private Map<String, Object> resolved(Map<String, Object> schema) {
        Object target = schema;
        if (schema.get("allOf") instanceof List<?> all && all.size() == 1) {
            target = all.getFirst();
        }
        String name = SchemaRefs.target(target);
        return name == null
                ? object(target)
                : object(SchemaRefs.schemas(document).get(name));
    }

    /** A merge patch (RFC 7386) of the written fields: all optional; null removes a field. */
    private static Map<String, Object> patch(Map<String, Object> written) {
        Map<String, Object> properties = new LinkedHashMap<>();
        object(copy(written.getOrDefault("properties", obj()))).forEach((name, schema) -> {
            Map<String, Object> property = object(schema);
            if (property.containsKey("$ref")) {
                property = obj("allOf", list(property));
            }
            property.put("nullable", true);
            properties.put(name, property);
        });
        return obj(
                "type", "object",
                "description", "A JSON merge patch (RFC 7386): the fields to change; null removes one.",
                "properties", properties);
    }

    private void imageAttachment() {
        Map<String, Object> schemas = SchemaRefs.schemas(document);
        if (schemas.containsKey(IMAGE_ATTACHMENT)) {
            return;
        }
        Map<String, Object> reference = object(schemas.get("ImageRef"));
        if (reference == null) {
            throw new IllegalStateException("ImageRef is missing: list it in @OpenAPIExtraSchema");
        }
        Map<String, Object> attachment = object(copy(reference));
        attachment.put("description", "An attached image: what the client sent, and its CDN URLs.");
        Map<String, Object> properties = child(attachment, "properties");
        properties.put("url", obj("type", "string", "format", "uri"));
        properties.put("thumbnailUrl", obj("type", "string", "format", "uri"));
        List<Object> required = new ArrayList<>(array(attachment.getOrDefault("required", list())));
        required.addAll(List.of("url", "thumbnailUrl"));
        attachment.put("required", required);
        schemas.put(IMAGE_ATTACHMENT, attachment);
    }

    private static List<Object> listParameters(OwnedCollection<?> collection, Map<String, Object> written) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(obj(
                "name", "limit",
                "in", "query",
                "description", "How many items a page holds.",
                "schema",
                        obj(
                                "type",
                                "integer",
                                "minimum",
                                1,
                                "maximum",
                                CollectionService.MAX_LIMIT,
                                "default",
                                CollectionService.DEFAULT_LIMIT)));
        parameters.add(obj(
                "name", "cursor",
                "in", "query",
                "description", "The `nextCursor` of the page before.",
                "schema", obj("type", "string")));
        Map<String, Object> properties = object(written.getOrDefault("properties", obj()));
        for (ListFilter filter : collection.filters()) {
            Map<String, Object> schema;
            String description;
            switch (filter.kind()) {
                case FLAG -> {
                    schema = obj("type", "boolean");
                    description = "Only items whose `" + filter.attribute() + "` is this.";
                }
                case AT_LEAST, AT_MOST -> {
                    schema = obj("type", "number");
                    description = "Only items whose `" + filter.attribute() + "` is at "
                            + (filter.kind() == ListFilter.Kind.AT_LEAST ? "least" : "most") + " this.";
                }
                case CONTAINS -> {
                    schema = obj("type", "string");
                    description = "Only items whose `" + filter.attribute() + "` holds this.";
                }
                default -> {
                    schema = obj("type", scalarType(properties.get(filter.attribute()), "string"));
                    description = "Only items whose `" + filter.attribute() + "` is this.";
                }
            }
            parameters.add(
                    obj("name", filter.parameter(), "in", "query", "description", description, "schema", schema));
        }
        return parameters;
    }

    private static String scalarType(Object property, String otherwise) {
        if (property instanceof Map<?, ?> map && map.get("type") instanceof String type) {
            return type;
        }
        return otherwise;
    }

    private static void conflict(Map<String, Object> op) {
        child(op, "responses")
                .put(CONFLICT, obj("description", "CONFLICT: the item changed since the version the write expects."));
    }

    private static void ifMatch(Map<String, Object> op) {
        headerParameter(
                op, "If-Match", "The version the write expects, as the item's ETag gave it: a stale one is 409.");
    }

    private static void ifNoneMatch(Map<String, Object> op) {
        headerParameter(
                op,
                IF_NONE_MATCH,
                "ETags the client holds (a list, `*`, weak tags compared weakly): if one is the"
                        + " item's current ETag the answer is 304 with no body.");
    }

    /** An optional string header the operation takes, in place of any the processor listed. */
    private static void headerParameter(Map<String, Object> op, String name, String description) {
        List<Object> parameters = new ArrayList<>(array(op.getOrDefault("parameters", list())));
        parameters.removeIf(p -> name.equalsIgnoreCase(String.valueOf(object(p).get("name"))));
        parameters.add(obj("name", name, "in", "header", "description", description, "schema", obj("type", "string")));
        op.put("parameters", parameters);
    }

    private static Map<String, Object> etagHeader() {
        return obj(
                "ETag",
                obj(
                        "description",
                        "The item's version, quoted: send it back as If-Match.",
                        "schema",
                        obj("type", "string")));
    }

    private static void body(Map<String, Object> op, Map<String, Object> schema, List<String> mediaTypes) {
        Map<String, Object> content = new LinkedHashMap<>();
        mediaTypes.forEach(type -> content.put(type, obj("schema", schema)));
        op.put("requestBody", obj("required", true, "content", content));
    }

    private static void responses(
            Map<String, Object> op, String status, String description, Map<String, Object> schema, boolean etag) {
        Map<String, Object> response = Envelopes.json(description, schema);
        if (etag) {
            response.put("headers", etagHeader());
        }
        Map<String, Object> responses = child(op, "responses");
        responses.clear();
        responses.put(status, response);
    }

    /** Points success answers whose data the processor saw only as JSON at the item. */
    private void replaceJsonNodeData(Map<String, Object> op, Map<String, Object> item) {
        if (!(op.get("responses") instanceof Map<?, ?> responses)) {
            return;
        }
        object(responses).forEach((status, response) -> {
            Map<String, Object> schema = schemaOf(object(response));
            String envelope = SchemaRefs.target(schema);
            if (envelope != null && envelope.startsWith("ApiResponse_") && dataIsJsonNode(envelope)) {
                schema.put("$ref", item.get("$ref"));
            }
        });
    }

    private boolean dataIsJsonNode(String envelope) {
        Map<String, Object> schema = object(SchemaRefs.schemas(document).get(envelope));
        Object data = schema == null
                ? null
                : object(schema.getOrDefault("properties", obj())).get("data");
        boolean[] json = {false};
        SchemaRefs.eachObject(data, node -> json[0] |= "JsonNode".equals(SchemaRefs.target(node)));
        return json[0];
    }

    static Map<String, Object> schemaOf(Map<String, Object> response) {
        if (response.get("content") instanceof Map<?, ?> content
                && content.get("application/json") instanceof Map<?, ?> json
                && json.get("schema") instanceof Map<?, ?> schema) {
            return object(schema);
        }
        return obj();
    }

    private static java.util.Optional<Map<String, Object>> operation(
            Map<String, Object> paths, String path, String method) {
        if (paths.get(path) instanceof Map<?, ?> methods && methods.get(method) instanceof Map<?, ?> op) {
            return java.util.Optional.of(object(op));
        }
        return java.util.Optional.empty();
    }

    /** {@code ApiKeys} as {@code API keys}, {@code Guitars} as {@code guitars}. */
    static String words(String camel) {
        String spaced = camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return spaced.startsWith("api ") ? "API " + spaced.substring(4) : spaced;
    }

    /** {@code a guitar}, {@code an API key}. */
    static String article(String singular) {
        String words = words(singular);
        return ("aeiouAEIOU".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    /** The record type {@code T} of {@code OwnedItemsController<T>} that the controller extends. */
    static Class<?> itemType(Class<?> controller) {
        for (Class<?> c = controller; c != null && c != Object.class; c = c.getSuperclass()) {
            Type parent = c.getGenericSuperclass();
            if (parent instanceof ParameterizedType p
                    && OwnedItemsController.class.isAssignableFrom((Class<?>) p.getRawType())
                    && p.getActualTypeArguments()[0] instanceof Class<?> type) {
                return type;
            }
        }
        throw new IllegalStateException(controller.getName() + " does not extend OwnedItemsController<T>");
    }

    private static OwnedCollection<?> declaration(Class<?> holder, Class<?> type) {
        for (Field field : holder.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == OwnedCollection.class) {
                try {
                    field.setAccessible(true);
                    OwnedCollection<?> collection = (OwnedCollection<?>) field.get(null);
                    if (collection.type().getType() == type) {
                        return collection;
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + field, e);
                }
            }
        }
        throw new IllegalStateException(holder.getName() + " declares no OwnedCollection of " + type.getName());
    }

    /** The processor's name for a class's schema: nested classes as {@code Outer.Inner}. */
    static String processorName(Class<?> type) {
        return type.getEnclosingClass() == null
                ? type.getSimpleName()
                : processorName(type.getEnclosingClass()) + "." + type.getSimpleName();
    }
}
