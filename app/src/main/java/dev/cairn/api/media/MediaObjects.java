package dev.cairn.api.media;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The media bucket, in the few operations the app performs on it. */
@Singleton
public class MediaObjects {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    MediaObjects(S3Client s3, S3Presigner presigner, MediaSettings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = settings.bucket();
    }

    /** The object's size, or empty if there is no object at {@code key}. */
    public Optional<Long> size(String key) {
        return head(key).map(StoredObject::size);
    }

    /** The object's size and content type, or empty if there is no object at {@code key}. */
    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
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
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=0-" + (length - 1)))
                .asByteArray();
    }

    public byte[] read(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    /** Stores bytes for the CDN: immutable, since every key is written once. */
    public void write(String key, byte[] bytes, String contentType) {
        s3.putObject(
                r -> r.bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .cacheControl("public, max-age=31536000, immutable"),
                RequestBody.fromBytes(bytes));
    }

    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    /** Replaces the object's tags (what the bucket's lifecycle rules filter on). */
    public void tag(String key, Map<String, String> tags) {
        List<Tag> tagSet = tags.entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                .toList();
        s3.putObjectTagging(r -> r.bucket(bucket).key(key).tagging(t -> t.tagSet(tagSet)));
    }

    /** Deletes every object under {@code prefix}. */
    public void deletePrefix(String prefix) {
        List<ObjectIdentifier> batch = new ArrayList<>();
        for (S3Object object :
                s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
            batch.add(ObjectIdentifier.builder().key(object.key()).build());
            if (batch.size() == 1000) {
                deleteBatch(batch);
            }
        }
        deleteBatch(batch);
    }

    public List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                .contents()
                .forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** A pre-signed PUT with the content type and the exact length signed. */
    public String presignUpload(String key, String contentType, long length, Duration validity) {
        return presigner
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
                .presignGetObject(r -> r.signatureDuration(validity)
                        .getObjectRequest(
                                g -> g.bucket(bucket).key(key).responseContentDisposition(contentDisposition)))
                .url()
                .toString();
    }

    /** What S3 says of a stored object. */
    public record StoredObject(long size, String contentType) {}

    private void deleteBatch(List<ObjectIdentifier> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<ObjectIdentifier> keys = List.copyOf(batch);
        s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
        batch.clear();
    }
}
