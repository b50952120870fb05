package dev.cairn.api.storage;

import dev.cairn.api.data.UserData;
import dev.cairn.contract.MediaLayout;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's objects in the media bucket: everything under the prefixes keyed by their id ({@link
 * MediaLayout#prefixesOf}: {@code uploads/USER/}, {@code images/USER/}, {@code private/USER/}).
 */
@Singleton
final class MediaData implements UserData {
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
        for (String prefix : MediaLayout.prefixesOf(userId)) {
            keys.addAll(objects.keys(prefix));
        }
        return keys;
    }

    @Override
    public void erase(String userId) {
        for (String prefix : MediaLayout.prefixesOf(userId)) {
            objects.deletePrefix(prefix);
        }
    }
}
