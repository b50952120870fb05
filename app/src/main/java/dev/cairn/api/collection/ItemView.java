package dev.cairn.api.collection;

import static dev.cairn.api.collection.StoredItem.CREATED_AT;
import static dev.cairn.api.collection.StoredItem.UPDATED_AT;
import static dev.cairn.api.collection.StoredItem.VERSION;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a client sees of a stored item: {@code id} (and the id attribute) first, then its fields in
 * name order, then the managed attributes, the version and the timestamps; as the resource's
 * {@link ItemHooks} extend it. Attached images show without their object keys, with CDN URLs, in
 * their order; the derived list-order attribute does not show.
 */
final class ItemView {
    private final OwnedCollection<?> collection;
    private final ImageAttachments images;
    private final ItemHooks hooks;
    private final Set<String> serverAttributes;

    ItemView(OwnedCollection<?> collection, ImageAttachments images, ItemHooks hooks) {
        this.collection = collection;
        this.images = images;
        this.hooks = hooks;
        this.serverAttributes = StoredItem.serverAttributes(collection);
    }

    /** The item as its owner sees it. */
    JsonNode of(Map<String, AttributeValue> item) {
        Map<String, JsonNode> view = new LinkedHashMap<>();
        String id = item.get(collection.idAttribute()).s();
        view.put("id", JsonNode.createStringNode(id));
        view.put(collection.idAttribute(), JsonNode.createStringNode(id));
        clientFields(item, true).entries().forEach(e -> view.put(e.getKey(), e.getValue()));
        for (String managed : collection.managed()) {
            if (item.containsKey(managed)) {
                view.put(managed, ItemCodec.toJson(item.get(managed)));
            }
        }
        view.put(VERSION, JsonNode.createNumberNode(StoredItem.version(item)));
        view.put(CREATED_AT, JsonNode.createStringNode(item.get(CREATED_AT).s()));
        view.put(UPDATED_AT, JsonNode.createStringNode(item.get(UPDATED_AT).s()));
        return hooks.view(JsonNode.createObjectNode(view));
    }

    /**
     * The fields a client writes, as stored, in name order: images as references without their
     * object keys, in their order, and with their CDN URLs if {@code withUrls} (for a view; a merge
     * patch applies to them without).
     */
    JsonNode clientFields(Map<String, AttributeValue> item, boolean withUrls) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        OwnedCollection.ListOrder order = collection.order();
        // DynamoDB returns attributes in no particular order; clients get them sorted, every time.
        new TreeMap<>(item).forEach((name, value) -> {
            if (serverAttributes.contains(name)
                    || collection.managed().contains(name)
                    || (order != null && name.equals(order.attribute()))) {
                return;
            }
            if (name.equals(collection.imagesAttribute()) && value.hasL()) {
                fields.put(name, JsonNode.createArrayNode(imageRefs(value, withUrls)));
                return;
            }
            fields.put(name, ItemCodec.toJson(value));
        });
        return JsonNode.createObjectNode(fields);
    }

    /** The ids of the images attached to a stored item. */
    List<String> attachedImageIds(Map<String, AttributeValue> item) {
        String attribute = collection.imagesAttribute();
        AttributeValue attached = attribute == null ? null : item.get(attribute);
        if (attached == null || !attached.hasL()) {
            return List.of();
        }
        return attached.l().stream()
                .filter(AttributeValue::hasM)
                .map(ref -> ref.m().get("id"))
                .filter(Objects::nonNull)
                .map(AttributeValue::s)
                .toList();
    }

    private List<JsonNode> imageRefs(AttributeValue attached, boolean withUrls) {
        List<JsonNode> refs = new ArrayList<>();
        for (AttributeValue ref : attached.l()) {
            Map<String, JsonNode> image = new LinkedHashMap<>();
            ref.m().forEach((k, v) -> {
                if (!k.equals("key") && !k.equals("thumbnailKey")) {
                    image.put(k, ItemCodec.toJson(v));
                }
            });
            if (withUrls) {
                image.put(
                        "url",
                        JsonNode.createStringNode(images.url(ref.m().get("key").s())));
                image.put(
                        "thumbnailUrl",
                        JsonNode.createStringNode(
                                images.url(ref.m().get("thumbnailKey").s())));
            }
            refs.add(JsonNode.createObjectNode(image));
        }
        refs.sort(Comparator.comparingInt(
                r -> r.get("order") == null ? Integer.MAX_VALUE : r.get("order").getIntValue()));
        return refs;
    }
}
