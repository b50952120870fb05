package dev.cairn.api.media;

import dev.cairn.api.data.UserData;
import dev.cairn.api.storage.MediaObjects;
import dev.cairn.api.storage.StorageUsage;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A user's images in an export: their metadata with download links valid for a day. */
@Singleton
final class ImageData implements UserData {
    static final Duration DOWNLOAD_VALIDITY = Duration.ofHours(24);

    private final ImageRecords records;
    private final MediaObjects objects;
    private final StorageUsage usage;

    ImageData(ImageRecords records, MediaObjects objects, StorageUsage usage) {
        this.records = records;
        this.objects = objects;
        this.usage = usage;
    }

    @Override
    public String name() {
        return "images";
    }

    @Override
    public Object export(String userId) {
        List<ImageRecord> images = records.all(userId);
        return images.stream()
                .map(record -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("imageId", record.imageId());
                    entry.put("contentType", record.format().mediaType());
                    entry.put("width", record.width());
                    entry.put("height", record.height());
                    entry.put("createdAt", record.createdAt());
                    entry.put("downloadUrl", objects.presignDownload(record.originalKey(), DOWNLOAD_VALIDITY));
                    return entry;
                })
                .toList();
    }

    /** The records and the usage row only: the objects go with the rest of the user's media (storage's {@code MediaData}). */
    @Override
    public void erase(String userId) {
        records.all(userId).forEach(record -> records.delete(record, usage.releasing(userId, record.bytes())));
        usage.erase(userId);
    }
}
