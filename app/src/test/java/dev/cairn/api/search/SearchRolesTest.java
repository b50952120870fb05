package dev.cairn.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.contract.Blueprints;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * The role mappings a managed domain needs, and the custom resource that applies them. The domain's
 * security API cannot run here (the local node has no security plugin), so the engine is an SDK
 * HTTP client that records the signed requests and answers what a domain answers; CloudFormation's
 * response URL is a real HTTP server.
 */
class SearchRolesTest {
    private static final String READER = "arn:aws:iam::123456789012:role/Cairn-recipe-archive-dev-service-ApiRole";
    private static final String WRITER = "arn:aws:iam::123456789012:role/Cairn-recipe-archive-dev-service-IndexerRole";

    private final Engine engine = new Engine();
    private final SearchRoles roles = new SearchRoles(SearchClients.create(
            URI.create("https://search-recipes.eu-west-1.es.amazonaws.com"),
            "es",
            engine,
            Region.EU_WEST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))));
    private HttpServer cloudFormation;
    private final List<JsonObject> answers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (cloudFormation != null) {
            cloudFormation.stop(0);
        }
    }

    @Test
    void bothRolesArePutThenMappedToTheirIamRolesSigned() {
        SearchRoles.Applied applied = roles.apply(Blueprints.RECIPE_ARCHIVE.searchIndexes(), READER, WRITER);

        assertThat(applied.requests())
                .containsExactly(
                        "PUT /_plugins/_security/api/roles/cairn_search_reader",
                        "PUT /_plugins/_security/api/roles/cairn_search_writer",
                        "PUT /_plugins/_security/api/rolesmapping/cairn_search_reader",
                        "PUT /_plugins/_security/api/rolesmapping/cairn_search_writer");
        assertThat(engine.requests).hasSize(4).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.authorization()).contains("/eu-west-1/es/aws4_request");
        });
        JsonObject reader = engine.requests.get(0).body();
        JsonObject readerIndexes = reader.getJsonArray("index_permissions").getJsonObject(0);
        assertThat(strings(readerIndexes, "index_patterns")).containsExactly("recipes", "recipes-*");
        assertThat(strings(readerIndexes, "allowed_actions")).containsExactly("read");
        assertThat(strings(reader, "cluster_permissions")).containsExactly("cluster_composite_ops_ro");
        JsonObject writer = engine.requests.get(1).body();
        JsonObject writerIndexes = writer.getJsonArray("index_permissions").getJsonObject(0);
        assertThat(strings(writerIndexes, "index_patterns")).containsExactly("recipes", "recipes-*");
        assertThat(strings(writerIndexes, "allowed_actions")).containsExactly("indices_all");
        assertThat(strings(writer, "cluster_permissions")).containsExactly("cluster_composite_ops");
        assertThat(strings(engine.requests.get(2).body(), "backend_roles")).containsExactly(READER);
        assertThat(strings(engine.requests.get(3).body(), "backend_roles")).containsExactly(WRITER);
        assertThat(engine.requests)
                .extracting(Engine.Sent::path)
                .containsExactly(
                        "/_plugins/_security/api/roles/cairn_search_reader",
                        "/_plugins/_security/api/roles/cairn_search_writer",
                        "/_plugins/_security/api/rolesmapping/cairn_search_reader",
                        "/_plugins/_security/api/rolesmapping/cairn_search_writer");
    }

    @Test
    void aRoleArnThatIsNotAnIamRoleSendsNothing() {
        assertThatThrownBy(() -> roles.apply(Blueprints.RECIPE_ARCHIVE.searchIndexes(), READER, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the writer role must be an IAM role ARN");
        assertThatThrownBy(() -> roles.apply(
                        Blueprints.RECIPE_ARCHIVE.searchIndexes(), "arn:aws:iam::123456789012:user/alice", WRITER))
                .hasMessageContaining("the reader role must be an IAM role ARN");
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void aRefusedRequestStopsWithTheDomainsAnswer() {
        engine.refuse("/_plugins/_security/api/rolesmapping/cairn_search_reader", 403);

        assertThatThrownBy(() -> roles.apply(Blueprints.RECIPE_ARCHIVE.searchIndexes(), READER, WRITER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUT /_plugins/_security/api/rolesmapping/cairn_search_reader with 403");
        // The writer's mapping is not attempted after the refusal.
        assertThat(engine.requests).hasSize(3);
    }

    @Test
    void aCreateOrUpdateAppliesTheRolesAndAnswersSuccess() throws Exception {
        SearchRolesResource resource = resource();

        JsonObject answer = resource.handle(event("Create", Map.of("ReaderRoleArn", READER, "WriterRoleArn", WRITER)));

        assertThat(answer.getString("Status")).isEqualTo("SUCCESS");
        assertThat(answers).singleElement().satisfies(sent -> {
            assertThat(sent.getString("Status")).isEqualTo("SUCCESS");
            assertThat(sent.getString("PhysicalResourceId")).isEqualTo("SearchRoleMappings-roles");
            assertThat(sent.getString("RequestId")).isEqualTo("request-1");
            assertThat(sent.getString("LogicalResourceId")).isEqualTo("SearchRoleMappings");
        });
        assertThat(engine.requests).hasSize(4);

        resource.handle(event("Update", Map.of("ReaderRoleArn", READER, "WriterRoleArn", WRITER)));
        assertThat(engine.requests).hasSize(8);
        assertThat(answers.get(1).getString("Status")).isEqualTo("SUCCESS");
    }

    @Test
    void aFailureIsAnsweredAsFailedWithTheReasonSoTheDeploymentStops() throws Exception {
        engine.refuse("/_plugins/_security/api/roles/cairn_search_reader", 401);
        SearchRolesResource resource = resource();

        resource.handle(event("Create", Map.of("ReaderRoleArn", READER, "WriterRoleArn", WRITER)));
        resource.handle(event("Update", Map.of("ReaderRoleArn", READER)));

        assertThat(answers).hasSize(2).allSatisfy(sent -> assertThat(sent.getString("Status"))
                .isEqualTo("FAILED"));
        assertThat(answers.get(0).getString("Reason"))
                .startsWith("The search roles were not applied: ")
                .contains("with 401");
        assertThat(answers.get(1).getString("Reason")).contains("the writer role must be an IAM role ARN");
    }

    @Test
    void aDeleteAnswersSuccessAndTouchesNothing() throws Exception {
        resource().handle(event("Delete", Map.of("ReaderRoleArn", READER, "WriterRoleArn", WRITER)));

        assertThat(answers).singleElement().satisfies(sent -> assertThat(sent.getString("Status"))
                .isEqualTo("SUCCESS"));
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void theReindexFunctionAnswersACloudFormationRequestThroughTheResource() throws Exception {
        SearchReindexHandler handler = new SearchReindexHandler(null, null, resource());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(
                new ByteArrayInputStream(event("Create", Map.of("ReaderRoleArn", READER, "WriterRoleArn", WRITER))
                        .toString()
                        .getBytes(StandardCharsets.UTF_8)),
                out,
                null);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"Status\":\"SUCCESS\"");
        assertThat(answers).singleElement().satisfies(sent -> assertThat(sent.getString("Status"))
                .isEqualTo("SUCCESS"));
        assertThat(engine.requests).hasSize(4);
    }

    @Test
    void theHandlerTellsACloudFormationRequestFromAStep() {
        assertThat(SearchRolesResource.isRequest(event("Create", Map.of()))).isTrue();
        assertThat(SearchRolesResource.isRequest(Json.createObjectBuilder()
                        .add("step", "begin")
                        .add("index", "recipes")
                        .build()))
                .isFalse();
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private SearchRolesResource resource() throws IOException {
        cloudFormation = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloudFormation.createContext("/response", exchange -> {
            try (var reader = Json.createReader(exchange.getRequestBody())) {
                answers.add(reader.readObject());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
        return new SearchRolesResource(roles, Blueprints.RECIPE_ARCHIVE.searchIndexes(), HttpClient.newHttpClient());
    }

    private JsonObject event(String type, Map<String, String> properties) {
        var props = Json.createObjectBuilder();
        properties.forEach(props::add);
        String url = cloudFormation == null
                ? "http://127.0.0.1:9/response"
                : "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/response?X-Amz-Signature=x";
        return Json.createObjectBuilder()
                .add("RequestType", type)
                .add("ResponseURL", url)
                .add(
                        "StackId",
                        "arn:aws:cloudformation:eu-west-1:123456789012:stack/Cairn-recipe-archive-dev-service/1")
                .add("RequestId", "request-" + (answers.size() + 1))
                .add("LogicalResourceId", "SearchRoleMappings")
                .add("ResourceType", "Custom::CairnSearchRoles")
                .add("ResourceProperties", props)
                .build();
    }

    /** A managed domain's security API as the SDK client sees it: records each request, answers 200 or a refusal. */
    private static final class Engine implements SdkHttpClient {
        record Sent(String method, String path, String authorization, JsonObject body) {}

        final List<Sent> requests = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> refusals = new java.util.concurrent.ConcurrentHashMap<>();

        void refuse(String path, int status) {
            refusals.put(path, status);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            var http = request.httpRequest();
            String text = request.contentStreamProvider()
                    .map(provider -> {
                        try (var in = provider.newStream()) {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            in.transferTo(out);
                            return out.toString(StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .orElse("{}");
            JsonObject body;
            try (var reader = Json.createReader(new StringReader(text))) {
                body = reader.readObject();
            }
            requests.add(new Sent(
                    http.method().name(),
                    http.encodedPath(),
                    http.firstMatchingHeader("Authorization").orElse(""),
                    body));
            int status = refusals.getOrDefault(http.encodedPath(), 200);
            byte[] answer = (status == 200
                            ? "{\"status\":\"OK\",\"message\":\"'role' updated.\"}"
                            : "{\"error\":{\"type\":\"security_exception\",\"reason\":\"no permissions for"
                                    + " [cluster:admin/opendistro_security]\"},\"status\":" + status + "}")
                    .getBytes(StandardCharsets.UTF_8);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(status)
                                    .putHeader("Content-Type", "application/json")
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }
}
