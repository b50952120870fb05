package dev.cairn.api.media;

import dev.cairn.api.collection.ImageAttachments;
import dev.cairn.api.storage.MediaObjects;
import dev.cairn.api.storage.MediaSettings;
import dev.cairn.api.storage.StorageUsage;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.Optional;

/** The user's uploaded images, as collections attach them to items. */
@Singleton
final class ImageLibrary implements ImageAttachments {
    private final ImageRecords records;
    private final MediaObjects objects;
    private final MediaSettings settings;
    private final StorageUsage usage;

    ImageLibrary(ImageRecords records, MediaObjects objects, MediaSettings settings, StorageUsage usage) {
        this.records = records;
        this.objects = objects;
        this.settings = settings;
        this.usage = usage;
    }

    @Override
    public Optional<StoredImage> find(String userId, String imageId) {
        return records.find(userId, imageId).map(r -> new StoredImage(r.originalKey(), r.thumbnailKey()));
    }

    @Override
    public Optional<PublishedImage> published(String userId, String imageId) {
        return records.find(userId, imageId)
                .map(r -> new PublishedImage(
                        r.imageId(),
                        r.width(),
                        r.height(),
                        r.status(),
                        r.placeholder() == null
                                ? null
                                : new Placeholder(
                                        r.placeholder().color(), r.placeholder().dataUri()),
                        r.variants().stream()
                                .sorted(Comparator.comparingInt(ImageRecord.Variant::width)
                                        .thenComparing(v -> v.format().name()))
                                .map(v -> new Variant(
                                        v.width(), v.height(), v.format().mediaType(), settings.url(v.key())))
                                .toList()));
    }

    @Override
    public String url(String key) {
        return settings.url(key);
    }

    @Override
    public void delete(String userId, String imageId) {
        Optional<ImageRecord> record = records.find(userId, imageId);
        if (record.isPresent()) {
            objects.deletePrefix(record.get().prefix());
            records.delete(record.get(), usage.releasing(userId, record.get().bytes()));
        }
    }
}
