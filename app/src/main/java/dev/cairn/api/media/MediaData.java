package dev.cairn.api.media;

import dev.cairn.api.user.UserData;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A user's objects in the media bucket: everything under the prefixes keyed by their id
 * ({@code uploads/USER/}, {@code images/USER/}, {@code files/USER/}).
 */
@Singleton
final class MediaData implements UserData {
    static final List<String> USER_PREFIXES = List.of("uploads/", "images/", "files/", "private/");

    private final S3Client s3;
    private final MediaSettings settings;

    MediaData(S3Client s3, MediaSettings settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "mediaObjects";
    }

    @Override
    public Object export(String userId) {
        List<String> keys = new ArrayList<>();
        for (String prefix : USER_PREFIXES) {
            s3.listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(prefix + userId + "/"))
                    .contents()
                    .forEach(o -> keys.add(o.key()));
        }
        return keys;
    }

    @Override
    public void erase(String userId) {
        for (String prefix : USER_PREFIXES) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(
                            r -> r.bucket(settings.bucket()).prefix(prefix + userId + "/"))
                    .contents()) {
                batch.add(ObjectIdentifier.builder().key(object.key()).build());
                if (batch.size() == 1000) {
                    delete(batch);
                }
            }
            delete(batch);
        }
    }

    private void delete(List<ObjectIdentifier> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<ObjectIdentifier> keys = List.copyOf(batch);
        s3.deleteObjects(
                r -> r.bucket(settings.bucket()).delete(d -> d.objects(keys).quiet(true)));
        batch.clear();
    }
}
