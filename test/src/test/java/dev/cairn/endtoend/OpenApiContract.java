package dev.cairn.endtoend;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.cairn.api.docs.ApiDocumentation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The API's published contract, checked on every exchange of the end-to-end suites: each request
 * {@link ApiClient} sends and each response it gets are validated against the OpenAPI document of
 * the stack's blueprint ({@link ApiDocumentation#documentOf}) by the Atlassian OpenAPI validator.
 *
 * <p>The rules: only API paths ({@code /api/...}) are checked, not the local stack's helpers
 * ({@code /_local/...}) nor S3's presigned URLs; the API's description of itself ({@code
 * /api/openapi.json}, {@code /api/docs}) is left out of the document on purpose, so it is not
 * checked either. Every response is checked (its status must be documented, its headers and body
 * must match); a request is checked when the API accepted it (1xx to 3xx), since a request the API
 * rejected with 4xx is often invalid on purpose.
 *
 * <p>The system property {@value #MODE_PROPERTY} says what a violation does: {@code fail} (the
 * default) fails the test; {@code report} never fails but collects every violation of the run and
 * writes a summary, counted per operation and message, to {@value #REPORT_PROPERTY} (default
 * {@code target/openapi-violations.txt}) when the test JVM exits.
 */
final class OpenApiContract {
    static final String MODE_PROPERTY = "cairn.openapi.validation";
    static final String REPORT_PROPERTY = "cairn.openapi.report";

    /** The API's own description: served under /api but deliberately not part of the document. */
    private static final Pattern SELF_DESCRIPTION = Pattern.compile("/api/(openapi\\.json|docs(/.*)?)");

