package dev.cairn.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.HandlerFixture;
import dev.cairn.api.LocalDynamoDb;
import dev.cairn.api.auth.TokenIssuer;
import dev.cairn.api.revalidation.ContentChange;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Tables;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The photo portfolio through the real Lambda handler, on DynamoDB Local: anyone reads published
 * projects, photos and pages, cacheably; only admins see drafts and write; writes are conditional
 * and tell the caches what changed.
 */
class PortfolioApiTest {
    private static LocalDynamoDb dynamoDb;
    private static TokenIssuer issuer;
    private static HandlerFixture api;
    private static JsonMapper json;
    private static RecordedContentChanges changes;
    private static TestImages images;
    private static String admin;
    private static String member;

    @BeforeAll
    static void start() throws Exception {
        dynamoDb = new LocalDynamoDb();
        issuer = new TokenIssuer();
        Map<String, Object> properties = new HashMap<>(dynamoDb.create(Blueprints.PHOTO_PORTFOLIO.allTables()));
        properties.put("cairn.blueprint", Blueprints.PHOTO_PORTFOLIO.name());
        properties.put("cairn.auth.issuer", issuer.issuer());
        properties.put("cairn.media.bucket", "media");
        properties.put("cairn.media.base-url", "https://cdn.example/media");
        properties.put("cairn.signing.secret", "a-signing-secret-of-at-least-thirty-two-chars");
        properties.put(RecordedContentChanges.PROPERTY, "true");
        properties.put(TestImages.PROPERTY, "true");
        api = new HandlerFixture(properties);
        json = api.context().getBean(JsonMapper.class);
        changes = api.context().getBean(RecordedContentChanges.class);
        images = api.context().getBean(TestImages.class);
        admin = issuer.accessToken("admin-1", c -> c.claim("cognito:groups", List.of("admin")));
        member = issuer.accessToken("member-1");
    }

    @AfterAll
    static void stop() throws IOException {
        api.close();
        issuer.close();
        dynamoDb.close();
    }

    @BeforeEach
    void forgetChanges() {
        changes.clear();
    }

    @Test
    void aCategoryListsItsPublishedProjectsByOrderAndAllCategoriesComeInTheBlueprintsOrder() {
        String second = create("brand-marketing", "Brand two", 2, true);
        String first = create("brand-marketing", "Brand one", 1, true);
        String third = create("brand-marketing", "Brand three", 3, true);
        String draft = create("brand-marketing", "Brand draft", 0, false);
        String interiors = create("interiors", "A kitchen", 7, true);

        List<String> brand = ids(data(ok(get("/api/projects", Map.of("category", "brand-marketing"), null))));
        assertThat(brand).containsExactly(first, second, third).doesNotContain(draft);

        List<String> all = ids(data(ok(get("/api/projects", Map.of(), null))));
        assertThat(all).containsSubsequence(interiors, first, second, third).doesNotContain(draft);

        // Without an order, a project goes after the category's last.
        JsonNode appended =
                data(created(send("POST", "/api/projects", project("brand-marketing", "Late", null, true), admin)));
        assertThat(appended.get("order").getIntValue()).isEqualTo(4);
    }

    @Test
    void anUnknownCategoryIsRefused() {
        APIGatewayV2HTTPResponse list = get("/api/projects", Map.of("category", "weddings"), null);
        assertThat(list.getStatusCode()).isEqualTo(400);
        assertThat(list.getBody()).contains("VALIDATION_ERROR").contains("\"field\":\"category\"");
        assertThat(header(list, "Cache-Control")).isEqualTo("no-store");

        APIGatewayV2HTTPResponse write = send("POST", "/api/projects", project("weddings", "Nope", 1, true), admin);
        assertThat(write.getStatusCode()).isEqualTo(400);
        assertThat(write.getBody()).contains("PROJECT_VALIDATION_ERROR").contains("category");
    }

