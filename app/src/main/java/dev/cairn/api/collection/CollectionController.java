package dev.cairn.api.collection;

import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.identity.AuthenticatedUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;

/**
 * The routes of an owned collection, inherited by each resource's controller, which adds its
 * {@code @Controller} path, its {@code @ErrorResource} and any routes of its own:
 *
 * <ul>
 *   <li>{@code GET /} lists ({@code limit}, {@code cursor} and the collection's filters)
 *   <li>{@code POST /} creates (201 with the stored item)
 *   <li>{@code GET /{id}} reads, with the version as {@code ETag}; 304 when {@code If-None-Match} names it
 *   <li>{@code PUT /{id}} replaces, {@code PATCH /{id}} merges (RFC 7386); a stale {@code version}
 *       or {@code If-Match} is 409
 *   <li>{@code DELETE /{id}} deletes (204), with the item's attached images
 * </ul>
 *
 * @param <T> the record clients send
 */
public abstract class CollectionController<T> extends OwnedItemsController<T> {
    public static final String MERGE_PATCH = "application/merge-patch+json";

    protected CollectionController(CollectionService<T> items) {
        super(items);
    }

    @Post
    public HttpResponse<ApiResponse<JsonNode>> create(AuthenticatedUser user, @Body JsonNode body) {
        return tagged(HttpResponse.created(ApiResponse.ok(items.create(user.userId(), body))));
    }

    @Put("/{id}")
    public HttpResponse<ApiResponse<JsonNode>> replace(
            AuthenticatedUser user,
            @PathVariable String id,
            @Body JsonNode body,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(HttpResponse.ok(ApiResponse.ok(items.replace(user.userId(), id, body, ifMatch))));
    }

    @Patch("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public HttpResponse<ApiResponse<JsonNode>> patch(
            AuthenticatedUser user,
            @PathVariable String id,
            @Body JsonNode patch,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(HttpResponse.ok(ApiResponse.ok(items.patch(user.userId(), id, patch, ifMatch))));
    }
}
