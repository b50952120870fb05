package dev.cairn.endtoend;

import static dev.cairn.endtoend.Portfolio.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.ApiClient.Reply;
import dev.cairn.local.SampleData;
import io.micronaut.json.JsonMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/dev --blueprint photo-portfolio} shows a populated portfolio: the samples, written
 * by the admin through the API, are projects in every category with generated photos, a draft,
 * and the pages.
 */
@StackBlueprint("photo-portfolio")
class PortfolioSamplesTest extends EndToEnd {

    @Test
    @SuppressWarnings("unchecked")
    void theSamplesAreAPublishedPortfolioWithPhotosADraftAndPages() throws Exception {
        List<Map<String, Object>> samples;
        try (InputStream in = SampleData.class.getResourceAsStream("/samples/photo-portfolio.json")) {
            Map<String, Object> file = stack.app().getBean(JsonMapper.class).readValue(in, Map.class);
            samples = (List<Map<String, Object>>) file.get("items");
        }

        SampleData.Seeded seeded = SampleData.seed(stack);

        assertThat(seeded.created())
                .containsExactly(Map.entry("projects", 7), Map.entry("photos", 12), Map.entry("pages", 3));
        assertThat(seeded.items()).isEqualTo(samples.size());
        assertThat(SampleData.seed(stack).existed()).isTrue();
        Reply login = api.post("/api/auth/login", Map.of("email", seeded.adminEmail(), "password", seeded.password()));
        String admin = login.text("accessToken");

        // What the file says: each project's title, category, whether published, its photos' alt texts.
        Map<String, Map<String, Object>> projects = new LinkedHashMap<>();
        Map<String, List<String>> altTexts = new LinkedHashMap<>();
        String last = null;
        for (Map<String, Object> sample : samples) {
            Map<String, Object> body = (Map<String, Object>) sample.get("body");
            if ("/api/projects".equals(sample.get("path"))) {
                last = (String) body.get("title");
                projects.put(last, body);
                altTexts.put(last, new ArrayList<>());
            } else if (((String) sample.get("path")).endsWith("/photos")) {
                altTexts.get(last).add((String) body.get("altText"));
            }
        }
        for (String category : Portfolio.CATEGORIES) {
            List<String> published = projects.values().stream()
                    .filter(p -> category.equals(p.get("category")) && Boolean.TRUE.equals(p.get("published")))
                    .map(p -> (String) p.get("title"))
                    .toList();
            assertThat(published).as(category).hasSize(2);
            List<Map<String, Object>> listed = items(api.get("/api/projects?category=" + category, null)).stream()
                    .filter(p -> projects.containsKey((String) p.get("title")))
                    .toList();
            assertThat(listed).extracting(p -> p.get("title")).as(category).containsExactlyElementsOf(published);
        }
        List<String> drafts = projects.values().stream()
                .filter(p -> !Boolean.TRUE.equals(p.get("published")))
                .map(p -> (String) p.get("title"))
                .toList();
        assertThat(drafts).hasSize(1);
        assertThat(items(api.get("/api/projects", null)))
                .extracting(p -> p.get("title"))
                .doesNotContainAnyElementsOf(drafts);
        List<Map<String, Object>> withDrafts = items(api.get("/api/projects?drafts=true", admin)).stream()
                .filter(p -> projects.containsKey((String) p.get("title")))
                .toList();
        assertThat(withDrafts).hasSize(7).extracting(p -> p.get("title")).containsAll(drafts);

        for (Map<String, Object> project : withDrafts) {
            String title = (String) project.get("title");
            Reply photos = api.get("/api/projects/" + project.get("id") + "/photos?drafts=true", admin);
            assertThat(items(photos))
                    .extracting(p -> p.get("altText"))
                    .as(title)
                    .containsExactlyElementsOf(altTexts.get(title));
            assertThat(items(photos))
                    .allSatisfy(p -> assertThat(p).containsEntry("width", 1600).containsEntry("height", 1067));
        }
        String first = (String) withDrafts.stream()
                .filter(p -> Boolean.TRUE.equals(p.get("published")))
                .findFirst()
                .orElseThrow()
                .get("id");
        assertThat(Portfolio.awaitVariants(api, first))
                .allSatisfy(p -> assertThat((List<Map<String, Object>>) p.get("variants"))
                        .extracting(v -> v.get("width") + " " + v.get("format"))
                        .contains("1280 image/jpeg", "1280 image/webp")
                        .doesNotContain("1920 image/jpeg"));

        for (Map<String, Object> sample : samples) {
            String path = (String) sample.get("path");
            if (path.startsWith("/api/pages/")) {
                Reply page = api.get(path, null);
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.data().get("content"))
                        .as(path)
                        .isEqualTo(((Map<String, Object>) sample.get("body")).get("content"));
            }
        }
    }
}
