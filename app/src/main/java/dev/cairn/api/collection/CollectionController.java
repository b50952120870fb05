package dev.cairn.api.collection;

import dev.cairn.api.auth.AuthenticatedUser;
import dev.cairn.api.http.ApiResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The routes of an owned collection, inherited by each resource's controller, which adds its
 * {@code @Controller} path, its {@code @ErrorResource} and any routes of its own:
 *
 * <ul>
 *   <li>{@code GET /} lists ({@code limit}, {@code cursor} and the collection's filters)
 *   <li>{@code POST /} creates (201 with the stored item)
 *   <li>{@code GET /{id}} reads, with the version as {@code ETag}
 *   <li>{@code PUT /{id}} replaces, {@code PATCH /{id}} merges (RFC 7386); a stale {@code version}
 *       or {@code If-Match} is 409
 *   <li>{@code DELETE /{id}} deletes (204), with the item's attached images
 * </ul>
 *
 * @param <T> the record clients send
 */
public abstract class CollectionController<T> {
    public static final String MERGE_PATCH = "application/merge-patch+json";

    protected final CollectionService<T> items;

    protected CollectionController(CollectionService<T> items) {
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

    @Post
    public HttpResponse<ApiResponse<JsonNode>> create(AuthenticatedUser user, @Body JsonNode body) {
        return tagged(HttpResponse.created(ApiResponse.ok(items.create(user.userId(), body))));
    }

    @Get("/{id}")
    public HttpResponse<ApiResponse<JsonNode>> get(AuthenticatedUser user, @PathVariable String id) {
        return tagged(HttpResponse.ok(ApiResponse.ok(items.get(user.userId(), id))));
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

    @Delete("/{id}")
    public HttpResponse<Void> delete(
            AuthenticatedUser user, @PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        items.delete(user.userId(), id, ifMatch);
        return HttpResponse.noContent();
    }

    /** Adds the item's version as a strong ETag, for If-Match on the next write. */
    protected static MutableHttpResponse<ApiResponse<JsonNode>> tagged(
            MutableHttpResponse<ApiResponse<JsonNode>> response) {
        ApiResponse<JsonNode> body = response.body();
        JsonNode version =
                body == null || body.data() == null ? null : body.data().get("version");
        if (version != null && version.isNumber()) {
            response.header(HttpHeaders.ETAG, "\"" + version.getLongValue() + "\"");
        }
        return response;
    }
}
