package dev.cairn.api.auth;

import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.RequiresGroup;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/** A route that exists only in tests: an admin-only route like the photo portfolio's writes. */
@Controller("/api/test/admin")
class AdminOnlyController {

    @RequiresGroup(RequiresGroup.ADMIN)
    @Get
    ApiResponse<Map<String, String>> admin(AuthenticatedUser user) {
        return ApiResponse.ok(Map.of("userId", user.userId()));
    }
}
