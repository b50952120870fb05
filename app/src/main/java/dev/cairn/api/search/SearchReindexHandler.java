package dev.cairn.api.search;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The reindex function: runs one step of {@link SearchReindex} per invocation, as {@code
 * scripts/reindex} asks:
 *
 * <pre>
 * {"step": "begin",   "index": "recipes"}
 * {"step": "segment", "index": "recipes", "segment": 0, "segments": 4, "after": null}
 * {"step": "finish",  "index": "recipes"}
 * {"step": "abort",   "index": "recipes"}
 * </pre>
 *
 * It answers the step's result as JSON; a segment that ran short of time answers {@code after},
 * the key to go on from. A refused step throws: the invocation fails with the reason.
 *
 * <p>On a managed domain the function is also the service token of the custom resource that maps
 * the functions' roles ({@link SearchRolesResource}): a CloudFormation request is handled there.
 */
public class SearchReindexHandler implements RequestStreamHandler {
    private final SearchReindex reindex;
    private final JsonMapper json;
    private final SearchRolesResource roles;

    /** Used by the Lambda runtime: configuration comes from the function's environment. */
    public SearchReindexHandler() {
        this(ApplicationContext.run());
    }

    public SearchReindexHandler(ApplicationContext context) {
        this(
                context.getBean(SearchReindex.class),
                context.getBean(JsonMapper.class),
                new SearchRolesResource(
                        new SearchRoles(context.getBean(org.opensearch.client.opensearch.OpenSearchClient.class)),
                        // The context has no Blueprint bean: the indexer holds the blueprint it serves.
                        context.getBean(SearchIndexer.class).blueprint().searchIndexes(),
                        java.net.http.HttpClient.newHttpClient()));
    }

    SearchReindexHandler(SearchReindex reindex, JsonMapper json) {
        this(reindex, json, null);
    }

    SearchReindexHandler(SearchReindex reindex, JsonMapper json, SearchRolesResource roles) {
        this.reindex = reindex;
        this.json = json;
        this.roles = roles;
    }

    /** One step to run. */
    @Serdeable
    public record Step(
            @Nullable String step,
            @Nullable String index,
            @Nullable Integer segment,
            @Nullable Integer segments,
            @Nullable Map<String, String> after) {}

    /** A step's answer: the step and what it did (the fields of its kind). */
    @Serdeable
    public record Result(
            String step,
            String index,
            @Nullable String next,
            @Nullable String current,
            @Nullable String deleted,
            @Nullable Integer segment,
            @Nullable Integer segments,
            @Nullable Long scanned,
            @Nullable Long indexed,
            @Nullable List<String> skipped,
            @Nullable Map<String, String> after,
            @Nullable Long documents) {}

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        jakarta.json.JsonObject request;
        try (var reader = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(event))) {
            request = reader.readObject();
        } catch (jakarta.json.JsonException e) {
            throw new IllegalArgumentException("the event must be a JSON object", e);
        }
        if (roles != null && SearchRolesResource.isRequest(request)) {
            try {
                output.write(roles.handle(request).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while answering CloudFormation", e);
            }
            return;
        }
        Step step = json.readValue(event, Step.class);
        output.write(json.writeValueAsBytes(
                run(step, context == null ? () -> Long.MAX_VALUE : () -> context.getRemainingTimeInMillis())));
    }

    Result run(Step step, java.util.function.LongSupplier remainingMillis) {
        if (step == null || step.step() == null || step.index() == null) {
            throw new IllegalArgumentException(
                    "the event must name a step (begin, segment, finish, abort) and an index (value: " + step + ")");
        }
        return switch (step.step()) {
            case "begin" -> {
                SearchReindex.Begun begun = reindex.begin(step.index());
                yield new Result(
                        "begin",
                        begun.index(),
                        begun.next(),
                        begun.current(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            case "segment" -> {
                if (step.segment() == null || step.segments() == null) {
                    throw new IllegalArgumentException("a segment step must name segment and segments (value: "
                            + step.segment() + " of " + step.segments() + ")");
                }
                SearchReindex.SegmentResult result =
                        reindex.segment(step.index(), step.segment(), step.segments(), step.after(), remainingMillis);
                yield new Result(
                        "segment",
                        result.index(),
                        null,
                        null,
                        null,
                        result.segment(),
                        result.segments(),
                        result.scanned(),
                        result.indexed(),
                        result.skipped(),
                        result.after(),
                        null);
            }
            case "finish" -> {
                SearchReindex.Finished finished = reindex.finish(step.index());
                yield new Result(
                        "finish",
                        finished.index(),
                        null,
                        finished.current(),
                        finished.deleted(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        finished.documents());
            }
            case "abort" -> {
                SearchReindex.Finished aborted = reindex.abort(step.index());
                yield new Result(
                        "abort",
                        aborted.index(),
                        null,
                        aborted.current(),
                        aborted.deleted(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            default ->
                throw new IllegalArgumentException(
                        "step must be one of begin, segment, finish, abort (value: " + step.step() + ")");
        };
    }
}
