package dev.cairn.api.files;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.CollectionServices;
import dev.cairn.api.collection.ItemHooks;
import dev.cairn.api.collection.OwnedCollection;
import dev.cairn.api.storage.DocumentType;
import dev.cairn.api.storage.PrivateMedia;
import dev.cairn.api.storage.StorageUsage;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Tables;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 004's private files: the {@code files} table and the collection declared on it. Items are
 * created by completed uploads only; the stored object key never leaves the server, and every view
 * carries a download URL signed for five minutes instead.
 */
@Factory
@ServedBy(Feature.FILES)
public class PrivateFiles {
    static final String OBJECT_KEY = "objectKey";
    static final String FILE_NAME = "fileName";
    static final String CONTENT_TYPE = "contentType";
    static final String SIZE = "size";

    static final OwnedCollection<FileDetails> COLLECTION = OwnedCollection.of(
                    "file", "File", FileDetails.class, Tables.FILES)
            .filter(OwnedCollection.ListFilter.equalTo(CONTENT_TYPE))
            .managed(FILE_NAME)
            .managed(CONTENT_TYPE)
            .managed(SIZE)
            .managed(OBJECT_KEY)
            .build();

    @Singleton
    CollectionService<FileDetails> files(CollectionServices services, PrivateMedia media, StorageUsage usage) {
        return services.serve(COLLECTION, new ItemHooks() {
            @Override
            public JsonNode view(JsonNode view) {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                view.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
                JsonNode key = fields.remove(OBJECT_KEY);
                if (key != null && key.isString()) {
                    fields.put(
                            "url",
                            JsonNode.createStringNode(
                                    media.downloadUrl(key.getStringValue(), typeOf(view), name(view))));
                }
                return JsonNode.createObjectNode(fields);
            }

            @Override
            public void deleted(String owner, JsonNode stored) {
                JsonNode key = stored.get(OBJECT_KEY);
                if (key != null && key.isString()) {
                    media.delete(key.getStringValue());
                }
                JsonNode size = stored.get(SIZE);
                if (size != null && size.isNumber()) {
                    usage.release(owner, size.getLongValue());
                }
            }
        });
    }

    private static DocumentType typeOf(JsonNode view) {
        JsonNode type = view.get(CONTENT_TYPE);
        return DocumentType.ofMediaType(type == null ? null : type.getStringValue())
                .orElse(DocumentType.PDF);
    }

    private static String name(JsonNode view) {
        JsonNode name = view.get(FILE_NAME);
        return name == null ? "file" : name.getStringValue();
    }
}
