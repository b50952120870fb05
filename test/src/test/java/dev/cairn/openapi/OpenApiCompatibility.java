package dev.cairn.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * Compares an OpenAPI document with the last released one and lists the changes that break a
 * client written against the released one (see docs/api-versioning.md for the list).
 *
 * <p>Two checks run. openapi-diff finds the standard set (removed operations, statuses and
 * required response properties, new required parameters and request properties, request enums
 * that lost values, response enums that gained some...). It compares OpenAPI 3.0's single
 * {@code type} and so sees no type change in a 3.1 document, whose types are sets, nor does it
 * count an optional response property that disappears. A walk of both documents' schemas, per
 * operation, adds those, each named by its JSON path: a response may not start to return a type
 * it did not (its type set may only shrink), a request may not stop accepting one (its type set
 * may only grow; dropping {@code null} makes a nullable input required to be non-null).
 */
final class OpenApiCompatibility {
    private static final int SHOWN = 50;
    private static final Pattern MAJOR = Pattern.compile("^\\s*[vV]?(\\d+)");
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String PARAMETER_REF = "#/components/parameters/";
    private static final String RESPONSE_REF = "#/components/responses/";
    private static final String REQUEST_BODY_REF = "#/components/requestBodies/";

    private final OpenAPI released;
    private final OpenAPI built;
    private final List<String> breaking = new ArrayList<>();

    private OpenApiCompatibility(OpenAPI released, OpenAPI built) {
        this.released = released;
        this.built = built;
    }

