package dev.cairn.api.revalidation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Which delivery the configuration picks, and the in-process one end to end. */
class ContentChangesWiringTest {
    private static final ContentChange CHANGE =
            new ContentChange(List.of("/api/projects*"), List.of("/projects/p-1"), List.of("project:p-1"));

    @Test
    void withNothingConfiguredChangesAreOnlyLogged() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of()))) {
            assertThat(context.getBean(ContentChanges.class)).isInstanceOf(LoggedContentChanges.class);
            context.getBean(ContentChanges.class).changed(CHANGE);
        }
    }

    @Test
    void withAQueueChangesGoOnTheQueue() {
        try (ApplicationContext context = ApplicationContext.run(
                properties(Map.of("cairn.revalidation.queue-url", "https://sqs.eu-west-1.amazonaws.com/1/q")))) {
            assertThat(context.getBean(ContentChanges.class)).isInstanceOf(SqsContentChanges.class);
        }
    }

    @Test
    void anEmptyQueueUrlAsTheEnvironmentLeavesItIsNoQueue() {
        try (ApplicationContext context =
                ApplicationContext.run(properties(Map.of("cairn.revalidation.queue-url", "")))) {
            assertThat(context.getBean(ContentChanges.class)).isInstanceOf(LoggedContentChanges.class);
        }
    }

    @Test
    void inProcessDeliversOnABackgroundThreadWithTheConfiguredSecret() throws IOException, InterruptedException {
        try (HookServer hook = new HookServer(body -> 200);
                ApplicationContext context = ApplicationContext.run(properties(Map.of(
                        "cairn.revalidation.delivery", "in-process",
                        "cairn.revalidation.queue-url", "https://sqs.eu-west-1.amazonaws.com/1/q",
                        "cairn.revalidation.url", hook.url(),
                        "cairn.revalidation.secret", "in-process-secret")))) {
            ContentChanges changes = context.getBean(ContentChanges.class);
            assertThat(changes).isInstanceOf(InProcessContentChanges.class);

            changes.changed(CHANGE);

            HookServer.Call call = hook.await(1, 10_000).getFirst();
            assertThat(call.body()).isEqualTo("{\"paths\":[\"/projects/p-1\"],\"tags\":[\"project:p-1\"]}");
            assertThat(new RevalidationSignature("in-process-secret")
                            .verify(call.signature(), call.body(), Instant.now()))
                    .isTrue();
        }
    }

    @Test
    void theWorkerBuiltFromTheContextDeliversWithTheConfiguredHookAndSecret() throws IOException {
        try (HookServer hook = new HookServer(body -> 200);
                ApplicationContext context = ApplicationContext.run(properties(
                        Map.of("cairn.revalidation.url", hook.url(), "cairn.revalidation.secret", "worker-secret")))) {
            RevalidationHandler worker = new RevalidationHandler(context);
            String event = "{\"Records\":[{\"messageId\":\"m-1\",\"body\":"
                    + "\"{\\\"cdnPaths\\\":[],\\\"sitePaths\\\":[\\\"/about\\\"],\\\"tags\\\":[]}\"}]}";
            ByteArrayOutputStream output = new ByteArrayOutputStream();

            worker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);

            assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
            HookServer.Call call = hook.calls().getFirst();
            assertThat(call.body()).isEqualTo("{\"paths\":[\"/about\"],\"tags\":[]}");
            assertThat(new RevalidationSignature("worker-secret").verify(call.signature(), call.body(), Instant.now()))
                    .isTrue();
        }
    }

    @Test
    void theAppsJsonKeepsEmptyListsSoTheWorkerReadsEveryChangeBack() throws IOException {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of()))) {
            JsonMapper json = context.getBean(JsonMapper.class);
            ContentChange onlyTheCdn = new ContentChange(List.of("/api/projects*"), List.of(), List.of());

            String body =
                    new SqsContentChanges((SqsClient) null, json, "https://sqs.example/q").messageBody(onlyTheCdn);

            assertThat(json.readValue(body, ContentChange.class)).isEqualTo(onlyTheCdn);
        }
    }

    private static Map<String, Object> properties(Map<String, Object> revalidation) {
        Map<String, Object> all = new HashMap<>();
        all.put("cairn.aws.region", "eu-west-1");
        all.put("cairn.aws.local-credentials", true);
        all.putAll(revalidation);
        return all;
    }
}