    /** Path segments that are identifiers (digits, or long tokens): grouped as {id} in the summary. */
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9a-fA-F-]{8,}|[A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*");

    private static final Map<String, OpenApiContract> BY_DOCUMENT = new ConcurrentHashMap<>();
    private static final Queue<Violation> REPORTED = new ConcurrentLinkedQueue<>();

    static {
        if (Mode.configured() == Mode.REPORT) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpenApiContract::writeReport, "openapi-violations"));
        }
    }

    private final String document;
    private final OpenApiInteractionValidator validator;

    private OpenApiContract(String document, String json) {
        this.document = document;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .withLevelResolver(com.atlassian.oai.validator.report.LevelResolver.create()
                        .withLevel(INVALID_JSON, com.atlassian.oai.validator.report.ValidationReport.Level.IGNORE)
                        .withLevel(INVALID_COLLECTION, com.atlassian.oai.validator.report.ValidationReport.Level.IGNORE)
                        .build())
                .withCustomRequestValidation(QueryParameters::validate)
                .build();
    }

    /** The validator's type check of a parameter that is not a string (replaced by {@link QueryParameters}). */
    static final String INVALID_JSON = "validation.request.parameter.schema.invalidJson";
    /** The validator's refusal of a repeated parameter that is not an array (replaced too). */
    static final String INVALID_COLLECTION = "validation.request.parameter.collection.invalid";

    /** The contract of {@code blueprint}'s API, built once per run (parsing the document is costly). */
    static OpenApiContract of(String blueprint) {
        return fromResource("/" + ApiDocumentation.documentOf(blueprint));
    }

    /** The contract a classpath resource describes (e.g. a small document of a test's own). */
    static OpenApiContract fromResource(String document) {
        return BY_DOCUMENT.computeIfAbsent(document, d -> new OpenApiContract(d, read(d)));
    }

    /** The resource this contract was read from. */
    String document() {
        return document;
    }

    /** Whether the contract covers {@code path} (with or without its query): see the class's rules. */
    static boolean covers(String path) {
        String bare = bare(path);
        return bare.startsWith("/api/") && !SELF_DESCRIPTION.matcher(bare).matches();
    }

    /** What a violation does: fail the test, or be recorded for the run's summary. */
    enum Mode {
        FAIL,
        REPORT;

        /** The mode {@value OpenApiContract#MODE_PROPERTY} sets ({@code fail} without it). */
        static Mode configured() {
            String mode = System.getProperty(MODE_PROPERTY, "fail");
            return switch (mode) {
                case "fail" -> FAIL;
                case "report" -> REPORT;
                default ->
                    throw new IllegalStateException(MODE_PROPERTY + " must be fail or report (value: " + mode + ")");
            };
        }
    }

    /** Checks an exchange and acts on its violations as {@value #MODE_PROPERTY} says. */
    void verify(Exchange exchange) {
        verify(exchange, Mode.configured());
    }

    /**
     * Checks an exchange and acts on its violations: in {@link Mode#FAIL}, an {@link AssertionError}
     * naming them; in {@link Mode#REPORT}, a record for the run's summary.
     */
    void verify(Exchange exchange, Mode mode) {
        List<Violation> violations = check(exchange);
        if (violations.isEmpty()) {
            return;
        }
        if (mode == Mode.REPORT) {
            REPORTED.addAll(violations);
            return;
        }
        throw new AssertionError("The exchange breaks the API's contract (" + document + "):\n"
                + violations.stream()
                        .map(v -> "  " + v.key() + ": " + v.message())
                        .collect(Collectors.joining("\n"))
                + "\n" + exchange.describe()
                + "\n(-D" + MODE_PROPERTY + "=report collects violations instead of failing)");
    }

    /** The violations of an exchange (none when the contract does not cover its path). */
    List<Violation> check(Exchange exchange) {
        if (!covers(exchange.path())) {
            return List.of();
        }
        SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        Request request = request(exchange);
        ValidationReport report = exchange.status() < 400
                ? validator.validate(request, response.build())
                : validator.validateResponse(request.getPath(), request.getMethod(), response.build());
        String operation =
                exchange.method().toUpperCase(Locale.ROOT) + " " + template(exchange, report) + " " + exchange.status();
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(unknownRoute(m) && (exchange.status() == 404 || exchange.status() == 405)))
                // The validator's e-mail format also wants a delegated top-level domain, which
                // neither RFC 5321 nor the API asks for (the demo users live at cairn.local).
                .filter(m -> !m.getKey().endsWith(".format.email"))
                .map(m -> new Violation(
                        operation,
                        m.getKey(),
                        m.getMessage().replace(bare(exchange.path()), template(exchange, report))))
                .toList();
    }

    /**
     * Whether the message says the document has no such route: true of a route the blueprint does
     * not serve, whose 404 (or 405) is then the right answer and not the document's to describe.
     */
    private static boolean unknownRoute(ValidationReport.Message message) {
        return message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed");
    }

    private static Request request(Exchange exchange) {
        String path = bare(exchange.path());
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), path);
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            request.withBody(exchange.requestBody());
        }
        int query = exchange.path().indexOf('?');
        if (query >= 0) {
            Map<String, List<String>> parameters = new TreeMap<>();
            for (String pair : exchange.path().substring(query + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            parameters.forEach(request::withQueryParam);
        }
        return request.build();
    }

    /** The documented path the exchange matched, or its own path with identifiers as {id}. */
    private static String template(Exchange exchange, ValidationReport report) {
        return report.getMessages().stream()
                .map(m -> m.getContext().flatMap(ValidationReport.MessageContext::getApiOperation))
                .flatMap(java.util.Optional::stream)
                .map(o -> o.getApiPath().original())
                .findFirst()
                .orElseGet(() -> {
                    StringBuilder path = new StringBuilder();
                    for (String segment : bare(exchange.path()).substring(1).split("/", -1)) {
                        path.append('/').append(IDENTIFIER.matcher(segment).matches() ? "{id}" : segment);
                    }
                    return path.toString();
                });
    }

    /**
     * A summary of violations: how often each (operation, key, message) occurred, most often first;
     * then the same counted per (operation, key) only, for an overview of what each operation breaks.
     */
    static String summary(List<Violation> violations) {
        StringBuilder text =
                new StringBuilder().append(violations.size()).append(" violations of the OpenAPI contract, ");
        counted(
                violations,
                v -> v.operation() + "  " + v.key() + "  " + v.message(),
                "count  operation  key  message",
                text);
        text.append('\n');
        counted(violations, v -> v.operation() + "  " + v.key(), "count  operation  key", text);
        return text.toString();
    }

    /** Appends "N distinct (heading):" and one line per distinct label, most frequent first. */
    private static void counted(
            List<Violation> violations, Function<Violation, String> label, String heading, StringBuilder text) {
        Map<String, Long> counts = violations.stream()
                .collect(Collectors.groupingBy(v -> label.apply(v).replace('\n', ' '), Collectors.counting()));
        text.append(counts.size()).append(" distinct (").append(heading).append("):\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> text.append(String.format("%5d  %s%n", e.getValue(), e.getKey())));
    }

    private static void writeReport() {
        Path file = Path.of(System.getProperty(REPORT_PROPERTY, "target/openapi-violations.txt"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, summary(List.copyOf(REPORTED)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath (build the app module)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String bare(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** One violation: the operation ({@code METHOD path status}), the validator's key and message. */
    record Violation(String operation, String key, String message) {}

    /** One request (path with its query) and the response it got, as sent and received. */
    record Exchange(
            String method,
            String path,
            Map<String, List<String>> requestHeaders,
            String requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            String responseBody) {
        Exchange {
            Objects.requireNonNull(method);
            Objects.requireNonNull(path);
            requestHeaders = withoutPseudoHeaders(requestHeaders);
            responseHeaders = withoutPseudoHeaders(responseHeaders);
        }

        /** A request the client sent (its body, if any, as {@code requestBody}) and the response it got. */
        static Exchange of(HttpResponse<String> response, String requestBody) {
            HttpRequest request = response.request();
            URI uri = request.uri();
            return new Exchange(
                    request.method(),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    request.headers().map(),
                    requestBody,
                    response.statusCode(),
                    response.headers().map(),
                    response.body());
        }

        /** The same exchange with another response status and body (to see what the contract says). */
        Exchange withResponse(int newStatus, String newBody) {
            return new Exchange(method, path, requestHeaders, requestBody, newStatus, responseHeaders, newBody);
        }

        String describe() {
            return method + " " + path + (requestBody == null ? "" : " " + abbreviate(requestBody)) + "\n-> " + status
                    + " " + contentType() + " "
                    + abbreviate(responseBody == null ? "" : responseBody);
        }

        private String contentType() {
            return responseHeaders.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                    .map(h -> String.join(",", h.getValue()))
                    .findFirst()
                    .orElse("(no Content-Type)");
        }

        private static Map<String, List<String>> withoutPseudoHeaders(Map<String, List<String>> headers) {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    copy.put(name, List.copyOf(values));
                }
            });
            return copy;
        }

        private static String abbreviate(String text) {
            return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
        }
    }
}
