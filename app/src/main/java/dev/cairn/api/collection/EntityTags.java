package dev.cairn.api.collection;

import io.micronaut.core.annotation.Nullable;

/**
 * Entity tags of items (their version, quoted) and the {@code If-None-Match} test of a conditional
 * read (RFC 9110, section 13.1.2): {@code *}, or a comma-separated list of tags, compared weakly,
 * so {@code W/"3"} matches {@code "3"}.
 */
public final class EntityTags {
    private EntityTags() {}

    /** The strong entity tag of an item at {@code version}: {@code "3"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a write's {@code If-Match} expects: the stored one for {@code *}, else the number
     * in its tag ({@code "3"} or {@code W/"3"}); null when the tag holds no version number, which
     * the caller answers with 400.
     *
     * @param ifMatch the request's {@code If-Match}, neither null nor blank
     * @param stored the item's stored version
     */
    public static @Nullable Long expectedBy(String ifMatch, long stored) {
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return stored;
        }
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether {@code ifNoneMatch} names {@code etag}, so that a read may answer 304 Not Modified. A
     * missing, blank or malformed header matches nothing; a list matches if any tag in it does.
     *
     * @param ifNoneMatch the request's {@code If-None-Match}, or null
     * @param etag the current entity tag, quoted, strong or weak
     */
    public static boolean noneMatchHolds(@Nullable String ifNoneMatch, @Nullable String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String header = ifNoneMatch.strip();
        if (header.equals("*")) {
            return true;
        }
        String current = opaque(etag);
        if (current == null) {
            return false;
        }
        int i = 0;
        int length = header.length();
        while (i < length) {
            char c = header.charAt(i);
            if (", \t".indexOf(c) >= 0) {
                i++;
                continue;
            }
            if (header.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= length || header.charAt(i) != '"') {
                return false;
            }
            int close = header.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            int next = close + 1;
            if (next < length && ", \t".indexOf(header.charAt(next)) < 0) {
                return false;
            }
            if (current.equals(header.substring(i, next))) {
                return true;
            }
            i = next;
        }
        return false;
    }

    /** The quoted part of a tag, without a weak prefix; null if it is not a quoted tag. */
    private static @Nullable String opaque(String etag) {
        String tag = etag.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        return tag.length() >= 2
                        && tag.startsWith("\"")
                        && tag.endsWith("\"")
                        && tag.indexOf('"', 1) == tag.length() - 1
                ? tag
                : null;
    }
}
