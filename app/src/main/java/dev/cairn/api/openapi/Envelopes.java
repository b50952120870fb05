package dev.cairn.api.openapi;

import static dev.cairn.api.openapi.JsonTree.list;
import static dev.cairn.api.openapi.JsonTree.obj;
import static dev.cairn.api.openapi.JsonTree.ref;

import java.util.Map;

/** The envelope every answer comes in, as schemas: one per kind of {@code data}, and the error one. */
final class Envelopes {
    static final String ERROR = "ErrorEnvelope";
    static final String API_ERROR = "ApiError";

    private Envelopes() {}

    /**
     * The envelope schema {@code name} around {@code data} (added to the document if new), as a
     * reference.
     */
    static Map<String, Object> of(Map<String, Object> document, String name, Map<String, Object> data) {
        SchemaRefs.schemas(document)
                .putIfAbsent(
                        name,
                        obj(
                                "type",
                                "object",
                                "description",
                                "A successful answer: the envelope with its data.",
                                "required",
                                list("success", "data"),
                                "properties",
                                obj("success", obj("type", "boolean", "enum", list(true)), "data", data)));
        return ref(name);
    }

    /** The envelope of a failure, as a reference. */
    static Map<String, Object> error(Map<String, Object> document) {
        SchemaRefs.schemas(document)
                .putIfAbsent(
                        ERROR,
                        obj(
                                "type",
                                "object",
                                "description",
                                "A failed answer: the envelope with the error. `error.code` says what went"
                                        + " wrong, `error.details` names the fields of a validation error.",
                                "required",
                                list("success", "error"),
                                "properties",
                                obj(
                                        "success", obj("type", "boolean", "enum", list(false)),
                                        "error", ref(API_ERROR))));
        return ref(ERROR);
    }

    /** What a 429 holds: the app's error envelope, or the gateway throttle's message. */
    static Map<String, Object> throttled(Map<String, Object> document) {
        SchemaRefs.schemas(document)
                .putIfAbsent(
                        "GatewayMessage",
                        obj(
                                "type",
                                "object",
                                "description",
                                "An answer from the HTTP API gateway itself, not the app.",
                                "required",
                                list("message"),
                                "properties",
                                obj("message", obj("type", "string"))));
        return obj("anyOf", list(error(document), ref("GatewayMessage")));
    }

    /** A JSON response with {@code schema}. */
    static Map<String, Object> json(String description, Map<String, Object> schema) {
        return obj("description", description, "content", obj("application/json", obj("schema", schema)));
    }
}
