package dev.cairn.endtoend;

import static dev.cairn.endtoend.Portfolio.PRIVATE_CACHE;
import static dev.cairn.endtoend.Portfolio.PUBLIC_CACHE;
import static dev.cairn.endtoend.Portfolio.addPhoto;
import static dev.cairn.endtoend.Portfolio.conditional;
import static dev.cairn.endtoend.Portfolio.create;
import static dev.cairn.endtoend.Portfolio.header;
import static dev.cairn.endtoend.Portfolio.ids;
import static dev.cairn.endtoend.Portfolio.items;
import static dev.cairn.endtoend.Portfolio.only;
import static dev.cairn.endtoend.Portfolio.photos;
import static dev.cairn.endtoend.Portfolio.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's journeys on the photo-portfolio blueprint: anyone reads the published projects by
 * category, with their photos' responsive variants, and the pages; only admins write, and every
 * write revalidates the front end through a signed hook.
 */
@StackBlueprint("photo-portfolio")
class PortfolioTest extends EndToEnd {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1067;

    private static Account admin;
    private static Account visitor;

    @BeforeAll
    static void accounts() throws InterruptedException {
        admin = Accounts.admin(stack, api, "Sofia");
        visitor = Accounts.signedIn(stack, api, "Visitor");
    }

    @Test
    void anyoneReadsThePublishedProjectsOfACategoryInOrder() {
        String third = (String)
                create(api, admin, project("interiors", "Third", 30, true)).get("id");
        String first = (String)
                create(api, admin, project("interiors", "First", 10, true)).get("id");
        String second = (String)
                create(api, admin, project("interiors", "Second", 20, true)).get("id");
        String hidden = (String)
                create(api, admin, project("interiors", "Hidden", 15, false)).get("id");
        String abroad = (String)
                create(api, admin, project("travel", "Abroad", 1, true)).get("id");
        List<String> mine = List.of(first, second, third, hidden, abroad);

        Reply interiors = api.get("/api/projects?category=interiors", null);

        List<Map<String, Object>> listed = items(interiors);
        assertThat(only(listed, mine)).containsExactly(first, second, third);
        assertThat(listed)
                .allSatisfy(p ->
                        assertThat(p).containsEntry("category", "interiors").containsEntry("published", true));
        assertThat(orders(listed)).isSorted();
        assertThat(listed.stream().filter(p -> first.equals(p.get("id"))).findFirst())
                .hasValueSatisfying(p -> assertThat(p)
                        .containsEntry("title", "First")
                        .containsEntry("description", "About First")
                        .containsEntry("order", 10)
                        .containsKeys("createdAt", "updatedAt", "version"));

        // Without a category: every category in the blueprint's order, each by order.
        List<Map<String, Object>> everything = items(api.get("/api/projects", null));
        assertThat(only(everything, mine)).containsExactly(first, second, third, abroad);
        List<Integer> categoryIndexes = everything.stream()
                .map(p -> Portfolio.CATEGORIES.indexOf((String) p.get("category")))
                .toList();
        assertThat(categoryIndexes).doesNotContain(-1).isSorted();
        for (String category : Portfolio.CATEGORIES) {
            assertThat(orders(everything.stream()
                            .filter(p -> category.equals(p.get("category")))
                            .toList()))
                    .as(category)
                    .isSorted();
        }

        Reply one = api.get("/api/projects/" + first, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.data()).containsEntry("id", first).containsEntry("photos", List.of());

        Reply unknown = api.get("/api/projects?category=weddings", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("PROJECT_VALIDATION_ERROR");
        assertThat(api.get("/api/projects/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsWriteAndVisitorsAreRefused() throws Exception {
        Map<String, Object> created = create(api, admin, project("travel", "Refusals", null, true));
        String id = (String) created.get("id");
        String path = "/api/projects/" + id;
        List<Request> writes = List.of(
                new Request("POST", "/api/projects", project("travel", "Sneaky", null, true)),
                new Request("PATCH", path, Map.of("title", "Defaced")),
                new Request("PUT", path, project("travel", "Defaced", 1, true)),
                new Request("DELETE", path, null),
                new Request(
                        "POST",
                        path + "/photos",
                        Map.of("imageId", UUID.randomUUID().toString(), "altText", "x")),
                new Request("PUT", path + "/photos/order", Map.of("photoIds", List.of())),
                new Request("PUT", "/api/pages/about", Map.of("content", Map.of("title", "Defaced"))));

        for (Request write : writes) {
            Reply anonymous = api.send(write.method(), write.path(), write.body(), null);
            assertThat(anonymous.status()).as("anonymous " + write).isEqualTo(401);
            Reply signedIn = api.send(write.method(), write.path(), write.body(), visitor.accessToken());
            assertThat(signedIn.status()).as("visitor " + write).isEqualTo(403);
            assertThat(signedIn.errorCode()).as("visitor " + write).isEqualTo("AUTH_FORBIDDEN");
        }

        Reply unchanged = api.get(path, null);
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.data())
                .containsEntry("title", "Refusals")
                .containsEntry("version", created.get("version"));
        assertThat(items(api.get("/api/projects?category=travel&drafts=true", admin.accessToken())))
                .extracting(p -> p.get("title"))
                .doesNotContain("Sneaky");
    }

    @Test
    void draftsAreTheAdminsOnly() {
        String draft = (String) create(api, admin, project("brand-marketing", "Draft", 5, false))
                .get("id");
        String path = "/api/projects/" + draft;

        assertThat(api.get(path, null).status()).isEqualTo(404);
        assertThat(api.get(path + "/photos", null).status()).isEqualTo(404);
        assertThat(ids(items(api.get("/api/projects?category=brand-marketing", null))))
                .doesNotContain(draft);
        // A token alone changes nothing: the answer is the public one, which the CDN shares.
        assertThat(api.get(path, admin.accessToken()).status()).isEqualTo(404);
        assertThat(ids(items(api.get("/api/projects?category=brand-marketing", admin.accessToken()))))
                .doesNotContain(draft);

        Reply asAdmin = api.get(path + "?drafts=true", admin.accessToken());
        assertThat(asAdmin.status()).as(asAdmin.body().toString()).isEqualTo(200);
        assertThat(asAdmin.data()).containsEntry("published", false);
        assertThat(header(asAdmin, "Cache-Control")).isEqualTo(PRIVATE_CACHE);
        Reply listed = api.get("/api/projects?category=brand-marketing&drafts=true", admin.accessToken());
        assertThat(ids(items(listed))).contains(draft);
        assertThat(header(listed, "Cache-Control")).isEqualTo(PRIVATE_CACHE);
        assertThat(api.get(path + "/photos?drafts=true", admin.accessToken()).status())
                .isEqualTo(200);

        Reply visitorDrafts = api.get(path + "?drafts=true", visitor.accessToken());
        assertThat(visitorDrafts.status()).isEqualTo(403);
        assertThat(visitorDrafts.errorCode()).isEqualTo("AUTH_FORBIDDEN");
        assertThat(api.get("/api/projects?drafts=true", visitor.accessToken()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/projects?drafts=true", null).status()).isEqualTo(401);
    }

    @Test
    void anAdminPublishesUploadsReordersAndDeletesAProjectWithItsMedia() throws Exception {
        Map<String, Object> created = create(api, admin, project("travel", "Azores", null, false));
        String id = (String) created.get("id");
        String path = "/api/projects/" + id;
        assertThat(created)
                .containsEntry("category", "travel")
                .containsEntry("published", false)
                .containsKeys("order", "createdAt", "updatedAt", "version");
        assertThat(created.get("coverPhotoId")).isNull();

        Map<String, Object> lake = addPhoto(api, admin, id, "Crater lake", TestImages.jpegWithGps(WIDTH, HEIGHT));
        Map<String, Object> road = addPhoto(api, admin, id, "Hydrangea road", TestImages.jpegWithGps(WIDTH, HEIGHT));
        Map<String, Object> harbour = addPhoto(api, admin, id, "Harbour", TestImages.jpegWithGps(WIDTH, HEIGHT));
        assertThat(lake).containsEntry("projectId", id).containsEntry("altText", "Crater lake");
        String p1 = (String) lake.get("id");
        String p2 = (String) road.get("id");
        String p3 = (String) harbour.get("id");

        Reply published = api.send("PATCH", path, Map.of("published", true, "coverPhotoId", p2), admin.accessToken());
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        assertThat(published.data()).containsEntry("published", true).containsEntry("coverPhotoId", p2);

        Reply read = api.get(path, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(ids(embeddedPhotos(read))).containsExactly(p1, p2, p3);
        assertThat(ids(items(api.get("/api/projects?category=travel", null)))).contains(id);

        Reply reordered =
                api.send("PUT", path + "/photos/order", Map.of("photoIds", List.of(p3, p1, p2)), admin.accessToken());
        assertThat(reordered.status()).as(reordered.body().toString()).isEqualTo(200);
        assertThat(ids(items(reordered))).containsExactly(p3, p1, p2);
        assertThat(ids(photos(api, id))).containsExactly(p3, p1, p2);
        assertThat(photos(api, id)).extracting(p -> p.get("order")).isSorted();

        for (List<String> bad : List.of(
                List.of(p3, p1),
                List.of(p3, p1, p2, p2),
                List.of(p3, p3, p1),
                List.of(p3, p1, UUID.randomUUID().toString()))) {
            Reply refused = api.send("PUT", path + "/photos/order", Map.of("photoIds", bad), admin.accessToken());
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.errorCode()).as(bad.toString()).isEqualTo("PHOTO_VALIDATION_ERROR");
            assertThat(ids(photos(api, id))).as("after " + bad).containsExactly(p3, p1, p2);
        }

        Reply alt = api.send(
                "PATCH", path + "/photos/" + p1, Map.of("altText", "Crater lake at dawn"), admin.accessToken());
        assertThat(alt.status()).as(alt.body().toString()).isEqualTo(200);
        assertThat(photos(api, id).get(1)).containsEntry("id", p1).containsEntry("altText", "Crater lake at dawn");
        Reply foreignCover =
                api.send("PATCH", path, Map.of("coverPhotoId", UUID.randomUUID().toString()), admin.accessToken());
        assertThat(foreignCover.status()).isEqualTo(400);

        Map<String, Object> stale = project("travel", "Azores again", 1, true);
        stale.put("version", created.get("version"));
        Reply conflict = api.send("PUT", path, stale, admin.accessToken());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(api.get(path, null).data()).containsEntry("title", "Azores");

        // Deleting the cover photo clears the cover; the photo's media go with it.
        List<Map<String, Object>> ready = Portfolio.awaitVariants(api, id);
        List<String> roadUrls = urls(
                ready.stream().filter(p -> p2.equals(p.get("id"))).findFirst().orElseThrow());
        assertThat(api.delete(path + "/photos/" + p2, admin.accessToken()).status())
                .isEqualTo(204);
        assertThat(ids(photos(api, id))).containsExactly(p3, p1);
        assertThat(api.get(path, null).data().get("coverPhotoId")).isNull();
        assertThat(api.get("/api/images/" + road.get("imageId"), admin.accessToken())
                        .status())
                .isEqualTo(404);
        for (String url : roadUrls) {
            assertThat(Uploads.fetch(url).statusCode()).as(url).isEqualTo(404);
        }

        List<String> urls = new ArrayList<>();
        ready.stream().filter(p -> !p2.equals(p.get("id"))).forEach(p -> urls.addAll(urls(p)));
        assertThat(urls).isNotEmpty();
        for (String url : urls) {
            assertThat(Uploads.fetch(url).statusCode()).as(url).isEqualTo(200);
        }

        assertThat(api.delete(path, admin.accessToken()).status()).isEqualTo(204);

        assertThat(api.get(path, null).status()).isEqualTo(404);
        assertThat(api.get(path + "?drafts=true", admin.accessToken()).status()).isEqualTo(404);
        assertThat(api.get(path + "/photos", null).status()).isEqualTo(404);
        assertThat(ids(items(api.get("/api/projects?category=travel", null)))).doesNotContain(id);
        for (Map<String, Object> photo : List.of(lake, harbour)) {
            assertThat(api.get("/api/images/" + photo.get("imageId"), admin.accessToken())
                            .status())
                    .isEqualTo(404);
            String prefix = "images/" + admin.userId() + "/" + photo.get("imageId") + "/";
            assertThat(StoredVersions.under(stack, prefix)).as(prefix).isEmpty();
        }
        for (String url : urls) {
            assertThat(Uploads.fetch(url).statusCode()).as(url).isEqualTo(404);
        }
    }

    @Test
    void photosAnswerJpegAndWebpVariantsAtEachWidthWithoutExifNorTheOriginal() throws Exception {
        String id = (String)
                create(api, admin, project("interiors", "Variants", 99, true)).get("id");
        byte[] jpeg = TestImages.jpegWithGps(WIDTH, HEIGHT);
        Map<String, Object> uploaded = Uploads.image(api, admin, "loft.jpg", "image/jpeg", jpeg);
        Reply added = api.post(
                "/api/projects/" + id + "/photos",
                Map.of("imageId", uploaded.get("imageId"), "altText", "Loft"),
                admin.accessToken());
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);

        Map<String, Object> photo = Portfolio.awaitVariants(api, id).getFirst();

        assertThat(photo)
                .containsEntry("id", added.text("id"))
                .containsEntry("projectId", id)
                .containsEntry("altText", "Loft")
                .containsEntry("width", WIDTH)
                .containsEntry("height", HEIGHT)
                .containsKeys("order", "placeholder", "variants");
        @SuppressWarnings("unchecked")
        Map<String, Object> placeholder = (Map<String, Object>) photo.get("placeholder");
        assertThat((String) placeholder.get("color")).matches("#[0-9a-f]{6}");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variants = (List<Map<String, Object>>) photo.get("variants");
        // 1600 wide: no 1920, never upscaled.
        assertThat(variants)
                .extracting(v -> v.get("width") + " " + v.get("format"))
                .containsExactlyInAnyOrder(
                        "320 image/jpeg",
                        "320 image/webp",
                        "640 image/jpeg",
                        "640 image/webp",
                        "1280 image/jpeg",
                        "1280 image/webp");
        for (Map<String, Object> variant : variants) {
            assertThat(variant).containsOnlyKeys("width", "height", "format", "url");
            int width = (Integer) variant.get("width");
            assertThat((Integer) variant.get("height")).isBetween(width * HEIGHT / WIDTH, width * HEIGHT / WIDTH + 1);
            String url = (String) variant.get("url");
            assertThat(url).startsWith(stack.baseUrl() + "/media/images/");
            HttpResponse<byte[]> served = Uploads.fetch(url);
            assertThat(served.statusCode()).as(url).isEqualTo(200);
            assertThat(served.headers().firstValue("content-type")).hasValue((String) variant.get("format"));
            BufferedImage decoded = TestImages.decode(served.body());
            assertThat(decoded.getWidth()).isEqualTo(width);
            assertThat(decoded.getHeight()).isEqualTo(variant.get("height"));
            assertThat(new String(served.body(), StandardCharsets.ISO_8859_1))
                    .doesNotContain(TestImages.GPS_MARKER)
                    .doesNotContain("Exif");
        }

        // The original stays private: never named in a photo, and not served on the media route.
        String original = (String) uploaded.get("imageUrl");
        String read = api.get("/api/projects/" + id, null).raw().body();
        assertThat(read).doesNotContain(original).doesNotContain("original.");
        assertThat(api.get("/api/projects/" + id + "/photos", null).raw().body())
                .doesNotContain(original)
                .doesNotContain("original.");
        assertThat(Uploads.fetch(original).statusCode()).isEqualTo(404);
    }

    @Test
    void publicReadsAreCacheableAndAnswerNotModified() {
        String id = (String) create(api, admin, project("brand-marketing", "Cached", 7, true))
                .get("id");
        String path = "/api/projects/" + id;

        Reply first = api.get(path, null);
        assertThat(header(first, "Cache-Control")).isEqualTo(PUBLIC_CACHE);
        String etag = header(first, "ETag");
        assertThat(etag).matches("\"[^\"]+\"");
        Reply notModified = conditional(api, path, etag, null);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.raw().body()).isEmpty();
        assertThat(header(notModified, "ETag")).isEqualTo(etag);
        // With a token but without drafts=true, the same public answer.
        Reply signedIn = api.get(path, admin.accessToken());
        assertThat(header(signedIn, "ETag")).isEqualTo(etag);
        assertThat(header(signedIn, "Cache-Control")).isEqualTo(PUBLIC_CACHE);

        for (String list : List.of("/api/projects?category=brand-marketing", "/api/projects", path + "/photos")) {
            Reply listed = api.get(list, null);
            assertThat(listed.status()).as(list).isEqualTo(200);
            assertThat(header(listed, "Cache-Control")).as(list).isEqualTo(PUBLIC_CACHE);
            String listEtag = header(listed, "ETag");
            assertThat(listEtag).as(list).matches("\"[^\"]+\"");
            assertThat(conditional(api, list, listEtag, null).status()).as(list).isEqualTo(304);
        }
        String listEtag = header(api.get("/api/projects?category=brand-marketing", null), "ETag");

        Reply renamed = api.send("PATCH", path, Map.of("title", "Cached, renamed"), admin.accessToken());
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);

        Reply changed = conditional(api, path, etag, null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.data()).containsEntry("title", "Cached, renamed");
        assertThat(header(changed, "ETag")).isNotEqualTo(etag);
        assertThat(conditional(api, "/api/projects?category=brand-marketing", listEtag, null)
                        .status())
                .isEqualTo(200);

        Reply missing = api.get("/api/projects/" + UUID.randomUUID(), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(header(missing, "Cache-Control")).contains("no-store");
    }

    @Test
    void anAdminEditsPagesThatAnyoneReads() {
        String nonce = UUID.randomUUID().toString();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "Personal branding");
        content.put("body", "Portraits for founders.");
        content.put("packages", List.of(Map.of("name", "Essential", "photos", 10)));
        content.put("nonce", nonce);

        Reply written =
                api.send("PUT", "/api/pages/personal-branding", Map.of("content", content), admin.accessToken());

        assertThat(written.status()).as(written.body().toString()).isIn(200, 201);
        Reply read = api.get("/api/pages/personal-branding", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data())
                .containsEntry("id", "personal-branding")
                .containsEntry("content", content)
                .containsKeys("updatedAt", "version");
        assertThat(header(read, "Cache-Control")).isEqualTo(PUBLIC_CACHE);
        String etag = header(read, "ETag");
        assertThat(conditional(api, "/api/pages/personal-branding", etag, null).status())
                .isEqualTo(304);

        Map<String, Object> changed = new LinkedHashMap<>(content);
        changed.put("body", "Portraits for founders and creatives.");
        Reply rewritten =
                api.send("PUT", "/api/pages/personal-branding", Map.of("content", changed), admin.accessToken());
        assertThat(rewritten.status()).as(rewritten.body().toString()).isIn(200, 201);
        Reply again = conditional(api, "/api/pages/personal-branding", etag, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data()).containsEntry("content", changed);

        assertThat(api.get("/api/pages/weddings", null).status()).isEqualTo(404);
        assertThat(api.send("PUT", "/api/pages/weddings", Map.of("content", content), admin.accessToken())
                        .status())
                .isEqualTo(404);
        Reply notAnObject = api.send("PUT", "/api/pages/about", Map.of("content", "just text"), admin.accessToken());
        assertThat(notAnObject.status()).isEqualTo(400);
        Reply tooLarge = api.send(
                "PUT",
                "/api/pages/about",
                Map.of("content", Map.of("body", "x".repeat(70 * 1024))),
                admin.accessToken());
        assertThat(tooLarge.status()).isIn(400, 413);
        assertThat(api.get("/api/pages/personal-branding", null).data()).containsEntry("content", changed);
    }

    @Test
    void everyAdminWriteRevalidatesTheSiteWithASignedHook() throws Exception {
        Map<String, Object> created = create(api, admin, project("interiors", "Revalidated", 40, true));
        String id = (String) created.get("id");
        String tag = "project:" + id;

        Revalidations.Hook onCreate = Revalidations.await(stack, tag);
        assertThat(onCreate.paths()).contains("/", "/work/interiors", "/projects/" + id);
        assertThat(onCreate.tags()).contains("projects", "projects:interiors", tag);
        assertSigned(onCreate);

        Reply moved = api.send("PATCH", "/api/projects/" + id, Map.of("category", "travel"), admin.accessToken());
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        Revalidations.Hook onMove =
                Revalidations.await(stack, tag, 1, hook -> hook.tags().contains("projects:travel"));
        assertThat(onMove.paths()).contains("/", "/work/interiors", "/work/travel", "/projects/" + id);
        assertThat(onMove.tags()).contains("projects", "projects:interiors", "projects:travel", tag);
        assertSigned(onMove);

        Map<String, Object> photo = addPhoto(api, admin, id, "Hooked", TestImages.jpegWithGps(640, 427));
        Revalidations.Hook onPhoto = Revalidations.await(stack, tag, 3, hook -> true);
        assertThat(onPhoto.paths()).contains("/work/travel", "/projects/" + id);
        assertSigned(onPhoto);

        // Refused writes change nothing and revalidate nothing.
        int delivered = Revalidations.tagged(stack, tag).size();
        assertThat(api.send("PATCH", "/api/projects/" + id, Map.of("title", "No"), visitor.accessToken())
                        .status())
                .isEqualTo(403);
        assertThat(api.send(
                                "PUT",
                                "/api/projects/" + id + "/photos/order",
                                Map.of("photoIds", List.of(photo.get("id"), photo.get("id"))),
                                admin.accessToken())
                        .status())
                .isEqualTo(400);

        int aboutBefore = Revalidations.tagged(stack, "page:about").size();
        int homeBefore = Revalidations.tagged(stack, "page:home").size();
        Reply page = api.send(
                "PUT",
                "/api/pages/about",
                Map.of("content", Map.of("title", "About", "body", "Hello")),
                admin.accessToken());
        assertThat(page.status()).as(page.body().toString()).isIn(200, 201);
        Revalidations.Hook onPage = Revalidations.await(stack, "page:about", aboutBefore + 1, hook -> true);
        assertThat(onPage.paths()).containsExactly("/about");
        assertThat(onPage.tags()).containsExactly("page:about");
        assertSigned(onPage);
        Reply home =
                api.send("PUT", "/api/pages/home", Map.of("content", Map.of("headline", "Hi")), admin.accessToken());
        assertThat(home.status()).as(home.body().toString()).isIn(200, 201);
        Revalidations.Hook onHome = Revalidations.await(stack, "page:home", homeBefore + 1, hook -> true);
        assertThat(onHome.paths()).containsExactly("/");
        assertSigned(onHome);
        assertThat(Revalidations.tagged(stack, tag))
                .as("hooks after refused writes")
                .hasSize(delivered);

        assertThat(api.delete("/api/projects/" + id, admin.accessToken()).status())
                .isEqualTo(204);
        Revalidations.Hook onDelete = Revalidations.await(stack, tag, delivered + 1, hook -> true);
        assertThat(onDelete.paths()).contains("/", "/work/travel", "/projects/" + id);
        assertSigned(onDelete);
    }

    private static void assertSigned(Revalidations.Hook hook) {
        assertThat(hook.signature()).matches("t=[0-9]+,v1=[0-9a-f]{64}");
        assertThat(hook.verified()).as("signature verified: " + hook).isTrue();
        assertThat(hook.receivedAt()).isNotBlank();
    }

    /** What a write sends. */
    private record Request(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> embeddedPhotos(Reply project) {
        return (List<Map<String, Object>>) project.data().get("photos");
    }

    private static List<Integer> orders(List<Map<String, Object>> projects) {
        return projects.stream().map(p -> ((Number) p.get("order")).intValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> urls(Map<String, Object> photo) {
        return ((List<Map<String, Object>>) photo.get("variants"))
                .stream().map(v -> (String) v.get("url")).toList();
    }
}
