package dev.cairn.api.media;

/** Asks for an image's variants to be made, outside the request that stored it. */
public interface VariantRequests {
    void request(String userId, String imageId);
}
