package dev.cairn.api.media;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The event Amazon S3 sends to EventBridge when an object is created in a bucket that has
 * EventBridge notifications on ({@code source} {@code aws.s3}, {@code detail-type} {@code Object
 * Created}), as the S3 user guide's "EventBridge event message structure" documents it. The media
 * bucket routes these to the media-processor function. Every field may be absent in a malformed
 * event: {@link #objectKey()} says whether there is a key to act on. Fields S3 adds later are
 * ignored.
 *
 * @param version the EventBridge envelope's version, {@code 0}
 * @param id a UUID for each event, to find it in the logs
 * @param detailType {@code Object Created}
 * @param source {@code aws.s3}
 * @param account the bucket owner's 12-digit account ID
 * @param time when the object was created
 * @param region the bucket's region
 * @param resources the bucket's ARN
 * @param detail what was created, where, and by whom
 */
@Serdeable
public record ObjectCreatedEvent(
        @Nullable String version,
        @Nullable String id,
        @Nullable @JsonProperty("detail-type") String detailType,
        @Nullable String source,
        @Nullable String account,
        @Nullable Instant time,
        @Nullable String region,
        @Nullable List<String> resources,
        @Nullable Detail detail) {

    /** The created object's key, or {@code null} if the event names none. */
    @Nullable
    public String objectKey() {
        return detail == null || detail.object() == null
                ? null
                : detail.object().key();
    }

    /**
     * The event's {@code detail} field.
     *
     * @param version the detail's version, {@code 0}
     * @param bucket the bucket the object was created in
     * @param object the created object
     * @param requestId the S3 request that created it
     * @param requester the account ID or AWS service principal that made the request
     * @param sourceIpAddress the request's source IP address
     * @param reason the API that created it: {@code PutObject}, {@code POST Object}, {@code
     *     CopyObject} or {@code CompleteMultipartUpload}
     */
    @Serdeable
    public record Detail(
            @Nullable String version,
            @Nullable Bucket bucket,
            @Nullable @JsonProperty("object") CreatedObject object,
            @Nullable @JsonProperty("request-id") String requestId,
            @Nullable String requester,
            @Nullable @JsonProperty("source-ip-address") String sourceIpAddress,
            @Nullable String reason) {}

    /** @param name the bucket's name */
    @Serdeable
    public record Bucket(@Nullable String name) {}

    /**
     * The created object.
     *
     * @param key the object's key
     * @param size its size in bytes
     * @param etag its entity tag
     * @param versionId its version, in a versioned bucket (the media bucket is one)
     * @param sequencer orders the events of one key: a greater value is a later event
     */
    @Serdeable
    public record CreatedObject(
            @Nullable String key,
            @Nullable Long size,
            @Nullable String etag,
            @Nullable @JsonProperty("version-id") String versionId,
            @Nullable String sequencer) {}
}