    /**
     * What changed from {@code releasedJson} to {@code builtJson}, both OpenAPI documents.
     *
     * @throws IllegalArgumentException when either cannot be read as an OpenAPI document
     */
    static Verdict compare(String releasedJson, String builtJson) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(releasedJson, builtJson);
        OpenAPI released = diff.getOldSpecOpenApi();
        OpenAPI built = diff.getNewSpecOpenApi();
        if (released == null || released.getInfo() == null || built == null || built.getInfo() == null) {
            throw new IllegalArgumentException("Not an OpenAPI document with an info section");
        }
        OpenApiCompatibility walk = new OpenApiCompatibility(released, built);
        walk.comparePaths();
        List<String> breaking = new ArrayList<>(new LinkedHashSet<>(walk.breaking));
        if (diff.isIncompatible()) {
            breaking.add("openapi-diff finds it incompatible:\n" + render(diff));
        }
        return new Verdict(released.getInfo().getVersion(), built.getInfo().getVersion(), List.copyOf(breaking));
    }

    /**
     * The outcome of one comparison.
     *
     * @param releasedVersion {@code info.version} of the released document
     * @param builtVersion {@code info.version} of the built document
     * @param breaking each breaking change, with where it is; empty when the change is additive
     */
    record Verdict(String releasedVersion, String builtVersion, List<String> breaking) {
        /** Whether the built document's major version is higher than the released one's. */
        boolean majorVersionBumped() {
            Optional<Integer> from = major(releasedVersion);
            Optional<Integer> to = major(builtVersion);
            return from.isPresent() && to.isPresent() && to.get() > from.get();
        }

        /** Additive changes pass; breaking ones only with a new major version. */
        boolean acceptable() {
            return breaking.isEmpty() || majorVersionBumped();
        }

        /** Says why the change is not acceptable, for a failing build: the first 50 changes. */
        String explanation(String name) {
            List<String> shown = breaking.subList(0, Math.min(breaking.size(), SHOWN));
            String more = breaking.size() > SHOWN ? "\n - ... and " + (breaking.size() - SHOWN) + " more" : "";
            return name + ": " + breaking.size() + " breaking change(s) while info.version goes from "
                    + releasedVersion + " to " + builtVersion
                    + " (a breaking change needs a new major version; see docs/api-versioning.md):\n - "
                    + String.join("\n - ", shown) + more;
        }
    }

    /** The leading number of a version such as {@code 1}, {@code v2} or {@code 1.4.0}. */
    static Optional<Integer> major(String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher matcher = MAJOR.matcher(version);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConsoleRender().render(diff, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private void comparePaths() {
        Map<String, PathItem> before = orEmpty(released.getPaths());
        Map<String, PathItem> after = orEmpty(built.getPaths());
        for (Map.Entry<String, PathItem> path : before.entrySet()) {
            String at = "$.paths['" + path.getKey() + "']";
            PathItem now = after.get(path.getKey());
            if (now == null) {
                breaking.add(at + ": the route was removed");
                continue;
            }
            Map<PathItem.HttpMethod, Operation> nowOperations = now.readOperationsMap();
            path.getValue().readOperationsMap().forEach((method, operation) -> {
                String opAt = at + "." + method.name().toLowerCase(Locale.ROOT);
                Operation then = nowOperations.get(method);
                if (then == null) {
                    breaking.add(opAt + ": the operation " + method + " " + path.getKey() + " was removed");
                } else {
                    compareOperation(
                            opAt,
                            combined(path.getValue().getParameters(), operation.getParameters(), released),
                            combined(now.getParameters(), then.getParameters(), built),
                            operation,
                            then);
                }
            });
        }
    }

    private void compareOperation(
            String at,
            Map<String, Parameter> parametersBefore,
            Map<String, Parameter> parametersAfter,
            Operation before,
            Operation after) {
        parametersAfter.forEach((key, parameter) -> {
            Parameter old = parametersBefore.get(key);
            boolean required = Boolean.TRUE.equals(parameter.getRequired());
            if (required && (old == null || !Boolean.TRUE.equals(old.getRequired()))) {
                breaking.add(at + ".parameters[" + key + "]: a new required " + parameter.getIn() + " parameter");
            }
            if (old != null) {
                compareRequest(
                        at + ".parameters[" + key + "].schema", old.getSchema(), parameter.getSchema(), Set.of());
            }
        });
        RequestBody bodyBefore = resolve(before.getRequestBody(), released);
        RequestBody bodyAfter = resolve(after.getRequestBody(), built);
        if (bodyAfter != null
                && Boolean.TRUE.equals(bodyAfter.getRequired())
                && (bodyBefore == null || !Boolean.TRUE.equals(bodyBefore.getRequired()))) {
            breaking.add(at + ".requestBody: the request body is now required");
        }
        if (bodyBefore != null && bodyAfter != null) {
            forEachCommonMediaType(
                    at + ".requestBody.content",
                    bodyBefore.getContent(),
                    bodyAfter.getContent(),
                    (where, old, now) -> compareRequest(where, old, now, Set.of()));
        }
        Map<String, ApiResponse> responsesAfter = orEmpty(after.getResponses());
        orEmpty(before.getResponses()).forEach((status, response) -> {
            String statusAt = at + ".responses['" + status + "']";
            ApiResponse now = responsesAfter.get(status);
            if (now == null) {
                breaking.add(statusAt + ": the response status " + status + " was removed");
                return;
            }
            ApiResponse old = resolve(response, released);
            ApiResponse current = resolve(now, built);
            if (old != null && current != null) {
                forEachCommonMediaType(
                        statusAt + ".content",
                        old.getContent(),
                        current.getContent(),
                        (where, o, n) -> compareResponse(where, o, n, Set.of()));
            }
        });
    }

    /** What a client may send: every value it could send before must still be accepted. */
    private void compareRequest(String at, Schema<?> beforeRef, Schema<?> afterRef, Set<String> seen) {
        Schema<?> before = resolve(beforeRef, released);
        Schema<?> after = resolve(afterRef, built);
        if (before == null || after == null || !enter(beforeRef, afterRef, seen)) {
            return;
        }
        Set<String> seenHere = seen(beforeRef, afterRef, seen);
        Set<String> lost = notCovered(types(before), types(after));
        if (!lost.isEmpty()) {
            breaking.add(at + ": the request no longer accepts " + lost + " (was " + types(before) + ", now "
                    + types(after) + ")");
        }
        if (before.getEnum() != null && after.getEnum() != null) {
            Set<Object> removed = new LinkedHashSet<>(before.getEnum());
            removed.removeAll(after.getEnum());
            if (!removed.isEmpty()) {
                breaking.add(at + ".enum: the request no longer accepts " + removed);
            }
        }
        Map<String, Schema<?>> propertiesBefore = properties(before, released);
        Map<String, Schema<?>> propertiesAfter = properties(after, built);
        Set<String> requiredBefore = required(before, released);
        for (String name : required(after, built)) {
            if (!requiredBefore.contains(name)) {
                breaking.add(at + ".properties." + name + ": "
                        + (propertiesBefore.containsKey(name)
                                ? "the property is now required"
                                : "a new required property"));
            }
        }
        propertiesBefore.forEach((name, schema) -> {
            if (propertiesAfter.containsKey(name)) {
                compareRequest(at + ".properties." + name, schema, propertiesAfter.get(name), seenHere);
            }
        });
        if (before.getItems() != null && after.getItems() != null) {
            compareRequest(at + ".items", before.getItems(), after.getItems(), seenHere);
        }
    }

    /** What a client may receive: nothing it relied on may go, nothing it does not expect may come. */
    private void compareResponse(String at, Schema<?> beforeRef, Schema<?> afterRef, Set<String> seen) {
        Schema<?> before = resolve(beforeRef, released);
        Schema<?> after = resolve(afterRef, built);
        if (before == null || after == null || !enter(beforeRef, afterRef, seen)) {
            return;
        }
        Set<String> seenHere = seen(beforeRef, afterRef, seen);
        Set<String> gained = notCovered(types(after), types(before));
        if (!gained.isEmpty()) {
            breaking.add(at + ": the response may now be " + gained + " (was " + types(before) + ", now " + types(after)
                    + ")");
        }
        if (before.getEnum() != null && after.getEnum() != null) {
            Set<Object> added = new LinkedHashSet<>(after.getEnum());
            added.removeAll(before.getEnum());
            if (!added.isEmpty()) {
                breaking.add(at + ".enum: the response may now hold " + added);
            }
        }
        Map<String, Schema<?>> propertiesBefore = properties(before, released);
        Map<String, Schema<?>> propertiesAfter = properties(after, built);
        Set<String> requiredAfter = required(after, built);
        for (String name : required(before, released)) {
            if (propertiesAfter.containsKey(name) && !requiredAfter.contains(name)) {
                breaking.add(at + ".properties." + name + ": the property may now be absent");
            }
        }
        propertiesBefore.forEach((name, schema) -> {
            Schema<?> now = propertiesAfter.get(name);
            if (now == null) {
                breaking.add(at + ".properties." + name + ": the response property was removed");
            } else {
                compareResponse(at + ".properties." + name, schema, now, seenHere);
            }
        });
        if (before.getItems() != null && after.getItems() != null) {
            compareResponse(at + ".items", before.getItems(), after.getItems(), seenHere);
        }
    }

    /**
     * The members of {@code types} that {@code other} does not allow; an empty set is any type,
     * and {@code number} allows {@code integer}.
     */
    private static Set<String> notCovered(Set<String> types, Set<String> other) {
        if (types.isEmpty() || other.isEmpty()) {
            return Set.of();
        }
        Set<String> missing = new TreeSet<>(types);
        missing.removeAll(other);
        if (other.contains("number")) {
            missing.remove("integer");
        }
        return missing;
    }

    /** A schema's type set: 3.1's {@code type} list, or 3.0's {@code type} plus {@code nullable}. */
    private static Set<String> types(Schema<?> schema) {
        Set<String> types = new TreeSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (!types.isEmpty() && Boolean.TRUE.equals(schema.getNullable())) {
            types.add("null");
        }
        return types;
    }

    private Map<String, Schema<?>> properties(Schema<?> schema, OpenAPI document) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        if (schema.getAllOf() != null) {
            for (Schema<?> part : schema.getAllOf()) {
                Schema<?> resolved = resolve(part, document);
                if (resolved != null) {
                    properties.putAll(properties(resolved, document));
                }
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach(properties::put);
        }
        return properties;
    }

    private Set<String> required(Schema<?> schema, OpenAPI document) {
        Set<String> required = new TreeSet<>();
        if (schema.getAllOf() != null) {
            for (Schema<?> part : schema.getAllOf()) {
                Schema<?> resolved = resolve(part, document);
                if (resolved != null) {
                    required.addAll(required(resolved, document));
                }
            }
        }
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        return required;
    }

    private interface MediaTypeComparison {
        void compare(String at, Schema<?> before, Schema<?> after);
    }

    private static void forEachCommonMediaType(
            String at, Content before, Content after, MediaTypeComparison comparison) {
        if (before == null || after == null) {
            return;
        }
        for (Map.Entry<String, MediaType> type : before.entrySet()) {
            MediaType now = after.get(type.getKey());
            if (now != null && type.getValue().getSchema() != null && now.getSchema() != null) {
                comparison.compare(
                        at + "['" + type.getKey() + "'].schema", type.getValue().getSchema(), now.getSchema());
            }
        }
    }

    /** Path-level and operation-level parameters, by {@code in:name}; the operation's win. */
    private static Map<String, Parameter> combined(
            List<Parameter> pathLevel, List<Parameter> operationLevel, OpenAPI document) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (List<Parameter> list : Arrays.asList(pathLevel, operationLevel)) {
            if (list != null) {
                for (Parameter parameter : list) {
                    Parameter resolved = resolve(parameter, document);
                    if (resolved != null) {
                        parameters.put(resolved.getIn() + ":" + resolved.getName(), resolved);
                    }
                }
            }
        }
        return parameters;
    }

    private static boolean enter(Schema<?> before, Schema<?> after, Set<String> seen) {
        return before.get$ref() == null || !seen.contains(before.get$ref() + "->" + after.get$ref());
    }

    private static Set<String> seen(Schema<?> before, Schema<?> after, Set<String> seen) {
        if (before.get$ref() == null) {
            return seen;
        }
        Set<String> more = new HashSet<>(seen);
        more.add(before.get$ref() + "->" + after.get$ref());
        return more;
    }

    private static Schema<?> resolve(Schema<?> schema, OpenAPI document) {
        Schema<?> current = schema;
        Set<String> followed = new HashSet<>();
        while (current != null && current.get$ref() != null && followed.add(current.get$ref())) {
            current = component(
                    current.get$ref(),
                    SCHEMA_REF,
                    document.getComponents() == null
                            ? null
                            : document.getComponents().getSchemas());
        }
        return current;
    }

    private static Parameter resolve(Parameter parameter, OpenAPI document) {
        if (parameter == null || parameter.get$ref() == null) {
            return parameter;
        }
        return component(
                parameter.get$ref(),
                PARAMETER_REF,
                document.getComponents() == null
                        ? null
                        : document.getComponents().getParameters());
    }

    private static RequestBody resolve(RequestBody body, OpenAPI document) {
        if (body == null || body.get$ref() == null) {
            return body;
        }
        return component(
                body.get$ref(),
                REQUEST_BODY_REF,
                document.getComponents() == null
                        ? null
                        : document.getComponents().getRequestBodies());
    }

    private static ApiResponse resolve(ApiResponse response, OpenAPI document) {
        if (response == null || response.get$ref() == null) {
            return response;
        }
        return component(
                response.get$ref(),
                RESPONSE_REF,
                document.getComponents() == null
                        ? null
                        : document.getComponents().getResponses());
    }

    private static <T> T component(String ref, String prefix, Map<String, ? extends T> components) {
        if (components == null) {
            return null;
        }
        String name = ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
        return components.get(name);
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return Objects.requireNonNullElse(map, Map.of());
    }
}
