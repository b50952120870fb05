package dev.cairn.api.collection;

import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.identity.AuthenticatedUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read and delete routes of an owned collection, for resources whose items the server creates
 * (files from completed uploads, API keys), inherited by the resource's controller:
 *
 * <ul>
 *   <li>{@code GET /} lists ({@code limit}, {@code cursor} and the collection's filters)
 *   <li>{@code GET /{id}} reads, with the version as {@code ETag}; 304 Not Modified when {@code
 *       If-None-Match} names it
 *   <li>{@code DELETE /{id}} deletes (204), with what the item holds
 * </ul>
 *
 * {@link CollectionController} adds the client's writes.
 *
 * @param <T> the record clients send
 */
public abstract class OwnedItemsController<T> {
    protected final CollectionService<T> items;

    protected OwnedItemsController(CollectionService<T> items) {
        this.items = items;
    }

    @Get
    public ApiResponse<Page> list(AuthenticatedUser user, HttpRequest<?> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                parameters.put(name, values.getFirst());
            }
        });
        return ApiResponse.ok(items.list(user.userId(), parameters));
    }

    @Get("/{id}")
    public HttpResponse<ApiResponse<JsonNode>> get(
            AuthenticatedUser user,
            @PathVariable String id,
            @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return conditional(tagged(HttpResponse.ok(ApiResponse.ok(items.get(user.userId(), id)))), ifNoneMatch);
    }

    @Delete("/{id}")
    public HttpResponse<Void> delete(
            AuthenticatedUser user, @PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        items.delete(user.userId(), id, ifMatch);
        return HttpResponse.noContent();
    }

    /**
     * A read's answer as {@code If-None-Match} asks: 304 Not Modified, with the ETag and no body,
     * when the header names the item's current ETag; the answer itself otherwise. The item is read
     * first, so an id that is not the caller's stays 404 whatever the header says.
     */
    protected static MutableHttpResponse<ApiResponse<JsonNode>> conditional(
            MutableHttpResponse<ApiResponse<JsonNode>> response, @Nullable String ifNoneMatch) {
        String etag = response.getHeaders().get(HttpHeaders.ETAG);
        if (!EntityTags.noneMatchHolds(ifNoneMatch, etag)) {
            return response;
        }
        MutableHttpResponse<ApiResponse<JsonNode>> notModified = HttpResponse.notModified();
        return notModified.header(HttpHeaders.ETAG, etag);
    }

    /** Adds the item's version as a strong ETag, for If-Match on the next write. */
    protected static MutableHttpResponse<ApiResponse<JsonNode>> tagged(
            MutableHttpResponse<ApiResponse<JsonNode>> response) {
        ApiResponse<JsonNode> body = response.body();
        JsonNode version =
                body == null || body.data() == null ? null : body.data().get("version");
        if (version != null && version.isNumber()) {
            response.header(HttpHeaders.ETAG, EntityTags.of(version.getLongValue()));
        }
        return response;
    }
}
