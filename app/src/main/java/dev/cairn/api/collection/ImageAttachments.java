package dev.cairn.api.collection;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/** What collections need of the media flow to attach a user's images to their items. */
public interface ImageAttachments {

    /** The caller's image with this id, or empty if it does not exist or is someone else's. */
    Optional<StoredImage> find(String userId, String imageId);

    /** Where the CDN serves an object of the media bucket. */
    String url(String key);

    /** Deletes the image and its files; a missing one is not an error. */
    void delete(String userId, String imageId);

    /**
     * The user's image as the public sees it: its size, its status, its placeholder and its
     * responsive variants' CDN URLs; never the original's. Empty if it does not exist or is someone
     * else's.
     */
    Optional<PublishedImage> published(String userId, String imageId);

    /**
     * An image's public form.
     *
     * @param status {@code PROCESSING} until the variants are made, then {@code READY}
     * @param variants JPEG and WebP at each width up to the original's, narrowest first
     */
    record PublishedImage(
            String imageId,
            int width,
            int height,
            String status,
            @Nullable Placeholder placeholder,
            List<Variant> variants) {
        public PublishedImage {
            variants = List.copyOf(variants);
        }
    }

    /** One variant: its size in pixels, its media type and its CDN URL. */
    record Variant(int width, int height, String format, String url) {}

    /** The average colour ({@code #rrggbb}) and, if small enough, a blurred preview as a data URI. */
    record Placeholder(String color, @Nullable String dataUri) {}

    /** The stored objects of an image. */
    record StoredImage(String key, String thumbnailKey) {}
}
