package dev.cairn.api.storage;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The media bucket, in the few operations the app performs on it. */
@Singleton
public class MediaObjects {
    /** How long browsers and the CDN may keep a public image: the most a deleted one is still served. */
    public static final long PUBLIC_CACHE_SECONDS = 300;

    static final String PUBLIC_CACHE_CONTROL = "public, max-age=" + PUBLIC_CACHE_SECONDS;

    /** The user metadata (x-amz-meta-) a rewritten object carries: why it was written again. */
    public static final String REWRITTEN_FOR = "rewritten-for";

    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    /** The S3 client and presigner are built on first use: most requests never touch S3. */
    MediaObjects(BeanProvider<S3Client> s3, BeanProvider<S3Presigner> presigner, MediaSettings settings) {
        this.s3 = SupplierUtil.memoized(s3::get);
        this.presigner = SupplierUtil.memoized(presigner::get);
        this.bucket = settings.bucket();
    }

    /** The object's size, or empty if there is no object at {@code key}. */
    public Optional<Long> size(String key) {
        return head(key).map(StoredObject::size);
    }

    /** The object's size and content type, or empty if there is no object at {@code key}. */
    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.get().headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new StoredObject(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The first {@code length} bytes of the object (fewer if it is shorter). */
    public byte[] readStart(String key, int length) {
        return s3.get()
                .getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=0-" + (length - 1)))
                .asByteArray();
    }

    public byte[] read(String key) {
        return s3.get().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    /**
     * Stores bytes for the CDN. Browsers and the CDN keep them at most {@link #PUBLIC_CACHE_SECONDS}:
     * a deleted image stops being served within that time, and variants made again replace the old
     * ones as soon.
     */
    public void write(String key, byte[] bytes, String contentType) {
        s3.get()
                .putObject(
                        r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl(PUBLIC_CACHE_CONTROL),
                        RequestBody.fromBytes(bytes));
    }

    /**
     * Writes the object at {@code key} again in place (S3 copies it onto itself, its content type and
     * cache headers kept), so that S3 raises the bucket's {@code Object Created} event for it once
     * more; the version it replaces is deleted. Returns the new version's id ({@code null} where the
     * bucket is not versioned).
     */
    public String rewrite(String key, String reason) {
        HeadObjectResponse head = s3.get().headObject(r -> r.bucket(bucket).key(key));
        CopyObjectResponse copy = s3.get().copyObject(r -> r.sourceBucket(bucket)
                .sourceKey(key)
                .destinationBucket(bucket)
                .destinationKey(key)
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType(head.contentType())
                .cacheControl(head.cacheControl())
                .metadata(Map.of(REWRITTEN_FOR, reason)));
        String replaced = copy.copySourceVersionId();
        if (replaced != null && !replaced.equals("null") && !replaced.equals(copy.versionId())) {
            s3.get().deleteObject(r -> r.bucket(bucket).key(key).versionId(replaced));
        }
        return copy.versionId();
    }

    /** Replaces the object's tags (what the bucket's lifecycle rules filter on). */
    public void tag(String key, Map<String, String> tags) {
        List<Tag> tagSet = tags.entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                .toList();
        s3.get().putObjectTagging(r -> r.bucket(bucket).key(key).tagging(t -> t.tagSet(tagSet)));
    }

    /**
     * Deletes the object at {@code key} for good: every version of it and every delete marker. The
     * bucket is versioned, where a plain delete only hides the object behind a marker.
     */
    public void delete(String key) {
        deleteVersions(key, key::equals);
    }

    /** Deletes every object under {@code prefix} for good, as {@link #delete} does one. */
    public void deletePrefix(String prefix) {
        deleteVersions(prefix, key -> true);
    }

    private void deleteVersions(String prefix, Predicate<String> keys) {
        List<ObjectIdentifier> batch = new ArrayList<>();
        for (ListObjectVersionsResponse page :
                s3.get().listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(prefix))) {
            for (ObjectVersion version : page.versions()) {
                if (keys.test(version.key())) {
                    batch.add(ObjectIdentifier.builder()
                            .key(version.key())
                            .versionId(version.versionId())
                            .build());
                }
            }
            for (DeleteMarkerEntry marker : page.deleteMarkers()) {
                if (keys.test(marker.key())) {
                    batch.add(ObjectIdentifier.builder()
                            .key(marker.key())
                            .versionId(marker.versionId())
                            .build());
                }
            }
            while (batch.size() >= 1000) {
                deleteBatch(batch.subList(0, 1000));
            }
        }
        deleteBatch(batch);
    }

    /** The size of every object under {@code prefix} (its current version), by key. */
    public Map<String, Long> sizes(String prefix) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        s3.get()
                .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                .contents()
                .forEach(o -> sizes.put(o.key(), o.size()));
        return sizes;
    }

    public List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.get()
                .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                .contents()
                .forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** A pre-signed PUT with the content type and the exact length signed. */
    public String presignUpload(String key, String contentType, long length, Duration validity) {
        return presigner
                .get()
                .presignPutObject(r -> r.signatureDuration(validity).putObjectRequest(p -> p.bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .contentLength(length)))
                .url()
                .toString();
    }

    /** A pre-signed GET, for downloads outside the CDN (exports). */
    public String presignDownload(String key, Duration validity) {
        return presigner
                .get()
                .presignGetObject(r -> r.signatureDuration(validity)
                        .getObjectRequest(g -> g.bucket(bucket).key(key)))
                .url()
                .toString();
    }

    /**
     * A pre-signed GET for a private object, whose response carries the given
     * {@code Content-Disposition} (e.g. {@code attachment; filename="a.pdf"}).
     */
    public String presignDownload(String key, Duration validity, String contentDisposition) {
        return presigner
                .get()
                .presignGetObject(r -> r.signatureDuration(validity)
                        .getObjectRequest(
                                g -> g.bucket(bucket).key(key).responseContentDisposition(contentDisposition)))
                .url()
                .toString();
    }

    /** What S3 says of a stored object. */
    public record StoredObject(long size, String contentType) {}

    /** Deletes the batch (at most 1,000 versions) and empties it; any version left is an error. */
    private void deleteBatch(List<ObjectIdentifier> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<ObjectIdentifier> keys = List.copyOf(batch);
        DeleteObjectsResponse response = s3.get()
                .deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            S3Error first = response.errors().getFirst();
            throw new IllegalStateException(
                    "Could not delete " + response.errors().size() + " object versions, e.g. " + first.key() + " ("
                            + first.code() + ": " + first.message() + ")");
        }
        batch.clear();
    }
}
