package dev.cairn.api.portfolio;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.SiteReads;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.Public;
import dev.cairn.api.identity.RequiresGroup;
import dev.cairn.contract.Feature;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Seed 002's pages: anyone reads them; admins write them whole. */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(
        name = "Pages",
        description = "The portfolio's pages (seed 002), as the blueprint lists them: content and images;"
                + " anyone reads them, admins write them.")
@Controller("/api/pages")
@ErrorResource(PageService.RESOURCE)
@ServedBy(Feature.PORTFOLIO)
class PageController {
    private final PageService pages;
    private final SiteReads reads;

    PageController(PageService pages, SiteReads reads) {
        this.pages = pages;
        this.reads = reads;
    }

    /** A page of the site, with its images' variants. */
    @Operation(operationId = "getPage")
    @Public
    @Get("/{pageId}")
    HttpResponse<ApiResponse<PageView>> get(
            @PathVariable String pageId,
            @Parameter(description = PortfolioDocs.IF_NONE_MATCH) @Nullable @Header(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch) {
        PageView page = pages.get(pageId);
        return reads.item(page, page.version(), false, ifNoneMatch);
    }

    /** Writes a page whole, creating it the first time. */
    @Operation(operationId = "replacePage")
    @RequiresGroup(RequiresGroup.ADMIN)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = PortfolioDocs.ADMIN_403)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "409",
            description = "CONFLICT: the page changed since the version the write names.")
    @Put("/{pageId}")
    HttpResponse<ApiResponse<PageView>> put(
            AuthenticatedUser user,
            @PathVariable String pageId,
            @Body @Valid PageInput body,
            @Parameter(description = PortfolioDocs.IF_MATCH) @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        PageView page = pages.put(user.userId(), pageId, body, ifMatch);
        return PortfolioDocs.tagged(HttpResponse.ok(ApiResponse.ok(page)), page.version());
    }
}
