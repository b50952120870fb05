package dev.cairn.api.portfolio;

import dev.cairn.api.collection.ImageAttachments;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The media flow of the portfolio's tests: images a test "uploads" as a user, with variants as the
 * media processor makes them, and the deletions the portfolio asked for, in order.
 */
@Singleton
@Replaces(ImageAttachments.class)
@Requires(property = TestImages.PROPERTY, value = "true")
public final class TestImages implements ImageAttachments {
    static final String PROPERTY = "cairn.test.images";
    static final String CDN = "https://cdn.example/media/";

    private final Map<String, PublishedImage> images = new ConcurrentHashMap<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();

    /** A ready 1600x1200 image of {@code userId}: variants at 320, 640 and 1280 in JPEG and WebP. */
    String upload(String userId) {
        String imageId = UUID.randomUUID().toString();
        String base = CDN + "images/" + userId + "/" + imageId + "/";
        List<Variant> variants = List.of(320, 640, 1280).stream()
                .flatMap(w -> List.of(
                        new Variant(w, w * 3 / 4, "image/jpeg", base + "w" + w + ".jpg"),
                        new Variant(w, w * 3 / 4, "image/webp", base + "w" + w + ".webp"))
                        .stream())
                .toList();
        images.put(
                userId + "/" + imageId,
                new PublishedImage(imageId, 1600, 1200, "READY", new Placeholder("#336699", null), variants));
        return imageId;
    }

    List<String> deleted() {
        return List.copyOf(deleted);
    }

    @Override
    public Optional<StoredImage> find(String userId, String imageId) {
        return Optional.ofNullable(images.get(userId + "/" + imageId))
                .map(i -> new StoredImage(
                        "images/" + userId + "/" + imageId + "/original.jpg",
                        "images/" + userId + "/" + imageId + "/thumb.jpg"));
    }

    @Override
    public Optional<PublishedImage> published(String userId, String imageId) {
        return Optional.ofNullable(images.get(userId + "/" + imageId));
    }

    @Override
    public String url(String key) {
        return CDN + key;
    }

    @Override
    public void delete(String userId, String imageId) {
        images.remove(userId + "/" + imageId);
        deleted.add(userId + "/" + imageId);
    }
}
