package dev.cairn.api.storage;

import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.contract.MediaLayout;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Private documents in the media bucket (files, receipts): uploaded through a pre-signed PUT that
 * accepts exactly the announced type and size, checked by content once uploaded, and read only
 * through pre-signed GETs that expire after five minutes. Their keys live under {@code
 * private/USER/AREA/ID/NAME}, which the CDN never serves, and a key is only ever accepted back from
 * the user whose id it carries.
 */
@Singleton
public class PrivateMedia {
    public static final Duration URL_VALIDITY = Duration.ofMinutes(5);
    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final MediaObjects objects;

    PrivateMedia(MediaObjects objects) {
        this.objects = objects;
    }

    /**
     * A pre-signed PUT for a new document in the user's {@code area}; refuses a type outside
     * {@code accepted} (400 {@code RESOURCE_VALIDATION_ERROR}) and an announced size over {@code
     * maxBytes} (413 {@code PAYLOAD_TOO_LARGE}).
     *
     * @param id the document's id, a UUID: the key carries it, so the upload names what it becomes
     */
    public Upload uploadUrl(
            String resource,
            String userId,
            String area,
            String id,
            String fileName,
            String fileType,
            long fileSize,
            Set<DocumentType> accepted,
            long maxBytes) {
        DocumentType type = DocumentType.ofMediaType(fileType)
                .filter(accepted::contains)
                .orElseThrow(() -> new ApiException(
                        400,
                        ErrorCodes.validation(resource),
                        "This type of file cannot be uploaded here",
                        List.of(new ApiError.FieldError("fileType", "must be one of " + mediaTypes(accepted)))));
        if (fileSize > maxBytes) {
            throw new ApiException(
                    413, ErrorCodes.PAYLOAD_TOO_LARGE, "Files can be at most " + maxBytes / (1024 * 1024) + " MB here");
        }
        String key =
                prefix(userId, area) + UUID.fromString(id) + "/" + FileNames.safe(fileName, "file", type.extension());
        String url = objects.presignUpload(key, type.mediaType(), fileSize, URL_VALIDITY);
        return new Upload(url, key, URL_VALIDITY.toSeconds(), Map.of("Content-Type", type.mediaType()));
    }

    /** The id in a key of the user's {@code area}, or empty if the key is not one (someone else's included). */
    public Optional<String> idOf(String userId, String area, String key) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix(userId, area)) + "(" + ID + ")/[A-Za-z0-9._-]{1,100}")
                .matcher(key == null ? "" : key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Checks an uploaded document: there (404 {@code RESOURCE_NOT_FOUND} if not), of an accepted
     * type, within {@code maxBytes}, and with content that is what its type says. A document that
     * fails is deleted and answered with 400 {@code RESOURCE_UPLOAD_FAILED}.
     */
    public Document verify(String resource, String key, Set<DocumentType> accepted, long maxBytes) {
        MediaObjects.StoredObject stored = objects.head(key)
                .orElseThrow(() -> new ApiException(
                        404, ErrorCodes.notFound(resource), "No upload with this key; upload the file first"));
        DocumentType type = DocumentType.ofMediaType(stored.contentType())
                .filter(accepted::contains)
                .orElse(null);
        String problem = null;
        if (type == null) {
            problem = "The upload has a type that is not accepted here";
        } else if (stored.size() == 0) {
            problem = "The upload is empty";
        } else if (stored.size() > maxBytes) {
            problem = "The upload is larger than allowed";
        } else if (type == DocumentType.TEXT
                ? !DocumentType.isPlainText(objects.read(key))
                : !type.startsLike(objects.readStart(key, DocumentType.SIGNATURE_LENGTH))) {
            problem = "The upload's content is not " + describe(type);
        }
        if (problem != null) {
            objects.delete(key);
            throw new ApiException(
                    400, resource.toUpperCase(Locale.ROOT) + "_UPLOAD_FAILED", problem + "; it was removed");
        }
        return new Document(key, type, stored.size(), key.substring(key.lastIndexOf('/') + 1));
    }

    /**
     * A pre-signed GET valid for five minutes. Images open inline; anything else downloads as an
     * attachment, so that a browser never renders a user's document as a page of this site.
     */
    public String downloadUrl(String key, DocumentType type, String fileName) {
        String name = FileNames.safe(fileName, "file", type.extension());
        String disposition = (type.isImage() ? "inline" : "attachment") + "; filename=\"" + name + "\"";
        return objects.presignDownload(key, URL_VALIDITY, disposition);
    }

    /** Tags a document, e.g. so that the bucket's archive rule picks it. */
    public void tag(String key, Map<String, String> tags) {
        objects.tag(key, tags);
    }

    /** Deletes a document; a missing one is not an error. */
    public void delete(String key) {
        objects.delete(key);
    }

    private static String prefix(String userId, String area) {
        return MediaLayout.privateArea(userId, area);
    }

    private static String describe(DocumentType type) {
        return switch (type) {
            case PDF -> "a PDF document";
            case TEXT -> "UTF-8 text";
            default -> "a " + type.name() + " image";
        };
    }

    private static String mediaTypes(Set<DocumentType> types) {
        return types.stream().map(DocumentType::mediaType).sorted().collect(Collectors.joining(", "));
    }

    /** Where and how to upload. */
    @Serdeable
    public record Upload(String uploadUrl, String fileKey, long expiresIn, Map<String, String> headers) {}

    /** A checked document: its key, type, size and file name. */
    public record Document(String key, DocumentType type, long size, String fileName) {}
}
