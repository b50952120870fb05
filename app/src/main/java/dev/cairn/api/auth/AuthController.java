package dev.cairn.api.auth;

import dev.cairn.api.docs.ApiDocumentation;
import dev.cairn.api.http.ApiResponse;
import dev.cairn.api.http.ErrorResource;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.CallerContext;
import dev.cairn.api.identity.IdentityProvider;
import dev.cairn.api.identity.Public;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Sign-up, sign-in and the account's credentials. Everything here is public except MFA
 * enrolment, which acts on the signed-in user.
 */
@Tag(name = "Sign-in", description = "Sign-up, sign-in with password and TOTP, tokens, password reset, MFA enrolment.")
@Controller("/api/auth")
@ErrorResource("auth")
class AuthController {
    private static final String CODE = "\\s*\\d{6}\\s*";

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    /** Signs up with e-mail, password and name; a verification code is e-mailed. */
    @Public
    @Status(HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "409",
            description = "AUTH_USER_EXISTS: an account with this address exists")
    @Post("/register")
    HttpResponse<ApiResponse<Registered>> register(@Body @Valid RegisterRequest request) {
        String userId = auth.register(request.email(), request.password(), request.name());
        return HttpResponse.created(
                ApiResponse.ok(new Registered(userId, AuthService.normalise(request.email()), false)));
    }

    /** Confirms the e-mail address with the mailed code. */
    @Public
    @Post("/confirm")
    ApiResponse<Message> confirm(@Body @Valid ConfirmRequest request) {
        auth.confirm(request.email(), request.code());
        return ApiResponse.ok(new Message("The e-mail address is confirmed; you can log in"));
    }

    /** Same as /api/auth/confirm. */
    @Public
    @Post("/verify-email")
    ApiResponse<Message> verifyEmail(@Body @Valid ConfirmRequest request) {
        return confirm(request);
    }

    /**
     * Sends a new verification code. Without the password chosen at sign-up, the pending account's
     * password is replaced by one nobody knows: after confirming, choose one with forgot-password.
     */
    @Public
    @Post("/resend-code")
    ApiResponse<Message> resendCode(@Body @Valid ResendCodeRequest request) {
        auth.resendCode(request.email(), request.password());
        return ApiResponse.ok(new Message("If the account waits for confirmation, a new code is on its way"));
    }

