package dev.cairn.api.guitar;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionController;
import dev.cairn.api.collection.CollectionResource;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.ImageRef;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.storage.DocumentUpload;
import dev.cairn.api.storage.PrivateMedia;
import dev.cairn.contract.Feature;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.openapi.annotation.OpenAPIExtraSchema;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Seed 001's guitar routes: the collection's, the caller's brands, notes on a guitar, and its
 * purchase receipt, a private document (PDF, JPEG, PNG or WebP; at most 10 MB):
 *
 * <ol>
 *   <li>{@code POST /api/guitars/{id}/receipt/upload-url {fileName, fileType, fileSize}}: a PUT URL,
 *       valid five minutes, for exactly that file, and the {@code fileKey} it writes
 *   <li>the client PUTs the file there, with the {@code headers} given
 *   <li>{@code POST /api/guitars/{id}/receipt/upload-complete {fileKey}}: the content is checked
 *       and the guitar keeps the object's key (a previous receipt is deleted); 200 with the guitar,
 *       or 400 {@code RECEIPT_UPLOAD_FAILED} with the upload removed
 * </ol>
 *
 * {@code DELETE /api/guitars/{id}/receipt} removes it. A guitar with a receipt shows {@code
 * privateInfo.receiptUrl}, a download signed for five minutes; the URL is never stored, and
 * deleting the guitar deletes the receipt.
 */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(name = "Guitars", description = "The caller's guitars, their notes and purchase receipts (seed 001).")
@CollectionResource(
        singular = "Guitar",
        plural = "Guitars",
        declaredBy = Guitars.class,
        view = GuitarController.View.class)
@OpenAPIExtraSchema(classes = {Guitar.class, GuitarController.View.class, ImageRef.class})
@Controller("/api/guitars")
@ErrorResource("guitar")
@ServedBy(Feature.GUITARS)
class GuitarController extends CollectionController<Guitar> {

    private final Receipts receipts;

    GuitarController(CollectionService<Guitar> guitars, Receipts receipts) {
        super(guitars);
        this.receipts = receipts;
    }

    /** The caller's distinct brands, from per-brand counts (one small query). */
    @Operation(operationId = "listGuitarBrands")
    @Get("/brands")
    ApiResponse<List<String>> brands(AuthenticatedUser user) {
        return ApiResponse.ok(items.facet(user.userId(), "brand"));
    }

    /** Adds a note; answers the guitar with it. */
    @Operation(operationId = "addGuitarNote")
    @Status(HttpStatus.CREATED)
    @Post("/{id}/notes")
    HttpResponse<ApiResponse<JsonNode>> addNote(
            AuthenticatedUser user, @PathVariable String id, @Body @Valid GuitarNote note) {
        return tagged(HttpResponse.created(ApiResponse.ok(items.addEntry(user.userId(), id, "notes", note))));
    }

    /** A pre-signed PUT for the guitar's receipt. */
    @Operation(operationId = "createReceiptUploadUrl")
    @Post("/{id}/receipt/upload-url")
    ApiResponse<PrivateMedia.Upload> receiptUploadUrl(
            AuthenticatedUser user, @PathVariable String id, @Body @Valid DocumentUpload upload) {
        return ApiResponse.ok(
                receipts.uploadUrl(items, user.userId(), id, upload.fileName(), upload.fileType(), upload.fileSize()));
    }

    /** Checks the uploaded receipt and attaches it; answers the guitar. */
    @Operation(operationId = "completeReceiptUpload")
    @Post("/{id}/receipt/upload-complete")
    HttpResponse<ApiResponse<JsonNode>> receiptUploadComplete(
            AuthenticatedUser user, @PathVariable String id, @Body @Valid ReceiptComplete complete) {
        return tagged(HttpResponse.ok(ApiResponse.ok(receipts.complete(items, user.userId(), id, complete.fileKey()))));
    }

    /** Removes the receipt; answers the guitar without it. */
    @Operation(operationId = "deleteReceipt")
    @Delete("/{id}/receipt")
    HttpResponse<ApiResponse<JsonNode>> deleteReceipt(AuthenticatedUser user, @PathVariable String id) {
        return tagged(HttpResponse.ok(ApiResponse.ok(receipts.remove(items, user.userId(), id))));
    }

    /** Removes a note; answers the guitar without it. */
    @Operation(operationId = "deleteGuitarNote")
    @Delete("/{id}/notes/{noteId}")
    HttpResponse<ApiResponse<JsonNode>> deleteNote(
            AuthenticatedUser user, @PathVariable String id, @PathVariable String noteId) {
        return tagged(HttpResponse.ok(
                ApiResponse.ok(items.removeEntry(user.userId(), id, "notes", noteId, "NOTE_NOT_FOUND"))));
    }

    /** What a guitar shows besides its fields: its notes, and a signed link to its receipt. */
    @Serdeable
    record View(@Nullable List<NoteEntry> notes, @Nullable ReceiptLink privateInfo) {}

    /** A note as stored: its id and when it was added. */
    @Serdeable
    record NoteEntry(String id, String content, String createdAt) {}

    /** Where the receipt can be downloaded: a URL signed for five minutes. */
    @Serdeable
    record ReceiptLink(@Nullable String receiptUrl) {}

    @Serdeable
    record ReceiptComplete(@NotBlank @Size(max = 1024) String fileKey) {}
}
