package dev.cairn.api.collection;

import dev.cairn.api.http.ApiResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The answers of site-owned content's reads, which anyone may make without a token and a CDN may
 * keep: {@code Cache-Control: public} for a short while (then served stale while the CDN asks
 * again), a strong {@code ETag} (an item's version, or a hash of a list's body), and 304 Not
 * Modified, with the ETag and no body, when {@code If-None-Match} names it. An admin's answer with
 * drafts is {@code private, no-store}: no shared cache may keep what the public must not see.
 */
@Singleton
public final class SiteReads {
    /** Whether a read includes unpublished items: {@code ?drafts=true}, for admins only. */
    public static final String DRAFTS = "drafts";

    /** A public answer: fresh for a minute, then served stale for five while it is fetched again. */
    public static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";

    /** An answer with drafts: never kept by a shared cache, nor by the browser. */
    public static final String PRIVATE = "private, no-store";

    /** An error on a public route: nothing keeps it. */
    public static final String NO_STORE = "no-store";

    private final JsonMapper json;

    SiteReads(JsonMapper json) {
        this.json = json;
    }

    /** An item's answer: its ETag is its version. */
    public <T> MutableHttpResponse<ApiResponse<T>> item(
            T data, long version, boolean drafts, @Nullable String ifNoneMatch) {
        return answer(data, EntityTags.of(version), drafts, ifNoneMatch);
    }

    /** A list's answer: its ETag is a hash of the body, so it changes exactly when the body does. */
    public <T> MutableHttpResponse<ApiResponse<T>> list(T data, boolean drafts, @Nullable String ifNoneMatch) {
        ApiResponse<T> body = ApiResponse.ok(data);
        return answer(body, tagOf(body), drafts, ifNoneMatch);
    }

    /** The strong ETag of a body: the start of its JSON's SHA-256, base64url. */
    String tagOf(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27) + "\"";
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash an answer", e);
        }
    }

    private static <T> MutableHttpResponse<ApiResponse<T>> answer(
            T data, String etag, boolean drafts, @Nullable String ifNoneMatch) {
        return answer(ApiResponse.ok(data), etag, drafts, ifNoneMatch);
    }

    private static <T> MutableHttpResponse<ApiResponse<T>> answer(
            ApiResponse<T> body, String etag, boolean drafts, @Nullable String ifNoneMatch) {
        String cacheControl = drafts ? PRIVATE : PUBLIC;
        if (EntityTags.noneMatchHolds(ifNoneMatch, etag)) {
            MutableHttpResponse<ApiResponse<T>> notModified = HttpResponse.notModified();
            return notModified.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        return HttpResponse.ok(body).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }
}
