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

/** Seed 004's notes: the collection's routes; lists filter by {@code tag} and {@code pinned}. */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@Tag(name = "Notes", description = "The caller's notes (seed 004): pinned first, filtered by tag.")
@CollectionResource(singular = "Note", plural = "Notes", declaredBy = SiteCollections.class)
@OpenAPIExtraSchema(classes = Note.class)
@Controller("/api/notes")
@ErrorResource("note")
@ServedBy(Feature.NOTES)
class NoteController extends CollectionController<Note> {
    NoteController(CollectionService<Note> notes) {
        super(notes);
    }
}
