package dev.cairn.api.keys;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionResource;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.OwnedItemsController;
import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.AuthenticatedUser;
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

/**
 * Seed 004's API keys, managed by the signed-in owner only (a request made with a key is 403 here):
 * {@code POST /api/keys {name, scope: "read"|"write", dailyQuota}} answers 201 with the key in
 * {@code key}, shown this once; {@code GET /api/keys} and {@code GET /api/keys/{id}} show each key's
 * name, scope, quota and {@code prefix}, never the key; {@code DELETE /api/keys/{id}} revokes it.
 *
 * <p>A client sends the key as {@code X-Api-Key} (without a bearer token) and acts as its owner.
 */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(name = "API keys", description = "The caller's API keys (seed 004), for machine clients.")
@CollectionResource(
        singular = "ApiKey",
        plural = "ApiKeys",
        declaredBy = ApiKeys.class,
        view = ApiKeyController.View.class)
@OpenAPIExtraSchema(classes = {ApiKeyDetails.class, ApiKeyController.View.class})
@Controller("/api/keys")
@ErrorResource("api_key")
@ServedBy(Feature.API_KEYS)
class ApiKeyController extends OwnedItemsController<ApiKeyDetails> {
    private final ApiKeyService service;

    ApiKeyController(CollectionService<ApiKeyDetails> keys, ApiKeyService service) {
        super(keys);
        this.service = service;
    }

    /** Creates a key; the answer holds the key itself, shown this once. */
    @Operation(operationId = "createApiKey")
    @Status(HttpStatus.CREATED)
    @Post
    HttpResponse<ApiResponse<JsonNode>> create(AuthenticatedUser user, @Body JsonNode body) {
        return tagged(HttpResponse.created(ApiResponse.ok(service.create(user.userId(), body))));
    }

    /**
     * What the server records of a key: the first characters that tell it apart, when it was last
     * used; and the key itself, in the answer to its creation only.
     */
    @Serdeable
    record View(
            String prefix,
            @Nullable String lastUsedAt,
            @Nullable String key) {}
}