    @Test
    void draftsAreInvisibleToThePublicAndShownToAdminsWhoAskForThem() {
        String draft = create("travel", "Secret trip", 50, false);

        assertThat(ids(data(ok(get("/api/projects", Map.of("category", "travel"), null)))))
                .doesNotContain(draft);
        assertThat(get("/api/projects/" + draft, Map.of(), null).getStatusCode())
                .isEqualTo(404);
        assertThat(get("/api/projects/" + draft + "/photos", Map.of(), null).getStatusCode())
                .isEqualTo(404);
        // A token without drafts=true changes nothing: the answer is the public one.
        assertThat(ids(data(ok(get("/api/projects", Map.of("category", "travel"), admin)))))
                .doesNotContain(draft);
        assertThat(get("/api/projects/" + draft, Map.of(), admin).getStatusCode())
                .isEqualTo(404);

        APIGatewayV2HTTPResponse anonymous = get("/api/projects", Map.of("drafts", "true"), null);
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(anonymous.getBody()).contains("AUTH_UNAUTHORIZED");
        assertThat(header(anonymous, "Cache-Control")).isEqualTo("no-store");
        APIGatewayV2HTTPResponse notAdmin = get("/api/projects/" + draft, Map.of("drafts", "true"), member);
        assertThat(notAdmin.getStatusCode()).isEqualTo(403);
        assertThat(notAdmin.getBody()).contains("AUTH_FORBIDDEN");

        APIGatewayV2HTTPResponse drafts =
                ok(get("/api/projects", Map.of("category", "travel", "drafts", "true"), admin));
        assertThat(ids(data(drafts))).contains(draft);
        assertThat(header(drafts, "Cache-Control")).isEqualTo("private, no-store");
        APIGatewayV2HTTPResponse one = ok(get("/api/projects/" + draft, Map.of("drafts", "true"), admin));
        assertThat(data(one).get("published").getBooleanValue()).isFalse();
        assertThat(header(one, "Cache-Control")).isEqualTo("private, no-store");

        send("PATCH", "/api/projects/" + draft, "{\"published\":true}", admin);
        assertThat(ids(data(ok(get("/api/projects", Map.of("category", "travel"), null)))))
                .contains(draft);
    }

    @Test
    void onlyAdminsWrite() {
        String id = create("interiors", "Guarded", 9, true);
        changes.clear();
        String body = project("interiors", "Taken", 1, true);
        for (String[] route : new String[][] {
            {"POST", "/api/projects", body},
            {"PUT", "/api/projects/" + id, body},
            {"PATCH", "/api/projects/" + id, "{\"title\":\"Taken\"}"},
            {"DELETE", "/api/projects/" + id, null},
            {"POST", "/api/projects/" + id + "/photos", "{\"imageId\":\"" + images.upload("member-1") + "\"}"},
            {"PUT", "/api/projects/" + id + "/photos/order", "{\"photoIds\":[]}"},
            {"PUT", "/api/pages/about", "{\"content\":{}}"}
        }) {
            APIGatewayV2HTTPResponse anonymous = send(route[0], route[1], route[2], (String) null);
            assertThat(anonymous.getStatusCode()).as(route[0] + " " + route[1]).isEqualTo(401);
            APIGatewayV2HTTPResponse signedIn = send(route[0], route[1], route[2], member);
            assertThat(signedIn.getStatusCode()).as(route[0] + " " + route[1]).isEqualTo(403);
            assertThat(signedIn.getBody()).contains("AUTH_FORBIDDEN");
        }
        assertThat(data(ok(get("/api/projects/" + id, Map.of(), null)))
                        .get("title")
                        .getStringValue())
                .isEqualTo("Guarded");
        assertThat(changes.all()).isEmpty();
    }

