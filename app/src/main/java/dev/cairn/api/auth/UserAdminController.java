package dev.cairn.api.auth;

import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.RequiresGroup;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

/** What the {@code admin} group may do to other users' accounts. */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(name = "Administration", description = "Account administration, for the admin group.")
@Controller("/api/admin/users")
@ErrorResource("user")
@RequiresGroup(RequiresGroup.ADMIN)
class UserAdminController {
    private final AuthService auth;

    UserAdminController(AuthService auth) {
        this.auth = auth;
    }

    /** Disables a user (by id): no more sign-ins, and every token they hold stops working. */
    @Post("/{userId}/disable")
    ApiResponse<Disabled> disable(@PathVariable @Pattern(regexp = "[0-9a-fA-F-]{36}") String userId) {
        if (!auth.disable(userId)) {
            throw new ApiException(404, ErrorCodes.notFound("user"), "There is no such user");
        }
        return ApiResponse.ok(new Disabled(userId, true));
    }

    @Serdeable
    record Disabled(String userId, boolean disabled) {}
}
