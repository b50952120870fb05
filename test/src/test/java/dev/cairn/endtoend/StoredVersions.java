package dev.cairn.endtoend;

import dev.cairn.local.LocalCairn;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * What the local stack's media bucket still holds under a prefix, versioned as in AWS: every
 * object version and every delete marker, as {@code key@versionId}. Data that is gone leaves none.
 */
final class StoredVersions {
    private StoredVersions() {}

    static List<String> under(LocalCairn stack, String prefix) {
        S3Client s3 = stack.app().getBean(S3Client.class);
        List<String> found = new ArrayList<>();
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(
                r -> r.bucket(LocalCairn.MEDIA_BUCKET).prefix(prefix))) {
            page.versions().forEach(v -> found.add(v.key() + "@" + v.versionId()));
            page.deleteMarkers().forEach(m -> found.add(m.key() + "@" + m.versionId() + " (delete marker)"));
        }
        return found;
    }

    /** Versions and delete markers of exactly {@code key}. */
    static List<String> of(LocalCairn stack, String key) {
        return under(stack, key).stream().filter(v -> v.startsWith(key + "@")).toList();
    }
}
