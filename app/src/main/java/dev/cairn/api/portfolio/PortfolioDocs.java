package dev.cairn.api.portfolio;

import dev.cairn.api.collection.EntityTags;
import dev.cairn.api.collection.SiteReads;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.RequiresGroup;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;

/** What the portfolio's routes share: the descriptions of their caching and failures, and the drafts check. */
final class PortfolioDocs {
    static final String DRAFTS =
            "`true` includes unpublished projects: only with an admin's token (401 without a token,"
                    + " 403 for others); the answer is then `Cache-Control: " + SiteReads.PRIVATE
                    + "`. Without it a token changes nothing.";
    static final String IF_NONE_MATCH =
            "An ETag of an earlier answer: if it is still the current one, the answer" + " is 304 with no body.";
    static final String IF_MATCH = "The version the write expects, as the ETag gives it (`\"3\"`); a `version` in"
            + " the body does the same. A stale one is 409.";
    static final String ADMIN_403 = ErrorCodes.AUTH_FORBIDDEN + ": the caller is not in the admin group.";
    static final String CONFLICT = ErrorCodes.CONFLICT + ": the project changed since the version the write names.";

    private PortfolioDocs() {}

    /**
     * Whether a read includes drafts: asked for, and (as the authentication filter already made
     * sure) by an admin.
     */
    static boolean drafts(boolean asked, @Nullable AuthenticatedUser user) {
        return asked && user != null && user.inGroup(RequiresGroup.ADMIN);
    }

    /** A write's answer with the written version as its ETag, for the next write's If-Match. */
    static <T> MutableHttpResponse<ApiResponse<T>> tagged(MutableHttpResponse<ApiResponse<T>> response, long version) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(version));
    }
}
