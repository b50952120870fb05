package dev.cairn.api.guitar;

import dev.cairn.api.auth.AuthenticatedUser;
import dev.cairn.api.collection.CollectionController;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.List;

/** Seed 001's guitar routes: the collection's, the caller's brands, and notes on a guitar. */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Controller("/api/guitars")
@ErrorResource("guitar")
@Requires(property = Guitars.TABLE_PROPERTY, pattern = ".+")
class GuitarController extends CollectionController<Guitar> {

    GuitarController(CollectionService<Guitar> guitars) {
        super(guitars);
    }

    /** The caller's distinct brands, from per-brand counts (one small query). */
    @Get("/brands")
    ApiResponse<List<String>> brands(AuthenticatedUser user) {
        return ApiResponse.ok(items.facet(user.userId(), "brand"));
    }

    /** Adds a note; answers the guitar with it. */
    @Post("/{id}/notes")
    HttpResponse<ApiResponse<JsonNode>> addNote(
            AuthenticatedUser user, @PathVariable String id, @Body @Valid GuitarNote note) {
        return tagged(HttpResponse.created(ApiResponse.ok(items.addEntry(user.userId(), id, "notes", note))));
    }

    /** Removes a note; answers the guitar without it. */
    @Delete("/{id}/notes/{noteId}")
    HttpResponse<ApiResponse<JsonNode>> deleteNote(
            AuthenticatedUser user, @PathVariable String id, @PathVariable String noteId) {
        return tagged(HttpResponse.ok(
                ApiResponse.ok(items.removeEntry(user.userId(), id, "notes", noteId, "NOTE_NOT_FOUND"))));
    }
}
