package dev.cairn.api.auth;

import dev.cairn.api.blueprint.BlueprintServes;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.identity.AccessToken;
import dev.cairn.api.identity.ApiKeyAuthenticator;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.ProfileOptional;
import dev.cairn.api.identity.Public;
import dev.cairn.api.identity.RequiresGroup;
import dev.cairn.api.identity.RequiresGroupWhen;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Cors;
import dev.cairn.contract.RoutePolicy;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Admits a request to a route only with a valid access token, unless the route is {@link Public}.
 * A request that matches no route passes, so that it gets its 404 or 405.
 *
 * <p>Where the blueprint has API keys ({@link ApiKeyAuthenticator}), a request with {@code
 * X-Api-Key} and no bearer token acts as the key's owner: a read key may only GET (or HEAD), no key
 * reaches the token-only areas (sign-in, the account, the keys themselves) or any route outside the
 * blueprint's API-key routes ({@link RoutePolicy#apiKeyPrefixes}, the same list the gateway lets
 * through without a JWT), and each key has a daily quota, past which the answer is 429 {@code
 * RATE_LIMITED} with {@code Retry-After}.
 *
 * <p>A valid token or key still has to pass the {@link RevocationCheck}, on every request: a token
 * issued before its user signed out (or reset the password), a token of an ended session, and any
 * credential of a deleted account, is 401 on every instance from the moment it happened.
 */
@ServerFilter("/api/**")
final class AuthenticationFilter implements Ordered {

    static final String USER_ATTRIBUTE = "cairn.user";
    static final String TOKEN_ATTRIBUTE = "cairn.accessToken";
    static final String API_KEY_HEADER = Cors.API_KEY_HEADER;

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final AccessTokenVerifier verifier;
    private final RevocationCheck revocations;
    private final BeanProvider<ApiKeyAuthenticator> apiKeys;
    private final ErrorResponseProcessor<?> errors;
    /** The app's blueprint, or null for one that is not built in (which has no API keys). */
    @Nullable
    private final Blueprint blueprint;

    AuthenticationFilter(
            AccessTokenVerifier verifier,
            RevocationCheck revocations,
            BeanProvider<ApiKeyAuthenticator> apiKeys,
            ErrorResponseProcessor<?> errors,
            @Property(name = BlueprintServes.PROPERTY) @Nullable String blueprint) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.apiKeys = apiKeys;
        this.errors = errors;
        this.blueprint = Blueprints.find(blueprint).orElse(null);
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty()) {
            return null;
        }
        AnnotationMetadata metadata = route.get().getRouteInfo().getAnnotationMetadata();
        Optional<String> group = metadata.stringValue(RequiresGroup.class);
        if (metadata.hasAnnotation(Public.class)) {
            group = groupAskedFor(request, metadata);
            if (group.isEmpty()) {
                return null;
            }
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        String apiKey = request.getHeaders().get(API_KEY_HEADER);
        if (!bearer && apiKey != null && !apiKey.isBlank()) {
            return authenticateKey(request, group, apiKey.strip());
        }
        if (!bearer) {
            throw new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "An access token is required");
        }
        try {
            String token = header.substring(BEARER.length()).trim();
            AccessTokenVerifier.VerifiedToken verified = verifier.verifyToken(token);
            AuthenticatedUser user = verified.user();
            RevocationCheck.Verdict verdict =
                    revocations.check(user.userId(), verified.issuedAt(), verified.originJti());
            if (verdict == RevocationCheck.Verdict.REVOKED
                    || (verdict == RevocationCheck.Verdict.NO_PROFILE
                            && !metadata.hasAnnotation(ProfileOptional.class))) {
                LOG.info("Access token refused: {}", verdict);
                throw new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "The access token is no longer valid");
            }
            request.setAttribute(USER_ATTRIBUTE, user);
            request.setAttribute(TOKEN_ATTRIBUTE, new AccessToken(token));
            MDC.put("userId", user.userId());
            if (group.isPresent() && !user.inGroup(group.get())) {
                throw new ApiException(403, ErrorCodes.AUTH_FORBIDDEN, "This needs membership of " + group.get());
            }
        } catch (TokenRejectedException e) {
            LOG.info("Access token rejected: {}", e.getMessage());
            if (e.expired()) {
                throw new ApiException(401, ErrorCodes.AUTH_TOKEN_EXPIRED, "The access token has expired");
            }
            throw new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "The access token is not valid");
        }
        return null;
    }

    /** Admits a request made with an API key, or answers it with 429 once the key's quota is spent. */
    @Nullable
    private HttpResponse<?> authenticateKey(HttpRequest<?> request, Optional<String> group, String presented) {
        ApiKeyAuthenticator keys = apiKeys.isPresent() ? apiKeys.get() : null;
        if (keys == null) {
            throw new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "An access token is required");
        }
        ApiKeyAuthenticator.ApiKeyGrant grant = keys.authenticate(presented)
                .filter(g -> revocations.exists(g.userId()))
                .orElseThrow(() -> new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "The API key is not valid"));
        MDC.put("userId", grant.userId());
        MDC.put("apiKeyId", grant.keyId());
        String path = request.getPath();
        if (RoutePolicy.isTokenOnly(path)) {
            throw new ApiException(
                    403, ErrorCodes.AUTH_FORBIDDEN, "API keys cannot manage keys, the account or sign-in");
        }
        if (blueprint == null || !RoutePolicy.apiKeyMayReach(blueprint, path)) {
            List<String> reachable = blueprint == null ? List.of() : RoutePolicy.apiKeyPrefixes(blueprint);
            throw new ApiException(403, ErrorCodes.AUTH_FORBIDDEN, "API keys reach only " + reachable);
        }
        HttpMethod method = request.getMethod();
        if (!grant.mayWrite() && method != HttpMethod.GET && method != HttpMethod.HEAD) {
            throw new ApiException(403, ErrorCodes.AUTH_FORBIDDEN, "This API key may only read");
        }
        if (group.isPresent()) {
            throw new ApiException(403, ErrorCodes.AUTH_FORBIDDEN, "This needs membership of " + group.get());
        }
        if (!keys.admit(grant)) {
            String message = "This API key has used its " + grant.dailyQuota() + " requests for today (UTC)";
            return errors.processResponse(
                    ErrorContext.builder(request)
                            .cause(new ApiException(429, ErrorCodes.RATE_LIMITED, message))
                            .errorMessage(message)
                            .build(),
                    HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                            .header(HttpHeaders.RETRY_AFTER, Long.toString(secondsUntilTomorrow())));
        }
        Instant now = Instant.now();
        request.setAttribute(
                USER_ATTRIBUTE,
                new AuthenticatedUser(grant.userId(), "api-key:" + grant.keyId(), Set.of(), "api-key", now));
        return null;
    }

    /**
     * The group a public route asks for because of the request's query ({@link RequiresGroupWhen});
     * empty for a request the route answers publicly.
     */
    private static Optional<String> groupAskedFor(HttpRequest<?> request, AnnotationMetadata metadata) {
        Optional<String> parameter = metadata.stringValue(RequiresGroupWhen.class, "parameter");
        if (parameter.isEmpty()
                || !"true".equalsIgnoreCase(request.getParameters().get(parameter.get()))) {
            return Optional.empty();
        }
        return metadata.stringValue(RequiresGroupWhen.class);
    }

    private static long secondsUntilTomorrow() {
        Instant now = Instant.now();
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return Math.max(1, Duration.between(now, midnight).toSeconds());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