    @Test
    void aStaleVersionIsAConflict() {
        String id = create("interiors", "Versioned", 10, true);
        JsonNode patched =
                data(ok(send("PATCH", "/api/projects/" + id, "{\"title\":\"Second\",\"version\":1}", admin)));
        assertThat(patched.get("version").getLongValue()).isEqualTo(2);

        APIGatewayV2HTTPResponse stale = send(
                "PUT",
                "/api/projects/" + id,
                project("interiors", "Lost", 10, true).replace("}", ",\"version\":1}"),
                admin);
        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(stale.getBody()).contains("\"code\":\"CONFLICT\"");
        APIGatewayV2HTTPResponse staleTag = sendWith(
                "DELETE", "/api/projects/" + id, null, Map.of("authorization", "Bearer " + admin, "if-match", "\"1\""));
        assertThat(staleTag.getStatusCode()).isEqualTo(409);
        APIGatewayV2HTTPResponse current = sendWith(
                "PATCH",
                "/api/projects/" + id,
                "{\"title\":\"Third\"}",
                Map.of(
                        "authorization",
                        "Bearer " + admin,
                        "if-match",
                        "\"2\"",
                        "content-type",
                        "application/merge-patch+json"));
        assertThat(data(ok(current)).get("title").getStringValue()).isEqualTo("Third");
        assertThat(header(current, "ETag")).isEqualTo("\"3\"");
    }

    @Test
    void photosShowTheirVariantsAndReorderAllAtOnceOrNotAtAll() {
        String id = create("travel", "Lisbon", 20, true);
        List<String> photos = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode photo = data(created(send(
                    "POST",
                    "/api/projects/" + id + "/photos",
                    "{\"imageId\":\"" + images.upload("admin-1") + "\",\"altText\":\"Tram " + i + "\"}",
                    admin)));
            assertThat(photo.get("order").getIntValue()).isEqualTo(i + 1);
            photos.add(photo.get("id").getStringValue());
        }
        APIGatewayV2HTTPResponse listed = ok(get("/api/projects/" + id + "/photos", Map.of(), null));
        assertThat(ids(data(listed))).containsExactlyElementsOf(photos);
        JsonNode first = data(listed).values().iterator().next();
        assertThat(first.get("variants").size()).isEqualTo(6);
        assertThat(first.get("placeholder").get("color").getStringValue()).isEqualTo("#336699");
        assertThat(listed.getBody()).doesNotContain("original");

        // Someone else's image is not the admin's to add.
        APIGatewayV2HTTPResponse foreign = send(
                "POST",
                "/api/projects/" + id + "/photos",
                "{\"imageId\":\"" + images.upload("member-1") + "\"}",
                admin);
        assertThat(foreign.getStatusCode()).isEqualTo(400);

        List<String> reversed = List.of(photos.get(2), photos.get(1), photos.get(0));
        for (List<String> bad : List.of(
                List.of(photos.get(2), photos.get(1)),
                List.of(photos.get(2), photos.get(1), photos.get(0), "01890000-0000-7000-8000-000000000000"),
                List.of(photos.get(2), photos.get(2), photos.get(0)))) {
            APIGatewayV2HTTPResponse refused = send("PUT", "/api/projects/" + id + "/photos/order", order(bad), admin);
            assertThat(refused.getStatusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.getBody()).contains("photoIds");
            assertThat(ids(data(ok(get("/api/projects/" + id + "/photos", Map.of(), null)))))
                    .containsExactlyElementsOf(photos);
        }
        // The project's creation and its three photos; nothing refused.
        assertThat(changes.all()).hasSize(4);

        // A reorder naming a version the project has left behind changes nothing either.
        APIGatewayV2HTTPResponse stale = sendWith(
                "PUT",
                "/api/projects/" + id + "/photos/order",
                order(reversed),
                Map.of("authorization", "Bearer " + admin, "if-match", "\"1\""));
        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(ids(data(ok(get("/api/projects/" + id + "/photos", Map.of(), null)))))
                .containsExactlyElementsOf(photos);

