package dev.cairn.api.health;

import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.identity.Public;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Liveness of the API, and the build it runs. */
@Tag(name = "Health", description = "Whether the API runs, and which build.")
@Controller("/api/health")
final class HealthController {

    private final BuildInfo build;

    HealthController(BuildInfo build) {
        this.build = build;
    }

    /** Liveness and version of the API. */
    @Public
    @Get
    ApiResponse<Health> health() {
        return ApiResponse.ok(new Health("UP", build.version()));
    }

    @Serdeable
    record Health(String status, String version) {}
}
