package dev.cairn.api.media;

import dev.cairn.api.user.UserData;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's objects in the media bucket: everything under the prefixes keyed by their id
 * ({@code uploads/USER/}, {@code images/USER/}, {@code files/USER/}, {@code private/USER/}).
 */
@Singleton
final class MediaData implements UserData {
    static final List<String> USER_PREFIXES = List.of("uploads/", "images/", "files/", "private/");

    private final MediaObjects objects;

    MediaData(MediaObjects objects) {
        this.objects = objects;
    }

    @Override
    public String name() {
        return "mediaObjects";
    }

    @Override
    public Object export(String userId) {
        List<String> keys = new ArrayList<>();
        for (String prefix : USER_PREFIXES) {
            keys.addAll(objects.keys(prefix + userId + "/"));
        }
        return keys;
    }

    @Override
    public void erase(String userId) {
        for (String prefix : USER_PREFIXES) {
            objects.deletePrefix(prefix + userId + "/");
        }
    }
}
