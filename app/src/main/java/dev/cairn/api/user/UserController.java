package dev.cairn.api.user;

import dev.cairn.api.auth.AccessToken;
import dev.cairn.api.auth.AuthenticatedUser;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The signed-in user's own profile, name and preferences; {@code /api/auth/profile} is an alias. */
@Controller
@ErrorResource(UserService.RESOURCE)
class UserController {
    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @Get("/api/user/profile")
    ApiResponse<UserProfile> profile(AuthenticatedUser user, AccessToken token) {
        return ApiResponse.ok(users.profile(user, token.value()));
    }

    @Get("/api/auth/profile")
    ApiResponse<UserProfile> profileAlias(AuthenticatedUser user, AccessToken token) {
        return profile(user, token);
    }

    @Put("/api/user/profile")
    ApiResponse<UserProfile> updateProfile(
            AuthenticatedUser user, AccessToken token, @Body @Valid ProfileUpdate update) {
        return ApiResponse.ok(users.update(user, token.value(), update.name(), update.preferences(), update.version()));
    }

    @Put("/api/auth/profile")
    ApiResponse<UserProfile> updateProfileAlias(
            AuthenticatedUser user, AccessToken token, @Body @Valid ProfileUpdate update) {
        return updateProfile(user, token, update);
    }

    @Put("/api/user/name")
    ApiResponse<UserProfile> updateName(AuthenticatedUser user, AccessToken token, @Body @Valid NameUpdate update) {
        return ApiResponse.ok(users.update(user, token.value(), update.name(), null, update.version()));
    }

    @Get("/api/user/preferences")
    ApiResponse<Map<String, Object>> preferences(AuthenticatedUser user, AccessToken token) {
        return ApiResponse.ok(users.profile(user, token.value()).preferences());
    }

    @Put("/api/user/preferences")
    ApiResponse<Map<String, Object>> replacePreferences(
            AuthenticatedUser user, AccessToken token, @Body @NotNull Map<String, Object> preferences) {
        return ApiResponse.ok(
                users.update(user, token.value(), null, preferences, null).preferences());
    }

    /** Fields left out stay as they are; {@code version}, when given, must be the stored one. */
    @Serdeable
    record ProfileUpdate(
            @Nullable @Size(min = 1, max = 100) String name,
            @Nullable Map<String, Object> preferences,
            @Nullable Long version) {}

    @Serdeable
    record NameUpdate(
            @NotBlank @Size(max = 100) String name,
            @Nullable Long version) {}
}
