package dev.cairn.contract;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where objects live in a blueprint's media bucket. The app writes and deletes keys built here,
 * the CDK app grants, routes events and sets lifecycle rules by the prefixes here, and the local
 * stack serves {@link #IMAGES} the way the CDN does. Every key is {@code PREFIX/USER/...}, so a
 * user's objects are found (and erased) by prefix.
 */
public final class MediaLayout {
    /**
     * Browser uploads by pre-signed PUT, waiting to be checked and processed: {@code
     * uploads/USER/UUID-NAME}. The bucket expires them after a day.
     */
    public static final String UPLOADS = "uploads/";

    /**
     * Processed images and their variants, {@code images/USER/IMAGE/original.EXT} and beside it the
     * variants: the only prefix the CDN serves.
     */
    public static final String IMAGES = "images/";

    /**
     * Private documents (files, receipts, audio), read only through pre-signed URLs: {@code
     * private/USER/AREA/...}. The CDN never serves them.
     */
    public static final String PRIVATE = "private/";

    /** Every prefix under which the app writes a user's objects; erasing an account deletes them all. */
    public static final List<String> USER_PREFIXES = List.of(UPLOADS, IMAGES, PRIVATE);

    /** The personal site's private files: {@code private/USER/files/FILE/NAME}. */
    public static final String FILES_AREA = "files";

    /** The guitar collection's purchase receipts: {@code private/USER/receipts/GUITAR/RECEIPT/NAME}. */
    public static final String RECEIPTS_AREA = "receipts";

    /**
     * Which new objects start the media processor, as an EventBridge wildcard on the object key:
     * originals only, never the variants written beside them. {@link #ORIGINAL_KEY} is the same
     * set as a regular expression.
     */
    public static final String ORIGINAL_EVENT_PATTERN = IMAGES + "*/original.*";

    /** An original image's key; group 1 is the user's id, group 2 the image's. */
    public static final Pattern ORIGINAL_KEY =
            Pattern.compile(Pattern.quote(IMAGES) + "([^/]+)/([^/]+)/original\\.[a-z]+");

    /**
     * Where the bucket's archive rule looks (S3 lifecycle filters are a prefix and tags, never a
     * wildcard): receipts live under it, tagged {@link #RECEIPT_ARCHIVE_TAGS}.
     */
    public static final String ARCHIVE_PREFIX = PRIVATE;

    /**
     * Where public media are served on the site's domain: the CDN's media behaviour in AWS, the
     * local stack's {@code /media} route locally ({@code cairn.media.base-url} ends in it).
     */
    public static final String CDN_PATH = "/media/";

    /** The tags the app puts on a checked receipt; the archive rule moves objects carrying them. */
    public static final Map<String, String> RECEIPT_ARCHIVE_TAGS = Map.of("cairn:kind", "receipt");

    private MediaLayout() {}

    /** {@code uploads/USER/}: the user's pending uploads. */
    public static String uploadsOf(String userId) {
        return UPLOADS + segment("userId", userId) + "/";
    }

    /** {@code images/USER/IMAGE/}: an image's original and its variants. */
    public static String imageOf(String userId, String imageId) {
        return IMAGES + segment("userId", userId) + "/" + segment("imageId", imageId) + "/";
    }

    /** {@code private/USER/AREA/}: the user's documents in {@code area}, e.g. {@code receipts/GUITAR}. */
    public static String privateArea(String userId, String area) {
        if (area == null || area.isBlank() || area.startsWith("/") || area.endsWith("/") || area.contains("..")) {
            throw new IllegalArgumentException("area must be a relative path without '..' (value: " + area + ")");
        }
        return PRIVATE + segment("userId", userId) + "/" + area + "/";
    }

    /** {@code receipts/GUITAR}: the area of one guitar's receipt, below {@link #privateArea}. */
    public static String receiptArea(String guitarId) {
        return RECEIPTS_AREA + "/" + segment("guitarId", guitarId);
    }

    /** Every prefix holding the user's objects: {@code PREFIX/USER/} for each of {@link #USER_PREFIXES}. */
    public static List<String> prefixesOf(String userId) {
        String user = segment("userId", userId);
        return USER_PREFIXES.stream().map(prefix -> prefix + user + "/").toList();
    }

    private static String segment(String field, String value) {
        if (value == null || value.isEmpty() || value.contains("/") || value.equals("..")) {
            throw new IllegalArgumentException(field + " must be one key segment without '/' (value: " + value + ")");
        }
        return value;
    }
}
