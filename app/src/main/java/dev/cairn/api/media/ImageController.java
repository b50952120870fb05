package dev.cairn.api.media;

import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.AuthenticatedUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Image uploads (pre-signed, straight to S3), their processing, and their removal. */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(name = "Images", description = "The caller's images: upload, optimized variants, delete.")
@Controller("/api/images")
@ErrorResource(ImageService.RESOURCE)
class ImageController {
    private final ImageService images;

    ImageController(ImageService images) {
        this.images = images;
    }

    /** A pre-signed PUT for one image (JPEG, PNG or WebP, at most 10 MB), valid 5 minutes. */
    @Operation(operationId = "createImageUploadUrl")
    @Post("/upload-url")
    ApiResponse<ImageService.UploadUrl> uploadUrl(AuthenticatedUser user, @Body @Valid UploadRequest request) {
        return ApiResponse.ok(images.uploadUrl(user, request.fileName(), request.fileType(), request.fileSize()));
    }

    /** Checks the uploaded image, strips its metadata, makes its thumbnail; variants follow within seconds. */
    @Operation(operationId = "completeImageUpload")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The image, with its variants as they are made")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "404",
            description = "IMAGE_NOT_FOUND: nothing was uploaded at that key")
    @Post("/upload-complete")
    ApiResponse<ImageView> uploadComplete(AuthenticatedUser user, @Body @Valid CompleteRequest request) {
        return ApiResponse.ok(images.complete(user, request.imageKey()));
    }

    /** One of the caller's images with its URLs. */
    @Operation(operationId = "getImage")
    @Get("/{id}")
    ApiResponse<ImageView> get(AuthenticatedUser user, @PathVariable String id) {
        return ApiResponse.ok(images.get(user, id));
    }

    /** Deletes an image with its thumbnail and every variant. */
    @Operation(operationId = "deleteImage")
    @Status(HttpStatus.NO_CONTENT)
    @Delete("/{id}")
    HttpResponse<Void> delete(AuthenticatedUser user, @PathVariable String id) {
        images.delete(user, id);
        return HttpResponse.noContent();
    }

    /** Makes the variants of the given images again. */
    @Operation(operationId = "optimizeImages")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The images whose variants are being made again")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "404",
            description = "IMAGE_NOT_FOUND: one of the images is not the caller's")
    @Post("/optimize")
    ApiResponse<Map<String, List<String>>> optimize(AuthenticatedUser user, @Body @Valid OptimizeRequest request) {
        return ApiResponse.ok(Map.of("imageIds", images.optimize(user, request.imageIds())));
    }

    @Serdeable
    record UploadRequest(
            @NotBlank @Size(max = 255) String fileName,
            @NotBlank String fileType,
            @Positive long fileSize) {}

    @Serdeable
    record CompleteRequest(@NotBlank @Size(max = 1024) String imageKey) {}

    @Serdeable
    record OptimizeRequest(@NotEmpty @Size(max = 50) List<@NotBlank String> imageIds) {}
}
