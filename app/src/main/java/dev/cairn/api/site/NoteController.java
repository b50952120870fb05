package dev.cairn.api.site;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionController;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.contract.Feature;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** Seed 004's notes: the collection's routes; lists filter by {@code tag} and {@code pinned}. */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@Controller("/api/notes")
@ErrorResource("note")
@ServedBy(Feature.NOTES)
class NoteController extends CollectionController<Note> {
    NoteController(CollectionService<Note> notes) {
        super(notes);
    }
}
