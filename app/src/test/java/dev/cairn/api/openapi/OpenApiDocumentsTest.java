package dev.cairn.api.openapi;

import static dev.cairn.api.openapi.JsonTree.list;
import static dev.cairn.api.openapi.JsonTree.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.HandlerFixture;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.TableDefinition;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The documents the build wrote: each holds exactly its blueprint's routes, typed for clients. */
class OpenApiDocumentsTest {
    /** Controllers of the app's own tests, which no blueprint serves. */
    private static final Set<String> TEST_ROUTES = Set.of("/api/echo", "/api/test/");

    static Stream<String> blueprints() {
        return Blueprints.names().stream();
    }

    @ParameterizedTest
    @MethodSource("blueprints")
    void aDocumentHoldsExactlyTheRoutesItsBlueprintServes(String name) throws IOException {
        Blueprint blueprint = Blueprints.named(name);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cairn.blueprint", name);
        for (TableDefinition table : blueprint.allTables()) {
            properties.put("cairn.tables." + table.name(), table.name());
        }
        properties.put("cairn.media.bucket", "media");
        properties.put("cairn.media.base-url", "https://cdn.example/media");
        properties.put("cairn.signing.secret", "a-signing-secret-of-at-least-thirty-two-chars");
        Set<String> served = new TreeSet<>();
        try (HandlerFixture api = new HandlerFixture(properties)) {
            for (UriRouteInfo<?, ?> route :
                    api.context().getBean(Router.class).uriRoutes().toList()) {
                String path = route.getUriMatchTemplate().toPathString();
                if (route.getHttpMethod() == HttpMethod.OPTIONS
                        || route.getHttpMethod() == HttpMethod.HEAD
                        || TEST_ROUTES.stream().anyMatch(path::startsWith)
                        || path.startsWith("/api/docs")
                        || path.equals("/api/openapi.json")) {
                    continue;
                }
                served.add(route.getHttpMethod() + " " + path);
            }
        }

        assertThat(documentedRoutes(document(name))).isEqualTo(served);
    }

    @Test
    void theGuitarCollectionDescribesItsResourceWithTypesNotJson() throws IOException {
        Map<String, Object> document = document("guitar-collection");
        String json = Files.readString(classes().resolve(ApiDocumentation.documentOf("guitar-collection")));

        assertThat(document.get("openapi")).isEqualTo("3.1.0");
        assertThat(json).doesNotContain("JsonNode", "AuthenticatedUser", "AccessToken", "ApiResponse_");
        Map<String, Object> post = operation(document, "/api/guitars", "post");
        assertThat(post.get("operationId")).isEqualTo("createGuitar");
        assertThat(JsonTree.object(post.get("responses"))).containsKeys("201", "400", "401", "413", "429");
        assertThat(json).contains("\"#/components/schemas/GuitarInput\"", "\"#/components/schemas/GuitarEnvelope\"");
        Map<String, Object> brand = JsonTree.object(
                JsonTree.object(JsonTree.object(SchemaRefs.schemas(document).get("GuitarInput"))
                                .get("properties"))
                        .get("brand"));
        assertThat(brand).containsEntry("maxLength", 100L).containsEntry("minLength", 1L);
        Map<String, Object> sample = OpenApiDocuments.samples(Path.of("../local/src/main/resources/samples"));
        assertThat(JsonTree.object(SchemaRefs.schemas(document).get("GuitarInput"))
                        .get("examples"))
                .isEqualTo(list(sample.get("/api/guitars")));
        assertThat(operation(document, "/api/health", "get").get("security")).isEqualTo(list());
        assertThat(operation(document, "/api/guitars", "get").get("operationId"))
                .isEqualTo("listGuitars");
    }

    @Test
    void aRouteWithoutSummaryOrWithAGeneratedIdStopsTheBuild() {
        Map<String, Object> generated = obj(
                "openapi", "3.0.1",
                "info", obj("title", "t", "version", "1", "description", "d"),
                "paths",
                        obj(
                                "/api/things",
                                obj(
                                        "get",
                                        obj(
                                                "operationId",
                                                "list_2",
                                                "responses",
                                                obj("200", obj("description", "ok"))))),
                "components", obj("schemas", obj("ApiError", obj("type", "object"))));

        assertThatThrownBy(() -> OpenApiDocuments.assemble(generated, List.of(), Map.of()))
                .hasMessageContaining("GET /api/things: operation id 'list_2' is not camelCase")
                .hasMessageContaining("GET /api/things: no summary")
                .hasMessageContaining("GET /api/things: no tag");
    }

    private static Set<String> documentedRoutes(Map<String, Object> document) {
        Set<String> routes = new TreeSet<>();
        JsonTree.object(document.get("paths")).forEach((path, item) -> JsonTree.object(item)
                .keySet()
                .forEach(method -> routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        return routes;
    }

    private static Map<String, Object> operation(Map<String, Object> document, String path, String method) {
        return JsonTree.object(
                JsonTree.object(JsonTree.object(document.get("paths")).get(path))
                        .get(method));
    }

    private static Map<String, Object> document(String blueprint) {
        return JsonTree.read(classes().resolve(ApiDocumentation.documentOf(blueprint)));
    }

    private static Path classes() {
        try (InputStream marker =
                OpenApiDocumentsTest.class.getResourceAsStream("/" + ApiDocumentation.FOLDER + "base.json")) {
            assertThat(marker)
                    .as("the build writes the documents before the tests")
                    .isNotNull();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Path.of("target/classes");
    }
}
