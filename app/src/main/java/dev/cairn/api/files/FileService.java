package dev.cairn.api.files;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.data.Ids;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.storage.DocumentType;
import dev.cairn.api.storage.PrivateMedia;
import dev.cairn.api.storage.StorageUsage;
import dev.cairn.contract.Feature;
import dev.cairn.contract.MediaLayout;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Uploads of private files: the file's id is chosen with the upload URL and carried in the object
 * key, so completing the same upload twice cannot make two records of one object (the second is
 * 409), and a key is only accepted from the user whose id it carries.
 */
@Singleton
@ServedBy(Feature.FILES)
public class FileService {
    static final String RESOURCE = "file";
    static final String AREA = MediaLayout.FILES_AREA;
    static final long MAX_BYTES = 25L * 1024 * 1024;
    static final Set<DocumentType> ACCEPTED = EnumSet.allOf(DocumentType.class);

    private final CollectionService<FileDetails> files;
    private final PrivateMedia media;
    private final StorageUsage usage;

    FileService(CollectionService<FileDetails> files, PrivateMedia media, StorageUsage usage) {
        this.files = files;
        this.media = media;
        this.usage = usage;
    }

    public PrivateMedia.Upload uploadUrl(String userId, String fileName, String fileType, long fileSize) {
        if (fileSize <= MAX_BYTES) {
            usage.check(userId, fileSize);
        }
        return media.uploadUrl(RESOURCE, userId, AREA, Ids.newId(), fileName, fileType, fileSize, ACCEPTED, MAX_BYTES);
    }

    /** Checks the upload and records the file; answers the file as its owner sees it. */
    public JsonNode complete(String userId, String fileKey, @Nullable String title) {
        String fileId = media.idOf(userId, AREA, fileKey).orElseThrow(FileService::notFound);
        PrivateMedia.Document document = media.verify(RESOURCE, fileKey, ACCEPTED, MAX_BYTES);
        Map<String, JsonNode> details = new LinkedHashMap<>();
        details.put("title", JsonNode.createStringNode(title == null || title.isBlank() ? document.fileName() : title));
        Map<String, JsonNode> recorded = new LinkedHashMap<>();
        recorded.put(PrivateFiles.FILE_NAME, JsonNode.createStringNode(document.fileName()));
        recorded.put(
                PrivateFiles.CONTENT_TYPE,
                JsonNode.createStringNode(document.type().mediaType()));
        recorded.put(PrivateFiles.SIZE, JsonNode.createNumberNode(document.size()));
        recorded.put(PrivateFiles.OBJECT_KEY, JsonNode.createStringNode(document.key()));
        try {
            usage.reserve(userId, document.size(), document.key());
        } catch (ApiException refused) {
            media.delete(document.key());
            throw new ApiException(refused.status(), refused.code(), refused.getMessage() + "; the upload was removed");
        }
        try {
            return files.create(userId, fileId, JsonNode.createObjectNode(details), recorded);
        } catch (RuntimeException e) {
            // Not recorded (completed twice, say): the reservation goes back.
            usage.release(userId, document.size());
            throw e;
        }
    }

    private static ApiException notFound() {
        return new ApiException(404, ErrorCodes.notFound(RESOURCE), "No upload with this key");
    }
}
