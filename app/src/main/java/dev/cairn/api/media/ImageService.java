package dev.cairn.api.media;

import dev.cairn.api.data.Ids;
import dev.cairn.api.http.ApiError;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.storage.FileNames;
import dev.cairn.api.storage.ImageFormat;
import dev.cairn.api.storage.MediaObjects;
import dev.cairn.api.storage.MediaSettings;
import dev.cairn.api.storage.StorageUsage;
import dev.cairn.contract.MediaLayout;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Seed 001's pre-signed upload flow: the client gets a URL that accepts exactly the announced
 * file, uploads straight to S3, then says so; the upload is checked, cleaned of metadata,
 * thumbnailed and moved under {@code images/}, and its variants follow. Keys always contain the
 * caller's id, and a key of anyone else's is treated as one that does not exist.
 */
@Singleton
public class ImageService {
    static final String RESOURCE = "image";
    static final Duration UPLOAD_URL_VALIDITY = Duration.ofMinutes(5);
    static final int THUMBNAIL_SIZE = 400;

    private final MediaObjects objects;
    private final ImageRecords records;
    private final VariantRequests variants;
    private final MediaSettings settings;
    private final StorageUsage usage;
    private final Clock clock = Clock.systemUTC();

    ImageService(
            MediaObjects objects,
            ImageRecords records,
            VariantRequests variants,
            MediaSettings settings,
            StorageUsage usage) {
        this.objects = objects;
        this.records = records;
        this.variants = variants;
        this.settings = settings;
        this.usage = usage;
    }

    public UploadUrl uploadUrl(AuthenticatedUser user, String fileName, String fileType, long fileSize) {
        ImageFormat format = ImageFormat.ofMediaType(fileType)
                .orElseThrow(() -> new ApiException(
                        400,
                        ErrorCodes.validation(RESOURCE),
                        "Only JPEG, PNG and WebP images can be uploaded",
                        List.of(new ApiError.FieldError("fileType", "must be image/jpeg, image/png or image/webp"))));
        if (fileSize > settings.maxImageBytes()) {
            throw new ApiException(
                    413,
                    ErrorCodes.PAYLOAD_TOO_LARGE,
                    "Images can be at most " + settings.maxImageBytes() / (1024 * 1024) + " MB");
        }
        usage.check(user.userId(), fileSize);
        String key = MediaLayout.uploadsOf(user.userId()) + UUID.randomUUID() + "-" + safeName(fileName, format);
        String url = objects.presignUpload(key, format.mediaType(), fileSize, UPLOAD_URL_VALIDITY);
        return new UploadUrl(url, key, UPLOAD_URL_VALIDITY.toSeconds(), Map.of("Content-Type", format.mediaType()));
    }

