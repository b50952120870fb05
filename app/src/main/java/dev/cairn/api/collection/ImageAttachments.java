package dev.cairn.api.collection;

import java.util.Optional;

/** What collections need of the media flow to attach a user's images to their items. */
public interface ImageAttachments {

    /** The caller's image with this id, or empty if it does not exist or is someone else's. */
    Optional<StoredImage> find(String userId, String imageId);

    /** Where the CDN serves an object of the media bucket. */
    String url(String key);

    /** Deletes the image and its files; a missing one is not an error. */
    void delete(String userId, String imageId);

    /** The stored objects of an image. */
    record StoredImage(String key, String thumbnailKey) {}
}