    /** Logs in: tokens, or an MFA challenge to answer at /api/auth/login/mfa. */
    @Public
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "Signed in, or the MFA challenge to answer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(oneOf = {TokenResponse.class, MfaChallenge.class})))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "401",
            description = "AUTH_INVALID_CREDENTIALS: wrong address or password")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "403",
            description = "AUTH_USER_NOT_CONFIRMED: the address is not confirmed yet")
    @Post("/login")
    ApiResponse<Object> login(@Body @Valid LoginRequest request, HttpRequest<?> http) {
        AuthService.LoginResult result = auth.login(request.email(), request.password(), CallerContext.of(http));
        if (result.tokens() != null) {
            return ApiResponse.ok(TokenResponse.of(result.tokens()));
        }
        return ApiResponse.ok(new MfaChallenge("SOFTWARE_TOKEN_MFA", result.mfaSession()));
    }

    /** Answers the MFA challenge with the authenticator code. */
    @Public
    @Post("/login/mfa")
    ApiResponse<TokenResponse> loginMfa(@Body @Valid MfaLoginRequest request, HttpRequest<?> http) {
        return ApiResponse.ok(
                TokenResponse.of(auth.answerMfa(request.session(), request.code(), CallerContext.of(http))));
    }

    /** New access and id tokens from a refresh token; 401 once its session was ended. */
    @Public
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "New tokens")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "401",
            description = "AUTH_UNAUTHORIZED: the refresh token is not valid any more")
    @Post("/refresh")
    ApiResponse<TokenResponse> refresh(@Body @Valid RefreshRequest request) {
        return ApiResponse.ok(TokenResponse.of(auth.refresh(request.refreshToken())));
    }

    /** Ends the refresh token's session (this device): it and that sign-in's access tokens stop working. */
    @Public
    @Post("/logout")
    ApiResponse<Message> logout(@Body @Valid RefreshRequest request) {
        auth.logout(request.refreshToken());
        return ApiResponse.ok(new Message("Logged out"));
    }

    /** Signs out on every device: every refresh token of the user is revoked, every access token refused. */
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @Post("/logout-all")
    ApiResponse<Message> logoutAll(AuthenticatedUser user) {
        auth.logoutEverywhere(user);
        return ApiResponse.ok(new Message("Logged out on every device"));
    }

    /** E-mails a password reset code (the answer is the same for unknown addresses). */
    @Public
    @Post("/forgot-password")
    ApiResponse<Message> forgotPassword(@Body @Valid EmailRequest request) {
        auth.forgotPassword(request.email());
        return ApiResponse.ok(new Message("If an account uses this address, a reset code is on its way"));
    }

    /** Sets a new password with the mailed reset code. */
    @Public
    @Post("/reset-password")
    ApiResponse<Message> resetPassword(@Body @Valid ResetPasswordRequest request) {
        auth.resetPassword(request.email(), request.code(), request.newPassword());
        return ApiResponse.ok(new Message("The password is changed; log in with the new one"));
    }

    /**
     * Starts TOTP enrolment: a secret and an otpauth URI for an authenticator app. Needs the
     * password, and a current code when TOTP is on already.
     */
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @Post("/mfa/setup")
    ApiResponse<AuthService.TotpEnrolment> mfaSetup(
            @Body @Valid MfaProofRequest request, AuthenticatedUser user, HttpRequest<?> http) {
        return ApiResponse.ok(auth.startTotp(user, request.password(), request.code(), CallerContext.of(http)));
    }

    /**
     * Turns TOTP two-factor sign-in on with a code from the new authenticator. Needs the password
     * too, and {@code currentCode} from the authenticator in use when TOTP is on already.
     */
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @Post("/mfa/verify")
    ApiResponse<Message> mfaVerify(@Body @Valid MfaVerifyRequest request, AuthenticatedUser user, HttpRequest<?> http) {
        auth.finishTotp(user, request.password(), request.code(), request.currentCode(), CallerContext.of(http));
        return ApiResponse.ok(new Message("Two-factor sign-in is on"));
    }

    /** Turns TOTP two-factor sign-in off. Needs the password and a current code. */
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @Delete("/mfa")
    ApiResponse<Message> mfaDisable(@Body @Valid MfaProofRequest request, AuthenticatedUser user, HttpRequest<?> http) {
        auth.disableTotp(user, request.password(), request.code(), CallerContext.of(http));
        return ApiResponse.ok(new Message("Two-factor sign-in is off"));
    }

    @Serdeable
    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 256) String password,
            @NotBlank @Size(max = 100) String name) {}

    @Serdeable
    record ConfirmRequest(
            @NotBlank @Email String email,
            @NotBlank @Pattern(regexp = CODE) String code) {}

    @Serdeable
    record EmailRequest(@NotBlank @Email String email) {}

    /** {@code password}: the one chosen at sign-up; without it the pending password stops working. */
    @Serdeable
    record ResendCodeRequest(
            @NotBlank @Email String email,
            @Nullable @Size(max = 256) String password) {}

    @Serdeable
    record LoginRequest(
            @NotBlank @Email String email,
            @NotBlank @Size(max = 256) String password) {}

    @Serdeable
    record MfaLoginRequest(
            @NotBlank @Size(max = 4096) String session,
            @NotBlank @Pattern(regexp = CODE) String code) {}

    /**
     * Proof for a change to two-factor sign-in: the password, and a current authenticator code
     * when TOTP is on.
     */
    @Serdeable
    record MfaProofRequest(
            @NotBlank @Size(max = 256) String password,
            @Nullable @Pattern(regexp = CODE) String code) {}

    /**
     * Finishing an enrolment: {@code code} from the new authenticator, the password, and
     * {@code currentCode} from the authenticator in use when TOTP is on already.
     */
    @Serdeable
    record MfaVerifyRequest(
            @NotBlank @Size(max = 256) String password,
            @NotBlank @Pattern(regexp = CODE) String code,
            @Nullable @Pattern(regexp = CODE) String currentCode) {}

    @Serdeable
    record RefreshRequest(@NotBlank @Size(max = 8192) String refreshToken) {}

    @Serdeable
    record ResetPasswordRequest(
            @NotBlank @Email String email,
            @NotBlank @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 256) String newPassword) {}

    @Serdeable
    record Registered(String userId, String email, boolean confirmed) {}

    @Serdeable
    record Message(String message) {}

    @Serdeable
    record MfaChallenge(String challenge, String session) {}

    @Serdeable
    record TokenResponse(
            String accessToken,
            @Nullable String idToken,
            @Nullable String refreshToken,
            long expiresIn,
            String tokenType) {
        static TokenResponse of(IdentityProvider.Tokens tokens) {
            return new TokenResponse(
                    tokens.accessToken(), tokens.idToken(), tokens.refreshToken(), tokens.expiresIn(), "Bearer");
        }
    }
}