    public ImageView complete(AuthenticatedUser user, String imageKey) {
        String prefix = MediaLayout.uploadsOf(user.userId());
        if (!imageKey.startsWith(prefix) || imageKey.indexOf('/', prefix.length()) >= 0 || imageKey.contains("..")) {
            throw notFound();
        }
        long size = objects.size(imageKey).orElseThrow(ImageService::notFound);
        if (size > settings.maxImageBytes()) {
            objects.delete(imageKey);
            throw uploadFailed("The upload is larger than allowed");
        }
        byte[] bytes = objects.read(imageKey);
        ImageFormat format = ImageFormat.sniff(bytes).orElse(null);
        ImageCodec.Measure measure =
                format == null ? null : ImageCodec.measure(bytes, format).orElse(null);
        if (measure != null && !measure.withinBudget()) {
            objects.delete(imageKey);
            throw uploadFailed(String.format(
                    "The image is too large to process: %dx%d at %d bytes a pixel would take %d MB;"
                            + " at most %d MB and %d million pixels are accepted",
                    measure.width(),
                    measure.height(),
                    measure.bytesPerPixel(),
                    measure.decodedBytes() / (1024 * 1024),
                    ImageCodec.MAX_DECODED_BYTES / (1024 * 1024),
                    ImageCodec.MAX_PIXELS / 1_000_000));
        }
        BufferedImage image =
                measure == null ? null : ImageCodec.decode(bytes, format).orElse(null);
        if (image == null) {
            objects.delete(imageKey);
            throw uploadFailed("The upload is not a readable JPEG, PNG or WebP image");
        }
        String imageId = Ids.newId();
        String base = ImageRecord.prefix(user.userId(), imageId);
        byte[] original = ImageCodec.encode(image, format);
        String originalKey = base + "original." + format.extension();
        objects.write(originalKey, original, format.mediaType());
        String thumbnailKey = base + "thumb.jpg";
        objects.write(
                thumbnailKey,
                ImageCodec.encode(ImageCodec.fit(image, THUMBNAIL_SIZE, THUMBNAIL_SIZE, false), ImageFormat.JPEG),
                ImageFormat.JPEG.mediaType());
        String now = clock.instant().toString();
        ImageRecord record = new ImageRecord(
                user.userId(),
                imageId,
                format,
                image.getWidth(),
                image.getHeight(),
                original.length,
                originalKey,
                thumbnailKey,
                List.of(),
                ImageRecord.PROCESSING,
                now,
                now,
                null);
        Map<String, AttributeValue> usageSeen = new HashMap<>();
        boolean created = records.create(record, usage.reservation(user.userId(), original.length), usageSeen);
        if (!created && usageSeen.isEmpty()) {
            // No usage row yet: count what the user keeps (this image's record is not written yet).
            usage.counted(user.userId(), null);
            created = records.create(record, usage.reservation(user.userId(), original.length), usageSeen);
        }
        if (!created) {
            objects.deletePrefix(base);
            objects.delete(imageKey);
            ApiException refused = usage.refused(usageSeen, original.length);
            throw new ApiException(refused.status(), refused.code(), refused.getMessage() + "; the upload was removed");
        }
        objects.delete(imageKey);
        variants.request(user.userId(), imageId);
        return ImageView.of(record, settings);
    }

    public ImageView get(AuthenticatedUser user, String imageId) {
        return ImageView.of(owned(user, imageId), settings);
    }

    public void delete(AuthenticatedUser user, String imageId) {
        ImageRecord record = owned(user, imageId);
        objects.deletePrefix(record.prefix());
        records.delete(record, usage.releasing(user.userId(), record.bytes()));
    }

    /**
     * Makes the variants of each image again (all must be the caller's). The stored original is
     * written again in place, so that the bucket's event starts the media processor as a new
     * upload does; an image whose original could not be rewritten keeps its state.
     */
    public List<String> optimize(AuthenticatedUser user, List<String> imageIds) {
        List<ImageRecord> owned =
                imageIds.stream().distinct().map(id -> owned(user, id)).toList();
        for (ImageRecord record : owned) {
            records.update(record.with(
                    record.variants(), ImageRecord.PROCESSING, clock.instant().toString()));
            try {
                objects.rewrite(record.originalKey(), "optimize");
            } catch (RuntimeException e) {
                records.update(record);
                throw e;
            }
            variants.request(user.userId(), record.imageId());
        }
        return owned.stream().map(ImageRecord::imageId).toList();
    }

    /** The caller's image; someone else's is indistinguishable from a missing one. */
    public ImageRecord owned(AuthenticatedUser user, String imageId) {
        return find(user, imageId).orElseThrow(ImageService::notFound);
    }

    public Optional<ImageRecord> find(AuthenticatedUser user, String imageId) {
        try {
            UUID.fromString(imageId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return records.find(user.userId(), imageId);
    }

    static String safeName(String fileName, ImageFormat format) {
        return FileNames.safe(fileName, "image", format.extension());
    }

    private static ApiException notFound() {
        return new ApiException(404, ErrorCodes.notFound(RESOURCE), "Image not found");
    }

    private static ApiException uploadFailed(String message) {
        return new ApiException(400, "IMAGE_UPLOAD_FAILED", message + "; it was removed");
    }

    /** Where and how to upload. */
    @io.micronaut.serde.annotation.Serdeable
    public record UploadUrl(String uploadUrl, String imageKey, long expiresIn, Map<String, String> headers) {}
}
