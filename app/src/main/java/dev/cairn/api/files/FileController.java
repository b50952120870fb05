package dev.cairn.api.files;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionResource;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.OwnedItemsController;
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

/**
 * Seed 004's private files (PDF, plain text, JPEG, PNG, WebP; at most 25 MB), uploaded straight to
 * S3 through a pre-signed PUT:
 *
 * <ol>
 *   <li>{@code POST /api/files/upload-url {fileName, fileType, fileSize}}: a PUT URL, valid five
 *       minutes, that accepts exactly that type and size, and the {@code fileKey} it writes
 *   <li>the client PUTs the file there, with the {@code headers} given
 *   <li>{@code POST /api/files/upload-complete {fileKey, title?}}: the content is checked (a PDF
 *       starts {@code %PDF-}, text is UTF-8 without NUL, images are what they claim); 201 with the
 *       file, or 400 {@code FILE_UPLOAD_FAILED} with the upload removed
 * </ol>
 *
 * Then {@code GET /api/files} (paginated, {@code contentType} filter), {@code GET /api/files/{id}}
 * and {@code DELETE /api/files/{id}} (with the stored object). Every view carries {@code url}: a
 * download signed for five minutes, as an attachment unless the file is an image.
 */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@Tag(name = "Files", description = "The caller's private documents (seed 004): upload, list, download, delete.")
@CollectionResource(
        singular = "File",
        plural = "Files",
        declaredBy = PrivateFiles.class,
        view = FileController.View.class)
@OpenAPIExtraSchema(classes = {FileDetails.class, FileController.View.class})
@Controller("/api/files")
@ErrorResource(FileService.RESOURCE)
@ServedBy(Feature.FILES)
class FileController extends OwnedItemsController<FileDetails> {
    private final FileService uploads;

    FileController(CollectionService<FileDetails> files, FileService uploads) {
        super(files);
        this.uploads = uploads;
    }

    /** A pre-signed PUT for one file, valid 5 minutes. */
    @Operation(operationId = "createFileUploadUrl")
    @Post("/upload-url")
    ApiResponse<PrivateMedia.Upload> uploadUrl(AuthenticatedUser user, @Body @Valid DocumentUpload request) {
        return ApiResponse.ok(
                uploads.uploadUrl(user.userId(), request.fileName(), request.fileType(), request.fileSize()));
    }

    /** Checks the uploaded file and records it. */
    @Operation(operationId = "completeFileUpload")
    @Status(HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "404",
            description = "FILE_NOT_FOUND: nothing was uploaded at that key")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "409",
            description = "CONFLICT: the upload was already recorded")
    @Post("/upload-complete")
    HttpResponse<ApiResponse<JsonNode>> uploadComplete(AuthenticatedUser user, @Body @Valid CompleteRequest request) {
        return tagged(HttpResponse.created(
                ApiResponse.ok(uploads.complete(user.userId(), request.fileKey(), request.title()))));
    }

    /** What the server records of a file, and where to download it: a URL signed for five minutes. */
    @Serdeable
    record View(
            String fileName,
            String contentType,
            long size,
            @Nullable String url) {}

    @Serdeable
    record CompleteRequest(
            @NotBlank @Size(max = 1024) String fileKey,
            @Nullable @Size(max = 200) String title) {}
}
