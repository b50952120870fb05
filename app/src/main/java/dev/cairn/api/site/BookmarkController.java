package dev.cairn.api.site;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionController;
import dev.cairn.api.collection.CollectionResource;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.contract.Feature;
import io.micronaut.http.annotation.Controller;
import io.micronaut.openapi.annotation.OpenAPIExtraSchema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Seed 004's bookmarks: the collection's routes; lists filter by {@code tag}. */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@Tag(name = "Bookmarks", description = "The caller's bookmarks (seed 004).")
@CollectionResource(singular = "Bookmark", plural = "Bookmarks", declaredBy = SiteCollections.class)
@OpenAPIExtraSchema(classes = Bookmark.class)
@Controller("/api/bookmarks")
@ErrorResource("bookmark")
@ServedBy(Feature.BOOKMARKS)
class BookmarkController extends CollectionController<Bookmark> {
    BookmarkController(CollectionService<Bookmark> bookmarks) {
        super(bookmarks);
    }
}
