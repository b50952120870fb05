package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemViewTest {
    private static final ImageAttachments CDN = new ImageAttachments() {
        @Override
        public Optional<StoredImage> find(String userId, String imageId) {
            return Optional.empty();
        }

        @Override
        public Optional<PublishedImage> published(String userId, String imageId) {
            return Optional.empty();
        }

        @Override
        public String url(String key) {
            return "https://cdn.example/" + key;
        }

        @Override
        public void delete(String userId, String imageId) {}
    };

    @Test
    void clientsSeeTheIdFirstThenFieldsInNameOrderThenManagedVersionAndTimes() {
        ItemView view = new ItemView(Thing.COLLECTION, CDN, ItemHooks.NONE);

        JsonNode seen = view.of(stored());

        assertThat(names(seen))
                .containsExactly(
                        "id", "thingId", "brand", "images", "name", "notes", "version", "createdAt", "updatedAt");
        assertThat(seen.get("id").getStringValue()).isEqualTo("0190-a");
        assertThat(seen.get("version").getLongValue()).isEqualTo(3);
        assertThat(seen.get("notes").values().iterator().next().get("text").getStringValue())
                .isEqualTo("set up");
    }

    @Test
    void imagesShowInTheirOrderWithUrlsAndNeverTheirObjectKeys() {
        ItemView view = new ItemView(Thing.COLLECTION, CDN, ItemHooks.NONE);

        List<JsonNode> images = new ArrayList<>();
        view.of(stored()).get("images").values().forEach(images::add);

        assertThat(images).extracting(i -> i.get("id").getStringValue()).containsExactly("img-2", "img-1");
        assertThat(names(images.getFirst())).containsExactly("id", "order", "url", "thumbnailUrl");
        assertThat(images.getFirst().get("url").getStringValue()).isEqualTo("https://cdn.example/u/img-2.jpg");
        assertThat(images.getFirst().get("thumbnailUrl").getStringValue())
                .isEqualTo("https://cdn.example/u/img-2-thumb.jpg");
        assertThat(view.attachedImageIds(stored())).containsExactly("img-1", "img-2");
    }

    @Test
    void theFieldsAMergePatchAppliesToHaveNoUrlsNorServerAttributes() {
        ItemView view = new ItemView(Thing.COLLECTION, CDN, ItemHooks.NONE);

        JsonNode fields = view.clientFields(stored(), false);

        assertThat(names(fields)).containsExactly("brand", "images", "name");
        assertThat(names(fields.get("images").values().iterator().next())).containsExactly("id", "order");
    }

    @Test
    void theDerivedListOrderDoesNotShowAndHooksHaveTheLastWord() {
        Map<String, AttributeValue> item = new LinkedHashMap<>(stored());
        item.remove("notes");
        item.put("listOrder", AttributeValue.fromS("Strat#0190-a"));
        ItemHooks hooks = new ItemHooks() {
            @Override
            public JsonNode view(JsonNode view) {
                Map<String, JsonNode> extended = new LinkedHashMap<>();
                view.entries().forEach(e -> extended.put(e.getKey(), e.getValue()));
                extended.put("extra", JsonNode.createBooleanNode(true));
                return JsonNode.createObjectNode(extended);
            }
        };

        JsonNode seen = new ItemView(Thing.ORDERED, CDN, hooks).of(item);

        assertThat(names(seen)).doesNotContain("listOrder").endsWith("updatedAt", "extra");
    }

    private static Map<String, AttributeValue> stored() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("version", AttributeValue.fromN("3"));
        item.put("name", AttributeValue.fromS("Strat"));
        item.put("userId", AttributeValue.fromS("user-1"));
        item.put("thingId", AttributeValue.fromS("0190-a"));
        item.put("updatedAt", AttributeValue.fromS("2026-01-02T00:00:00Z"));
        item.put("brand", AttributeValue.fromS("Fender"));
        item.put(
                "notes",
                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("text", AttributeValue.fromS("set up"))))));
        item.put("createdAt", AttributeValue.fromS("2026-01-01T00:00:00Z"));
        item.put("images", AttributeValue.fromL(List.of(image("img-1", 2), image("img-2", 1))));
        return item;
    }

    private static AttributeValue image(String id, int order) {
        Map<String, AttributeValue> ref = new LinkedHashMap<>();
        ref.put("id", AttributeValue.fromS(id));
        ref.put("key", AttributeValue.fromS("u/" + id + ".jpg"));
        ref.put("thumbnailKey", AttributeValue.fromS("u/" + id + "-thumb.jpg"));
        ref.put("order", AttributeValue.fromN(Integer.toString(order)));
        return AttributeValue.fromM(ref);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.entries().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
