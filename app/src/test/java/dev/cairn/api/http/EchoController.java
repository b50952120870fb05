package dev.cairn.api.http;

import dev.cairn.api.identity.Public;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** A route that exists only in tests, to drive the error paths every real route shares. */
@Public
@Controller("/api/echo")
class EchoController {

    @Post
    ApiResponse<Named> echo(@Body @Valid Named body) {
        return ApiResponse.ok(new Named(String.valueOf(body.name().length())));
    }

    @Get("/boom")
    ApiResponse<Named> boom() {
        throw new IllegalStateException("secret-internal-detail");
    }

    @Get("/conflict")
    ApiResponse<Named> conflict() {
        throw new ApiException(409, ErrorCodes.CONFLICT, "Stale version");
    }

    @Serdeable
    record Named(@NotBlank String name) {}
}