        JsonNode reordered = data(ok(send("PUT", "/api/projects/" + id + "/photos/order", order(reversed), admin)));
        assertThat(ids(reordered)).containsExactlyElementsOf(reversed);
        JsonNode project = data(ok(get("/api/projects/" + id, Map.of(), null)));
        assertThat(ids(project.get("photos"))).containsExactlyElementsOf(reversed);
        assertThat(project.get("version").getLongValue()).isEqualTo(5);
        List<String> keys = dynamoDb
                .client()
                .query(r -> r.tableName("test-" + Tables.PHOTOS.name())
                        .keyConditionExpression("projectId = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(id))))
                .items()
                .stream()
                .map(item -> item.get("orderPhoto").s())
                .toList();
        assertThat(keys)
                .containsExactly("000001#" + reversed.get(0), "000002#" + reversed.get(1), "000003#" + reversed.get(2));

        JsonNode described = data(ok(send(
                "PATCH",
                "/api/projects/" + id + "/photos/" + photos.get(1),
                "{\"altText\":\"A yellow tram\"}",
                admin)));
        assertThat(described.get("altText").getStringValue()).isEqualTo("A yellow tram");
    }

    @Test
    void aProjectHoldsAtMostFortyEightPhotos() {
        String id = create("travel", "Full", 30, true);
        IntStream.range(0, Portfolio.MAX_PHOTOS)
                .forEach(i -> created(send(
                        "POST",
                        "/api/projects/" + id + "/photos",
                        "{\"imageId\":\"" + images.upload("admin-1") + "\"}",
                        admin)));
        APIGatewayV2HTTPResponse refused = send(
                "POST", "/api/projects/" + id + "/photos", "{\"imageId\":\"" + images.upload("admin-1") + "\"}", admin);
        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getBody()).contains("RATE_LIMITED");
        assertThat(data(ok(get("/api/projects/" + id + "/photos", Map.of(), null)))
                        .size())
                .isEqualTo(Portfolio.MAX_PHOTOS);
        // The largest reorder still fits one transaction.
        List<String> ids = new ArrayList<>(ids(data(ok(get("/api/projects/" + id + "/photos", Map.of(), null)))));
        java.util.Collections.reverse(ids);
        assertThat(ids(data(ok(send("PUT", "/api/projects/" + id + "/photos/order", order(ids), admin)))))
                .containsExactlyElementsOf(ids);
    }

