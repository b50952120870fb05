package dev.cairn.api.guitar;

import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.ItemHooks;
import dev.cairn.api.data.Ids;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.storage.DocumentType;
import dev.cairn.api.storage.PrivateMedia;
import dev.cairn.api.storage.StorageUsage;
import dev.cairn.contract.MediaLayout;
import io.micronaut.json.tree.JsonNode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Seed 001's purchase receipts: a private document per guitar (PDF or photo, at most 10 MB) under
 * {@code private/USER/receipts/GUITAR/}. The guitar stores only the object's key, in the managed
 * attribute {@code receipt}; views show {@code privateInfo.receiptUrl}, a download signed for five
 * minutes, and deleting the guitar deletes the receipt. A checked receipt is tagged {@link
 * MediaLayout#RECEIPT_ARCHIVE_TAGS}: the media bucket's archive rule moves tagged objects under {@code private/} to
 * Glacier Instant Retrieval after a year, where the signed download still reads them.
 */
final class Receipts implements ItemHooks {
    static final String RESOURCE = "receipt";
    static final String ATTRIBUTE = "receipt";
    static final long MAX_BYTES = 10L * 1024 * 1024;

    static final Set<DocumentType> ACCEPTED =
            EnumSet.of(DocumentType.PDF, DocumentType.JPEG, DocumentType.PNG, DocumentType.WEBP);

    private final PrivateMedia media;
    private final StorageUsage usage;

    Receipts(PrivateMedia media, StorageUsage usage) {
        this.media = media;
        this.usage = usage;
    }

    PrivateMedia.Upload uploadUrl(
            CollectionService<Guitar> guitars,
            String userId,
            String guitarId,
            String fileName,
            String fileType,
            long fileSize) {
        guitars.get(userId, guitarId); // 404 unless it is the caller's guitar
        if (fileSize <= MAX_BYTES) {
            usage.check(userId, fileSize);
        }
        return media.uploadUrl(
                RESOURCE, userId, area(guitarId), Ids.newId(), fileName, fileType, fileSize, ACCEPTED, MAX_BYTES);
    }

    /**
     * Checks the upload and makes it the guitar's receipt; a receipt it replaces is deleted. If a
     * step after the reservation of its bytes fails (tagging, the guitar's update), the bytes are
     * given back and the upload stays where it is, so that the same completion can be tried again.
     */
    JsonNode complete(CollectionService<Guitar> guitars, String userId, String guitarId, String fileKey) {
        guitars.get(userId, guitarId);
        if (media.idOf(userId, area(guitarId), fileKey).isEmpty()) {
            throw new ApiException(404, ErrorCodes.notFound(RESOURCE), "No receipt upload with this key");
        }
        PrivateMedia.Document document = media.verify(RESOURCE, fileKey, ACCEPTED, MAX_BYTES);
        try {
            usage.reserve(userId, document.size(), document.key());
        } catch (ApiException refused) {
            media.delete(document.key());
            throw new ApiException(refused.status(), refused.code(), refused.getMessage() + "; the upload was removed");
        }
        try {
            media.tag(document.key(), MediaLayout.RECEIPT_ARCHIVE_TAGS);
        } catch (RuntimeException e) {
            // Not attached, so not counted. The upload stays (it may be the guitar's receipt
            // already, completed again), and completing it again can succeed.
            usage.release(userId, document.size());
            throw e;
        }
        Map<String, JsonNode> receipt = new LinkedHashMap<>();
        receipt.put("key", JsonNode.createStringNode(document.key()));
        receipt.put("contentType", JsonNode.createStringNode(document.type().mediaType()));
        receipt.put("fileName", JsonNode.createStringNode(document.fileName()));
        receipt.put("size", JsonNode.createNumberNode(document.size()));
        CollectionService.ManagedChange change;
        try {
            change = guitars.setManaged(userId, guitarId, ATTRIBUTE, JsonNode.createObjectNode(receipt));
        } catch (RuntimeException e) {
            usage.release(userId, document.size());
            throw e;
        }
        deleteObject(userId, change.previous(), document.key());
        JsonNode previous = change.previous();
        if (previous != null && previous.isObject() && document.key().equals(text(previous, "key"))) {
            usage.release(userId, document.size()); // the same upload completed again: counted once
        }
        return change.item();
    }

    /** Removes the guitar's receipt and its object. */
    JsonNode remove(CollectionService<Guitar> guitars, String userId, String guitarId) {
        CollectionService.ManagedChange change = guitars.setManaged(userId, guitarId, ATTRIBUTE, null);
        deleteObject(userId, change.previous(), null);
        return change.item();
    }

    @Override
    public JsonNode view(JsonNode view) {
        JsonNode receipt = view.get(ATTRIBUTE);
        if (receipt == null) {
            return view;
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        view.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
        fields.remove(ATTRIBUTE);
        Map<String, JsonNode> privateInfo = new LinkedHashMap<>();
        JsonNode stored = fields.get("privateInfo");
        if (stored != null && stored.isObject()) {
            stored.entries().forEach(e -> privateInfo.put(e.getKey(), e.getValue()));
        }
        DocumentType type =
                DocumentType.ofMediaType(text(receipt, "contentType")).orElse(DocumentType.PDF);
        privateInfo.put(
                "receiptUrl",
                JsonNode.createStringNode(media.downloadUrl(text(receipt, "key"), type, text(receipt, "fileName"))));
        fields.put("privateInfo", JsonNode.createObjectNode(privateInfo));
        return JsonNode.createObjectNode(fields);
    }

    @Override
    public void deleted(String owner, JsonNode stored) {
        deleteObject(owner, stored.get(ATTRIBUTE), null);
    }

    /** Deletes a receipt's object unless it is {@code keep}, and gives back what it counted. */
    private void deleteObject(String owner, JsonNode receipt, String keep) {
        if (receipt != null && receipt.isObject()) {
            String key = text(receipt, "key");
            if (key != null && !key.equals(keep)) {
                media.delete(key);
                JsonNode size = receipt.get("size");
                if (size != null && size.isNumber()) {
                    usage.release(owner, size.getLongValue());
                }
            }
        }
    }

    private static String area(String guitarId) {
        return MediaLayout.receiptArea(guitarId);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.getStringValue();
    }
}
