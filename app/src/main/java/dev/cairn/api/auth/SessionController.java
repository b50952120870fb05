package dev.cairn.api.auth;

import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.identity.AuthenticatedUser;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

/** Who the access token says the caller is: the simplest way for a client to check its token. */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(name = "Sessions", description = "The caller's signed-in devices and the current session.")
@Controller("/api/auth/session")
final class SessionController {

    /** Who the access token says the caller is. */
    @Operation(operationId = "getSession")
    @Get
    ApiResponse<Session> session(AuthenticatedUser user) {
        return ApiResponse.ok(new Session(
                user.userId(), user.username(), user.groups().stream().sorted().toList(), user.expiresAt()));
    }

    @Serdeable
    record Session(String userId, String username, List<String> groups, Instant expiresAt) {}
}