    @Test
    void deletingAProjectDeletesItsPhotosAndTheirMedia() {
        String id = create("interiors", "Gone", 40, true);
        String kept = create("interiors", "Kept", 41, true);
        String image1 = images.upload("admin-1");
        String image2 = images.upload("admin-1");
        String photo1 = data(created(
                        send("POST", "/api/projects/" + id + "/photos", "{\"imageId\":\"" + image1 + "\"}", admin)))
                .get("id")
                .getStringValue();
        created(send("POST", "/api/projects/" + id + "/photos", "{\"imageId\":\"" + image2 + "\"}", admin));
        send("PATCH", "/api/projects/" + id, "{\"coverPhotoId\":\"" + photo1 + "\"}", admin);
        APIGatewayV2HTTPResponse badCover =
                send("PATCH", "/api/projects/" + kept, "{\"coverPhotoId\":\"" + photo1 + "\"}", admin);
        assertThat(badCover.getStatusCode()).isEqualTo(400);

        APIGatewayV2HTTPResponse deleted = send("DELETE", "/api/projects/" + id, null, admin);
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(get("/api/projects/" + id, Map.of(), null).getStatusCode()).isEqualTo(404);
        assertThat(dynamoDb.client()
                        .query(r -> r.tableName("test-" + Tables.PHOTOS.name())
                                .keyConditionExpression("projectId = :p")
                                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(id))))
                        .count())
                .isZero();
        assertThat(images.deleted()).contains("admin-1/" + image1, "admin-1/" + image2);
        assertThat(changes.all().getLast().tags()).contains("project:" + id, "projects:interiors");
    }

    @Test
    void deletingAPhotoDeletesItsMediaAndClearsTheCover() {
        String id = create("travel", "Cover", 60, true);
        String image = images.upload("admin-1");
        String photo = data(created(
                        send("POST", "/api/projects/" + id + "/photos", "{\"imageId\":\"" + image + "\"}", admin)))
                .get("id")
                .getStringValue();
        ok(send("PATCH", "/api/projects/" + id, "{\"coverPhotoId\":\"" + photo + "\"}", admin));
        assertThat(send("DELETE", "/api/projects/" + id + "/photos/" + photo, null, admin)
                        .getStatusCode())
                .isEqualTo(204);
        JsonNode project = data(ok(get("/api/projects/" + id, Map.of(), null)));
        assertThat(project.get("coverPhotoId")).isNull();
        assertThat(project.get("photos").size()).isZero();
        assertThat(images.deleted()).contains("admin-1/" + image);
    }

    @Test
    void publicReadsAreCacheableWithETagsAnd304() {
        String id = create("interiors", "Cached", 70, true);
        APIGatewayV2HTTPResponse first = ok(get("/api/projects/" + id, Map.of(), null));
        assertThat(header(first, "Cache-Control")).isEqualTo("public, max-age=60, stale-while-revalidate=300");
        assertThat(header(first, "ETag")).isEqualTo("\"1\"");
        APIGatewayV2HTTPResponse same = getWith("/api/projects/" + id, Map.of(), Map.of("if-none-match", "\"1\""));
        assertThat(same.getStatusCode()).isEqualTo(304);
        assertThat(same.getBody()).isNullOrEmpty();
        assertThat(header(same, "ETag")).isEqualTo("\"1\"");

        APIGatewayV2HTTPResponse list = ok(get("/api/projects", Map.of("category", "interiors"), null));
        String listTag = header(list, "ETag");
        assertThat(listTag).startsWith("\"").endsWith("\"").hasSizeGreaterThan(10);
        assertThat(header(list, "Cache-Control")).isEqualTo("public, max-age=60, stale-while-revalidate=300");
        assertThat(getWith("/api/projects", Map.of("category", "interiors"), Map.of("if-none-match", listTag))
                        .getStatusCode())
                .isEqualTo(304);

        ok(send("PATCH", "/api/projects/" + id, "{\"title\":\"Cached again\"}", admin));
        APIGatewayV2HTTPResponse changed = getWith("/api/projects/" + id, Map.of(), Map.of("if-none-match", "\"1\""));
        assertThat(changed.getStatusCode()).isEqualTo(200);
        assertThat(header(changed, "ETag")).isEqualTo("\"2\"");
        assertThat(header(ok(get("/api/projects", Map.of("category", "interiors"), null)), "ETag"))
                .isNotEqualTo(listTag);

        APIGatewayV2HTTPResponse missing = get("/api/projects/01890000-0000-7000-8000-000000000000", Map.of(), null);
        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(missing.getBody()).contains("PROJECT_NOT_FOUND");
        assertThat(header(missing, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void pagesAreTheBlueprintsAndTheirContentIsBounded() {
        assertThat(get("/api/pages/personal-branding", Map.of(), null).getStatusCode())
                .isEqualTo(404);
        APIGatewayV2HTTPResponse unknown = get("/api/pages/blog", Map.of(), null);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("PAGE_NOT_FOUND");
        assertThat(send("PUT", "/api/pages/blog", "{\"content\":{}}", admin).getStatusCode())
                .isEqualTo(404);

        String image = images.upload("admin-1");
        JsonNode written = data(ok(send(
                "PUT",
                "/api/pages/about",
                "{\"content\":{\"heading\":\"Hello\",\"blocks\":[1,2]},\"photos\":[\"" + image + "\"]}",
                admin)));
        assertThat(written.get("version").getLongValue()).isEqualTo(1);
        assertThat(changes.all())
                .containsExactly(
                        new ContentChange(List.of("/api/pages/about"), List.of("/about"), List.of("page:about")));

        APIGatewayV2HTTPResponse read = ok(get("/api/pages/about", Map.of(), null));
        assertThat(data(read).get("content").get("heading").getStringValue()).isEqualTo("Hello");
        assertThat(data(read)
                        .get("photos")
                        .values()
                        .iterator()
                        .next()
                        .get("variants")
                        .size())
                .isEqualTo(6);
        assertThat(header(read, "ETag")).isEqualTo("\"1\"");
        assertThat(getWith("/api/pages/about", Map.of(), Map.of("if-none-match", "\"1\""))
                        .getStatusCode())
                .isEqualTo(304);

        String big = "x".repeat(Portfolio.MAX_PAGE_CONTENT_BYTES);
        APIGatewayV2HTTPResponse tooBig =
                send("PUT", "/api/pages/about", "{\"content\":{\"text\":\"" + big + "\"}}", admin);
        assertThat(tooBig.getStatusCode()).isEqualTo(400);
        assertThat(tooBig.getBody()).contains("PAGE_VALIDATION_ERROR").contains("\"field\":\"content\"");
        assertThat(send("PUT", "/api/pages/about", "{\"content\":{},\"version\":0}", admin)
                        .getStatusCode())
                .isEqualTo(409);

        changes.clear();
        ok(send("PUT", "/api/pages/home", "{\"content\":{\"hero\":\"Welcome\"}}", admin));
        assertThat(changes.all())
                .containsExactly(new ContentChange(List.of("/api/pages/home"), List.of("/"), List.of("page:home")));
    }

    @Test
    void everyProjectWriteTellsTheCachesWhatChanged() {
        String id = create("interiors", "Moving", 80, true);
        assertThat(changes.all())
                .containsExactly(new ContentChange(
                        List.of("/api/projects*"),
                        List.of("/", "/work/interiors", "/projects/" + id),
                        List.of("projects", "projects:interiors", "project:" + id)));
        changes.clear();

        ok(send("PATCH", "/api/projects/" + id, "{\"category\":\"travel\"}", admin));
        assertThat(changes.all())
                .containsExactly(new ContentChange(
                        List.of("/api/projects*"),
                        List.of("/", "/work/interiors", "/work/travel", "/projects/" + id),
                        List.of("projects", "projects:interiors", "projects:travel", "project:" + id)));

        changes.clear();
        created(send(
                "POST",
                "/api/projects/" + id + "/photos",
                "{\"imageId\":\"" + images.upload("admin-1") + "\"}",
                admin));
        assertThat(changes.all()).hasSize(1);
        assertThat(changes.all().getFirst().tags()).containsExactly("projects", "projects:travel", "project:" + id);

        changes.clear();
        assertThat(send("PATCH", "/api/projects/" + id, "{\"version\":1,\"title\":\"x\"}", admin)
                        .getStatusCode())
                .isEqualTo(409);
        assertThat(changes.all()).isEmpty();
    }

    private static String create(String category, String title, Integer order, boolean published) {
        return data(created(send("POST", "/api/projects", project(category, title, order, published), admin)))
                .get("id")
                .getStringValue();
    }

    private static String project(String category, String title, Integer order, boolean published) {
        return "{\"category\":\"" + category + "\",\"title\":\"" + title + "\","
                + (order == null ? "" : "\"order\":" + order + ",")
                + "\"published\":" + published + "}";
    }

    private static String order(List<String> ids) {
        return "{\"photoIds\":["
                + String.join(",", ids.stream().map(i -> "\"" + i + "\"").toList()) + "]}";
    }

    private static APIGatewayV2HTTPResponse get(String path, Map<String, String> query, String token) {
        return api.send(
                "GET", path, query, null, token == null ? Map.of() : Map.of("authorization", "Bearer " + token));
    }

    private static APIGatewayV2HTTPResponse getWith(
            String path, Map<String, String> query, Map<String, String> headers) {
        return api.send("GET", path, query, null, headers);
    }

    private static APIGatewayV2HTTPResponse send(String method, String path, String body, String token) {
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        return sendWith(method, path, body, headers);
    }

    private static APIGatewayV2HTTPResponse sendWith(
            String method, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        if (body != null) {
            all.putIfAbsent("content-type", "application/json");
        }
        return api.send(method, path, Map.of(), body, all);
    }

    private static APIGatewayV2HTTPResponse ok(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return response;
    }

    private static APIGatewayV2HTTPResponse created(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return response;
    }

    private static JsonNode data(APIGatewayV2HTTPResponse response) {
        try {
            return json.readValue(response.getBody(), JsonNode.class).get("data");
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.values().forEach(item -> ids.add(item.get("id").getStringValue()));
        return ids;
    }

    private static String header(APIGatewayV2HTTPResponse response, String name) {
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
        }
        if (response.getMultiValueHeaders() != null) {
            for (Map.Entry<String, List<String>> header :
                    response.getMultiValueHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().getFirst();
                }
            }
        }
        return null;
    }
}
