package dev.cairn.api.auth;

import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Admits a request to a route only with a valid access token, unless the route is {@link Public}.
 * A request that matches no route passes, so that it gets its 404 or 405.
 */
@ServerFilter("/api/**")
final class AuthenticationFilter implements Ordered {

    static final String USER_ATTRIBUTE = "cairn.user";
    static final String TOKEN_ATTRIBUTE = "cairn.accessToken";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final AccessTokenVerifier verifier;

    AuthenticationFilter(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @RequestFilter
    void authenticate(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty()) {
            return;
        }
        AnnotationMetadata metadata = route.get().getRouteInfo().getAnnotationMetadata();
        if (metadata.hasAnnotation(Public.class)) {
            return;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(401, ErrorCodes.AUTH_UNAUTHORIZED, "An access token is required");
        }
        try {
            String token = header.substring(BEARER.length()).trim();
            AuthenticatedUser user = verifier.verify(token);
            request.setAttribute(USER_ATTRIBUTE, user);
            request.setAttribute(TOKEN_ATTRIBUTE, new AccessToken(token));
            MDC.put("userId", user.userId());
            Optional<String> group = metadata.stringValue(RequiresGroup.class);
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
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
