package dev.cairn.api.user;

import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.AccessToken;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.ProfileOptional;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The signed-in user's own profile, name and preferences; {@code /api/auth/profile} is an alias.
 * Routes that take an {@link AccessToken} answer a signed-in user's bearer token only, never an
 * API key; the user's Cognito account is read and deleted with the API's own admin role.
 */
@SecurityRequirement(name = ApiDocumentation.BEARER)
@Tag(name = "Account", description = "The caller's profile, preferences, data export and account deletion.")
@Controller
@ErrorResource(UserService.RESOURCE)
class UserController {
    private final UserService users;
    private final AccountService accounts;

    UserController(UserService users, AccountService accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    /** Everything of the caller's, as one JSON document. */
    @Operation(operationId = "exportUserData")
    @Get("/api/user/export")
    ApiResponse<Map<String, Object>> export(AuthenticatedUser user) {
        return ApiResponse.ok(accounts.export(user));
    }

    /** Deletes the account and all its data, after checking the password; every token of the account stops working. */
    @ProfileOptional
    @Delete("/api/user/account")
    ApiResponse<Map<String, Object>> deleteAccount(
            AuthenticatedUser user, @Parameter(hidden = true) AccessToken token, @Body @Valid AccountDeletion request) {
        accounts.delete(user, request.password());
        return ApiResponse.ok(Map.of("deleted", true));
    }

    /** The caller's profile. */
    @Operation(operationId = "getProfile")
    @Get("/api/user/profile")
    ApiResponse<UserProfile> profile(AuthenticatedUser user, @Parameter(hidden = true) AccessToken token) {
        return ApiResponse.ok(users.profile(user));
    }

    /** Same as GET /api/user/profile. */
    @Operation(operationId = "getProfileAtAuth")
    @Get("/api/auth/profile")
    ApiResponse<UserProfile> profileAlias(AuthenticatedUser user, @Parameter(hidden = true) AccessToken token) {
        return profile(user, token);
    }

    /** Changes the name and/or preferences; give version to refuse a stale write. */
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The profile as stored")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "409",
            description = "CONFLICT: the profile changed since the version sent")
    @Put("/api/user/profile")
    ApiResponse<UserProfile> updateProfile(
            AuthenticatedUser user, @Parameter(hidden = true) AccessToken token, @Body @Valid ProfileUpdate update) {
        return ApiResponse.ok(users.update(user, update.name(), update.preferences(), update.version()));
    }

    /** Same as PUT /api/user/profile. */
    @Operation(operationId = "updateProfileAtAuth")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The profile as stored")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "409",
            description = "CONFLICT: the profile changed since the version sent")
    @Put("/api/auth/profile")
    ApiResponse<UserProfile> updateProfileAlias(
            AuthenticatedUser user, @Parameter(hidden = true) AccessToken token, @Body @Valid ProfileUpdate update) {
        return updateProfile(user, token, update);
    }

    /** Changes the display name. */
    @Put("/api/user/name")
    ApiResponse<UserProfile> updateName(
            AuthenticatedUser user, @Parameter(hidden = true) AccessToken token, @Body @Valid NameUpdate update) {
        return ApiResponse.ok(users.update(user, update.name(), null, update.version()));
    }

    /** The caller's preferences. */
    @Operation(operationId = "getPreferences")
    @Get("/api/user/preferences")
    ApiResponse<Map<String, Object>> preferences(AuthenticatedUser user, @Parameter(hidden = true) AccessToken token) {
        return ApiResponse.ok(users.profile(user).preferences());
    }

    /** Replaces the preferences (strings, numbers and booleans; language as a tag). */
    @Put("/api/user/preferences")
    ApiResponse<Map<String, Object>> replacePreferences(
            AuthenticatedUser user,
            @Parameter(hidden = true) AccessToken token,
            @Body @NotNull Map<String, Object> preferences) {
        return ApiResponse.ok(users.update(user, null, preferences, null).preferences());
    }

    /** Fields left out stay as they are; {@code version}, when given, must be the stored one. */
    @Serdeable
    record ProfileUpdate(
            @Nullable @Size(min = 1, max = 100) String name,
            @Nullable Map<String, Object> preferences,
            @Nullable Long version) {}

    @Serdeable
    record AccountDeletion(@NotBlank @Size(max = 256) String password) {}

    @Serdeable
    record NameUpdate(
            @NotBlank @Size(max = 100) String name,
            @Nullable Long version) {}
}
