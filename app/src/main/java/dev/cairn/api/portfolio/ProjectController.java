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
 * Seed 002's projects: public reads (no token; cached by the CDN, {@code ?drafts=true} for
 * admins), admin-only writes.
 */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(
        name = "Projects",
        description = "The portfolio's projects (seed 002): anyone reads the published ones by category;"
                + " admins write them and see drafts.")
@Controller("/api/projects")
@ErrorResource(ProjectService.RESOURCE)
@ServedBy(Feature.PORTFOLIO)
class ProjectController {
    private final ProjectService projects;
    private final SiteReads reads;

    ProjectController(ProjectService projects, SiteReads reads) {
        this.projects = projects;
        this.reads = reads;
    }

    /** The published projects of a category in their order, or of every category in the blueprint's order. */
    @Operation(operationId = "listProjects")
    @Public
    @RequiresGroupWhen(value = RequiresGroup.ADMIN, parameter = SiteReads.DRAFTS)
    @Get
    HttpResponse<ApiResponse<List<ProjectView>>> list(
            @Parameter(description = "One of the blueprint's categories; all of them, in order, if absent.")
                    @Nullable
                    @QueryValue
                    String category,
            @Parameter(description = PortfolioDocs.DRAFTS) @QueryValue(defaultValue = "false") boolean drafts,
            @Parameter(description = PortfolioDocs.IF_NONE_MATCH) @Nullable @Header(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch,
            @Nullable AuthenticatedUser user) {
        boolean withDrafts = PortfolioDocs.drafts(drafts, user);
        return reads.list(projects.list(category, withDrafts), withDrafts, ifNoneMatch);
    }

    /** A published project with its photos in order. */
    @Operation(operationId = "getProject")
    @Public
    @RequiresGroupWhen(value = RequiresGroup.ADMIN, parameter = SiteReads.DRAFTS)
    @Get("/{projectId}")
    HttpResponse<ApiResponse<ProjectView>> get(
            @PathVariable String projectId,
            @Parameter(description = PortfolioDocs.DRAFTS) @QueryValue(defaultValue = "false") boolean drafts,
            @Parameter(description = PortfolioDocs.IF_NONE_MATCH) @Nullable @Header(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch,
            @Nullable AuthenticatedUser user) {
        boolean withDrafts = PortfolioDocs.drafts(drafts, user);
        ProjectView project = projects.get(projectId, withDrafts);
        return reads.item(project, project.version(), withDrafts, ifNoneMatch);
    }

    /** Creates a project, a draft unless published; by default last in its category. */
    @Operation(operationId = "createProject")
    @RequiresGroup(RequiresGroup.ADMIN)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = PortfolioDocs.ADMIN_403)
    @Status(HttpStatus.CREATED)
    @Post
    HttpResponse<ApiResponse<ProjectView>> create(AuthenticatedUser user, @Body @Valid ProjectInput body) {
        ProjectView project = projects.create(body);
        return PortfolioDocs.tagged(HttpResponse.created(ApiResponse.ok(project)), project.version());
    }

    /** Replaces a project's fields. */
    @Operation(operationId = "replaceProject")
    @RequiresGroup(RequiresGroup.ADMIN)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = PortfolioDocs.ADMIN_403)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = PortfolioDocs.CONFLICT)
    @Put("/{projectId}")
    HttpResponse<ApiResponse<ProjectView>> replace(
            AuthenticatedUser user,
            @PathVariable String projectId,
            @Body @Valid ProjectInput body,
            @Parameter(description = PortfolioDocs.IF_MATCH) @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        ProjectView project = projects.replace(projectId, body, ifMatch);
        return PortfolioDocs.tagged(HttpResponse.ok(ApiResponse.ok(project)), project.version());
    }

    /** Changes some of a project's fields (JSON merge patch). */
    @Operation(operationId = "updateProject")
    @RequiresGroup(RequiresGroup.ADMIN)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = PortfolioDocs.ADMIN_403)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = PortfolioDocs.CONFLICT)
    @Patch("/{projectId}")
    @Consumes({MediaType.APPLICATION_JSON, CollectionController.MERGE_PATCH})
    HttpResponse<ApiResponse<ProjectView>> patch(
            AuthenticatedUser user,
            @PathVariable String projectId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = ProjectPatch.class)),
                                @Content(
                                        mediaType = CollectionController.MERGE_PATCH,
                                        schema = @Schema(implementation = ProjectPatch.class))
                            })
                    @Body
                    JsonNode patch,
            @Parameter(description = PortfolioDocs.IF_MATCH) @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        ProjectView project = projects.patch(projectId, patch, ifMatch);
        return PortfolioDocs.tagged(HttpResponse.ok(ApiResponse.ok(project)), project.version());
    }

    /** Deletes a project with its photos, their images and media. */
    @Operation(operationId = "deleteProject")
    @RequiresGroup(RequiresGroup.ADMIN)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = PortfolioDocs.ADMIN_403)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = PortfolioDocs.CONFLICT)
    @Status(HttpStatus.NO_CONTENT)
    @Delete("/{projectId}")
    HttpResponse<Void> delete(
            AuthenticatedUser user,
            @PathVariable String projectId,
            @Parameter(description = PortfolioDocs.IF_MATCH) @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        projects.delete(projectId, ifMatch);
        return HttpResponse.noContent();
    }
}
