package dev.cairn.api.openapi;

import static dev.cairn.api.openapi.JsonTree.child;
import static dev.cairn.api.openapi.JsonTree.copy;
import static dev.cairn.api.openapi.JsonTree.list;
import static dev.cairn.api.openapi.JsonTree.obj;
import static dev.cairn.api.openapi.JsonTree.object;

import dev.cairn.api.collection.SiteReads;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Feature;
import dev.cairn.contract.RoutePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One blueprint's document, cut from the document of every route: exactly the routes the
 * blueprint serves, who may call each, what each can answer when it fails, where to call it.
 */
final class BlueprintDocument {
    private static final String ETAG = "A strong ETag: an item's version, or a hash of a list.";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private BlueprintDocument() {}

    /**
     * The document of {@code blueprint}, or of a custom blueprint (one that serves no feature) if
     * null.
     */
    static Map<String, Object> of(Map<String, Object> everything, Blueprint blueprint) {
        Map<String, Object> document = object(copy(everything));
        Set<Feature> features = blueprint == null ? Set.of() : blueprint.features();
        boolean apiKeys = features.contains(Feature.API_KEYS);
        Set<String> publicReads = Set.copyOf(blueprint == null ? List.of() : RoutePolicy.publicReads(blueprint));
        Set<String> publicRoutes =
                Set.copyOf(blueprint == null ? RoutePolicy.PUBLIC_ROUTES : RoutePolicy.publicRoutes(blueprint));

        Map<String, Object> info = child(document, "info");
        info.put("title", "Cairn API: " + (blueprint == null ? "custom blueprint" : blueprint.description()));
        info.put(
                "description",
                info.get("description") + "\n\nThis document describes "
                        + (blueprint == null
                                ? "the routes every blueprint serves, as a custom blueprint does."
                                : "the `" + blueprint.name() + "` blueprint: exactly the routes it serves."));
        document.put(
                "servers",
                list(
                        obj("url", "http://localhost:8080", "description", "The local stack (`scripts/dev`)."),
                        obj(
                                "url", "https://{domain}",
                                "description", "A deployed stage: its CloudFront domain or custom domain.",
                                "variables",
                                        obj(
                                                "domain",
                                                obj(
                                                        "default", "d111111abcdef8.cloudfront.net",
                                                        "description",
                                                                "The stage's domain, from the stack output ApiUrl.")))));
        document.put("security", list(obj(ApiDocumentation.BEARER, list())));

        Map<String, Object> paths = child(document, "paths");
        paths.keySet().removeIf(path -> !served(path, features));
        Set<String> tags = new LinkedHashSet<>();
        Map<String, Object> errors = Envelopes.error(document);
        paths.forEach((path, item) -> object(item).forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> op = object(value);
            if (op.get("tags") instanceof List<?> opTags) {
                opTags.forEach(tag -> tags.add((String) tag));
            }
            String route = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
            boolean open = publicRoutes.contains(route);
            boolean keyed = apiKeys && RoutePolicy.apiKeyMayReach(blueprint, path);
            if (open) {
                op.put("security", list());
            } else if (keyed) {
                op.put("security", list(obj(ApiDocumentation.BEARER, list()), obj(ApiDocumentation.API_KEY, list())));
            } else {
                op.put("security", list(obj(ApiDocumentation.BEARER, list())));
            }
            if (publicReads.contains(route)) {
                publicRead(op);
            }
            failures(op, path, method, open, keyed, apiKeys, errors, Envelopes.throttled(document));
        }));

        Map<String, Object> schemes = child(child(document, "components"), "securitySchemes");
        if (!apiKeys) {
            schemes.remove(ApiDocumentation.API_KEY);
        }
        if (document.get("tags") instanceof List<?> declared) {
            List<Object> kept = new ArrayList<>(declared);
            kept.removeIf(tag -> !tags.contains(object(tag).get("name")));
            document.put("tags", kept);
        }
        SchemaRefs.prune(document);
        return document;
    }

    /** Whether a blueprint with {@code features} serves {@code path}: every blueprint serves what no feature owns. */
    static boolean served(String path, Set<Feature> features) {
        for (Feature feature : Feature.values()) {
            for (String prefix : feature.routePrefixes()) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return features.contains(feature);
                }
            }
        }
        return true;
    }

    /**
     * A public read of site-owned content ({@link RoutePolicy#publicReads}), as {@link SiteReads}
     * answers it: {@code Cache-Control} and {@code ETag} on the answer, 304 on a matching {@code
     * If-None-Match}, and, where it takes {@code drafts}, the 401 and 403 of asking for them.
     */
    private static void publicRead(Map<String, Object> op) {
        Map<String, Object> responses = child(op, "responses");
        Map<String, Object> ok = child(responses, "200");
        ok.put("description", "The answer, public and cacheable (no token needed).");
        Map<String, Object> headers = child(ok, "headers");
        headers.put("Cache-Control", header("`" + SiteReads.PUBLIC + "`; `" + SiteReads.PRIVATE + "` with drafts."));
        headers.put("ETag", header(ETAG));
        responses.put(
                "304",
                obj(
                        "description",
                        "Not Modified: `If-None-Match` names the current ETag; no body.",
                        "headers",
                        obj("ETag", header(ETAG))));
        boolean drafts = op.get("parameters") instanceof List<?> parameters
                && parameters.stream()
                        .anyMatch(p -> SiteReads.DRAFTS.equals(object(p).get("name")));
        if (drafts) {
            responses.put(
                    "401",
                    obj(
                            "description",
                            ErrorCodes.AUTH_UNAUTHORIZED + " or " + ErrorCodes.AUTH_TOKEN_EXPIRED
                                    + ": `drafts=true` without a valid token."));
            responses.put(
                    "403",
                    obj(
                            "description",
                            ErrorCodes.AUTH_FORBIDDEN + ": `drafts=true` from a caller not in the admin group."));
        }
    }

    private static Map<String, Object> header(String description) {
        return obj("description", description, "schema", obj("type", "string"));
    }

    /** The failures a route can answer, each with the codes it gives. */
    private static void failures(
            Map<String, Object> op,
            String path,
            String method,
            boolean open,
            boolean keyed,
            boolean apiKeys,
            Map<String, Object> errors,
            Map<String, Object> throttled) {
        Map<String, Object> responses = child(op, "responses");
        boolean body = op.containsKey("requestBody");
        boolean query = op.get("parameters") instanceof List<?> parameters
                && parameters.stream()
                        .anyMatch(p -> !"path".equals(object(p).get("in"))
                                && !CollectionOperations.IF_NONE_MATCH.equalsIgnoreCase(
                                        String.valueOf(object(p).get("name"))));
        Map<String, String> failures = new LinkedHashMap<>();
        if (body || query) {
            failures.put(
                    "400",
                    "The request is not valid: " + ErrorCodes.VALIDATION_ERROR
                            + " (or the resource's own, e.g. GUITAR_VALIDATION_ERROR); `details` names the fields.");
        }
        if (!open) {
            failures.put(
                    "401",
                    "No valid token" + (keyed ? " or API key" : "") + ": " + ErrorCodes.AUTH_UNAUTHORIZED + ", or "
                            + ErrorCodes.AUTH_TOKEN_EXPIRED + ".");
        }
        if (path.startsWith("/api/admin/")) {
            failures.put("403", ErrorCodes.AUTH_FORBIDDEN + ": the caller is not in the admin group.");
        } else if (keyed && !method.equals("get")) {
            failures.put("403", ErrorCodes.AUTH_FORBIDDEN + ": a read-only API key may not write.");
        } else if (apiKeys && !open && RoutePolicy.isTokenOnly(path)) {
            failures.put(
                    "403",
                    ErrorCodes.AUTH_FORBIDDEN + ": only a signed-in user's token may call this, never an API key.");
        }
        if (path.contains("{")) {
            failures.put(
                    "404",
                    "Nothing of the caller's has this id: the resource's NOT_FOUND code, e.g." + " GUITAR_NOT_FOUND.");
        }
        if (body) {
            failures.put(
                    "413",
                    ErrorCodes.PAYLOAD_TOO_LARGE + ": the body is over " + RoutePolicy.MAX_BODY_BYTES + " bytes.");
            failures.put("415", ErrorCodes.UNSUPPORTED_MEDIA_TYPE + ": the body is not JSON.");
        }
        failures.put(
                "429",
                ErrorCodes.RATE_LIMITED + ": a per-user limit (items, uploads, an API key's daily"
                        + " quota, sign-in attempts) is reached; or the gateway's throttle, which answers"
                        + " `{\"message\":\"Too Many Requests\"}`.");
        failures.put("500", ErrorCodes.INTERNAL_ERROR + ": the API failed; quote `requestId`.");
        // A failure a route declares itself (@ApiResponse) keeps its description; every failure
        // answers the error envelope.
        responses.forEach((status, declared) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                object(declared).put("content", obj("application/json", obj("schema", errors)));
            }
        });
        failures.forEach((status, description) ->
                responses.putIfAbsent(status, Envelopes.json(description, status.equals("429") ? throttled : errors)));
        Map<String, Object> sorted = new java.util.TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
    }
}
