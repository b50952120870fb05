package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.Accounts.Account;
import dev.cairn.endtoend.ApiClient.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The photo portfolio's API as its journeys use it: projects, photos and pages written by an admin
 * and read by anyone. Projects are the site's, not a user's, so every test sees the others' too:
 * assertions on a list look at the test's own items in it ({@link #only}).
 */
final class Portfolio {
    /** The blueprint's categories, in its order. */
    static final List<String> CATEGORIES = List.of("interiors", "travel", "brand-marketing");

    static final String PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=300";
    static final String PRIVATE_CACHE = "private, no-store";

    private Portfolio() {}

    /** A project's fields for a create. */
    static Map<String, Object> project(String category, String title, Integer order, boolean published) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("category", category);
        project.put("title", title);
        project.put("description", "About " + title);
        if (order != null) {
            project.put("order", order);
        }
        project.put("published", published);
        return project;
    }

    /** Creates a project as {@code admin}; answers it as the API describes it. */
    static Map<String, Object> create(ApiClient api, Account admin, Map<String, Object> project) {
        Reply created = api.post("/api/projects", project, admin.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.data();
    }

    /** Uploads a photo through the media flow as {@code admin}, then adds it to the project. */
    static Map<String, Object> addPhoto(ApiClient api, Account admin, String projectId, String altText, byte[] jpeg)
            throws Exception {
        String imageId = (String) Uploads.image(api, admin, altText.replace(' ', '-') + ".jpg", "image/jpeg", jpeg)
                .get("imageId");
        Reply added = api.post(
                "/api/projects/" + projectId + "/photos",
                Map.of("imageId", imageId, "altText", altText),
                admin.accessToken());
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        Map<String, Object> photo = new LinkedHashMap<>(added.data());
        photo.put("imageId", imageId);
        return photo;
    }

    /**
     * The items of a list answer: its {@code data} is the list, or a page {@code {items,
     * nextCursor}}.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        Object data = reply.body().get("data");
        if (data instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        return (List<Map<String, Object>>) ((Map<String, Object>) data).get("items");
    }

    static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get("id")).toList();
    }

    /** The ids of {@code items} that are among {@code mine}, in the list's order. */
    static List<String> only(List<Map<String, Object>> items, List<String> mine) {
        return ids(items).stream().filter(mine::contains).toList();
    }

    /** The photos of a project, as anyone reads them. */
    static List<Map<String, Object>> photos(ApiClient api, String projectId) {
        return items(api.get("/api/projects/" + projectId + "/photos", null));
    }

    static String header(Reply reply, String name) {
        return reply.raw().headers().firstValue(name).orElse(null);
    }

    /** A read with {@code If-None-Match}. */
    static Reply conditional(ApiClient api, String path, String etag, String token) {
        return api.send("GET", path, null, token, Map.of("If-None-Match", etag));
    }

    /** Waits until the photos of a project answer their variants (made in the background). */
    static List<Map<String, Object>> awaitVariants(ApiClient api, String projectId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            List<Map<String, Object>> photos = photos(api, projectId);
            if (photos.stream().allMatch(p -> p.get("variants") instanceof List<?> v && !v.isEmpty())) {
                return photos;
            }
            assertThat(System.currentTimeMillis())
                    .as("variants of the photos of " + projectId + " in time")
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
