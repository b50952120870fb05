package dev.cairn.api.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * How access tokens are checked.
 *
 * @param issuer the token issuer; default: the Cognito pool's, {@code https://cognito-idp.REGION.amazonaws.com/POOL_ID}
 *     from {@code region} and {@code userPoolId}. The local stack sets its Cognito stand-in's URL.
 * @param region the pool's region ({@code AWS_REGION}); needed when {@code issuer} is not set
 * @param userPoolId the pool ({@code COGNITO_USER_POOL_ID}); needed when {@code issuer} is not set
 * @param clientIds the app clients whose tokens are accepted ({@code COGNITO_CLIENT_ID}, comma-separated)
 * @param jwksUrl where the signing keys are; default: {@code ISSUER/.well-known/jwks.json}
 * @param clockSkewSeconds tolerance on expiry; default 0
 * @param internalClientId the API's internal app client ({@code COGNITO_INTERNAL_CLIENT_ID}), on which
 *     it signs a user in again to enrol an authenticator: its access tokens keep Cognito's user-API
 *     scope, which the pool's trigger takes from every other client's. Never an accepted audience.
 *     Default: none, and enrolment signs in on the first of {@code clientIds} (a pool without the
 *     trigger).
 */
@ConfigurationProperties("cairn.auth")
public record AuthSettings(
        @Nullable String issuer,
        @Nullable String region,
        @Nullable String userPoolId,
        @NotEmpty List<String> clientIds,
        @Nullable String jwksUrl,
        int clockSkewSeconds,
        @Nullable String internalClientId) {

    /** Settings without an internal client. */
    public AuthSettings(
            @Nullable String issuer,
            @Nullable String region,
            @Nullable String userPoolId,
            List<String> clientIds,
            @Nullable String jwksUrl,
            int clockSkewSeconds) {
        this(issuer, region, userPoolId, clientIds, jwksUrl, clockSkewSeconds, null);
    }

    public AuthSettings {
        if (isBlank(issuer) && (isBlank(region) || isBlank(userPoolId))) {
            throw new IllegalArgumentException("cairn.auth.issuer, or cairn.auth.region and cairn.auth.user-pool-id"
                    + " (AWS_REGION and COGNITO_USER_POOL_ID), must be set (values: issuer=" + issuer
                    + ", region=" + region + ", userPoolId=" + userPoolId + ")");
        }
        clientIds = clientIds == null
                ? List.of()
                : clientIds.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String effectiveIssuer() {
        return isBlank(issuer) ? "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId : issuer;
    }

    public String effectiveJwksUrl() {
        return isBlank(jwksUrl) ? effectiveIssuer() + "/.well-known/jwks.json" : jwksUrl;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
