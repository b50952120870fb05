package dev.cairn.api.auth;

import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.AccessToken;
import dev.cairn.api.identity.AuthenticatedUser;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** The caller's signed-in devices (one session a sign-in), and ending one of them. */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(name = "Sessions")
@Controller("/api/auth/sessions")
@ErrorResource("session")
class SessionsController {
    private final AuthService auth;

    SessionsController(AuthService auth) {
        this.auth = auth;
    }

    /** The caller's sessions, newest first; {@code current} marks the one this token belongs to. */
    @Operation(operationId = "listSessions")
    @Get
    ApiResponse<List<AuthService.SessionView>> list(
            AuthenticatedUser user, @Parameter(hidden = true) AccessToken token) {
        return ApiResponse.ok(auth.sessions(user, token.value()));
    }

    /** Ends one session: its refresh token stops working, and its access tokens are refused. */
    @Operation(operationId = "endSession")
    @Delete("/{id}")
    ApiResponse<Message> end(
            AuthenticatedUser user, @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,128}") String id) {
        if (!auth.endSession(user, id)) {
            throw new ApiException(404, ErrorCodes.notFound("session"), "There is no such session");
        }
        return ApiResponse.ok(new Message("The session is ended"));
    }

    @Serdeable
    record Message(String message) {}
}
