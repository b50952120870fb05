package dev.cairn.api.portfolio;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionController;
import dev.cairn.api.collection.SiteReads;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.Public;
import dev.cairn.api.identity.RequiresGroup;
import dev.cairn.api.identity.RequiresGroupWhen;
import dev.cairn.contract.Feature;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

/**
 * The photos of seed 002's projects: public reads in their order (as the project's), admin-only
 * writes, and an atomic reorder.
 */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(
        name = "Photos",
        description = "A project's photos (seed 002): responsive variants in JPEG and WebP with a placeholder;"
                + " admins add them from their uploads, describe, reorder and delete them.")
@Controller("/api/projects/{projectId}/photos")
@ErrorResource(ProjectService.PHOTO_RESOURCE)
@ServedBy(Feature.PORTFOLIO)
class PhotoController {
    private final ProjectService projects;
    private final SiteReads reads;

    PhotoController(ProjectService projects, SiteReads reads) {
        this.projects = projects;
        this.reads = reads;
    }

    /** A published project's photos in their order. */
    @Operation(operationId = "listProjectPhotos")
    @Public
    @RequiresGroupWhen(value = RequiresGroup.ADMIN, parameter = SiteReads.DRAFTS)
    @Get
    HttpResponse<ApiResponse<List<PhotoView>>> list(
            @PathVariable String projectId,
            @Parameter(description = PortfolioDocs.DRAFTS) @QueryValue(defaultValue = "false") boolean drafts,
            @Parameter(description = PortfolioDocs.IF_NONE_MATCH) @Nullable @Header(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch,
            @Nullable AuthenticatedUser user) {
        boolean withDrafts = PortfolioDocs.drafts(drafts, user);
        return reads.list(projects.photos(projectId, withDrafts), withDrafts, ifNoneMatch);
    }

    /** Adds one of the caller's uploaded images to the project, last; at most 48 photos a project. */
    @Operation(operationId = "addProjectPhoto")
    @RequiresGroup(RequiresGroup.ADMIN)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = PortfolioDocs.ADMIN_403)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = PortfolioDocs.CONFLICT)
    @Status(HttpStatus.CREATED)
    @Post
    HttpResponse<ApiResponse<PhotoView>> add(
            AuthenticatedUser user, @PathVariable String projectId, @Body @Valid PhotoInput body) {
        return HttpResponse.created(ApiResponse.ok(projects.addPhoto(user.userId(), projectId, body)));
    }

    /** Puts the project's photos in a new order, all at once: the list must hold each of them exactly once. */
    @Operation(operationId = "reorderProjectPhotos")
    @RequiresGroup(RequiresGroup.ADMIN)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = PortfolioDocs.ADMIN_403)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = PortfolioDocs.CONFLICT)
    @Put("/order")
    ApiResponse<List<PhotoView>> reorder(
            AuthenticatedUser user,
            @PathVariable String projectId,
            @Body @Valid PhotoOrder body,
            @Parameter(description = PortfolioDocs.IF_MATCH) @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return ApiResponse.ok(projects.reorder(projectId, body.photoIds(), ifMatch));
    }

    /** Changes a photo's alternative text (JSON merge patch). */
    @Operation(operationId = "updateProjectPhoto")
    @RequiresGroup(RequiresGroup.ADMIN)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = PortfolioDocs.ADMIN_403)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = PortfolioDocs.CONFLICT)
    @Patch("/{photoId}")
    @Consumes({MediaType.APPLICATION_JSON, CollectionController.MERGE_PATCH})
    ApiResponse<PhotoView> patch(
            AuthenticatedUser user,
            @PathVariable String projectId,
            @PathVariable String photoId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = PhotoPatch.class)),
                                @Content(
                                        mediaType = CollectionController.MERGE_PATCH,
                                        schema = @Schema(implementation = PhotoPatch.class))
                            })
                    @Body
                    JsonNode patch,
            @Parameter(description = PortfolioDocs.IF_MATCH) @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return ApiResponse.ok(projects.updatePhoto(projectId, photoId, patch, ifMatch));
    }

    /** Removes a photo with its image and media. */
    @Operation(operationId = "deleteProjectPhoto")
    @RequiresGroup(RequiresGroup.ADMIN)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = PortfolioDocs.ADMIN_403)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = PortfolioDocs.CONFLICT)
    @Status(HttpStatus.NO_CONTENT)
    @Delete("/{photoId}")
    HttpResponse<Void> delete(
            AuthenticatedUser user,
            @PathVariable String projectId,
            @PathVariable String photoId,
            @Parameter(description = PortfolioDocs.IF_MATCH) @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        projects.deletePhoto(projectId, photoId, ifMatch);
        return HttpResponse.noContent();
    }
}
