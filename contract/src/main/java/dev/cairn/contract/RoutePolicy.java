package dev.cairn.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may call which route, for the HTTP API (which checks JWTs at the gateway) and the app (which
 * checks tokens and API keys itself): the routes open to anyone, the ones only a signed-in user's
 * token reaches, and where an API key may go instead of a token.
 */
public final class RoutePolicy {
    /** Where the API is served, on the CDN and in the app. */
    public static final String API_PATH_PREFIX = "/api/";

    /** The largest request body the app reads ({@code cairn.api.max-body-bytes}); the firewall lets it through. */
    public static final int MAX_BODY_BYTES = 1_048_576;

    /** Routes that need no token (the app's {@code @Public} routes): the gateway lets them through. */
    public static final List<String> PUBLIC_ROUTES = List.of(
            "GET /api/health",
            "GET /api/openapi.json",
            "GET /api/docs",
            "GET /api/docs/docs.js",
            "POST /api/auth/register",
            "POST /api/auth/confirm",
            "POST /api/auth/verify-email",
            "POST /api/auth/resend-code",
            "POST /api/auth/login",
            "POST /api/auth/login/mfa",
            "POST /api/auth/refresh",
            "POST /api/auth/logout",
            "POST /api/auth/forgot-password",
            "POST /api/auth/reset-password");

    /**
     * Every route of {@code blueprint} that needs no token: {@link #PUBLIC_ROUTES} and the public
     * reads of each feature it serves ({@link Feature#publicReads()}), in that order.
     */
    public static List<String> publicRoutes(Blueprint blueprint) {
        List<String> routes = new ArrayList<>(PUBLIC_ROUTES);
        for (Feature feature : blueprint.features()) {
            routes.addAll(feature.publicReads());
        }
        return List.copyOf(routes);
    }

    /**
     * The public reads of {@code blueprint}'s features alone ({@link Feature#publicReads()}): the
     * site-owned content whose answers the CDN caches.
     */
    public static List<String> publicReads(Blueprint blueprint) {
        return blueprint.features().stream()
                .flatMap(feature -> feature.publicReads().stream())
                .toList();
    }

    /**
     * Where only a signed-in user's token is accepted, each path with everything below it: an API
     * key never signs in, manages the account or manages keys.
     */
    public static final List<String> TOKEN_ONLY_PREFIXES =
            List.of("/api/auth", "/api/user", Feature.API_KEYS.routePrefixes().getFirst());

    /** What every blueprint serves that API keys may reach where the blueprint has keys: the user's images. */
    public static final List<String> CORE_API_KEY_PREFIXES = List.of("/api/images");

    private RoutePolicy() {}

    /**
     * The paths (each with everything below it) an API key may reach in {@code blueprint}: none
     * without the {@link Feature#API_KEYS} feature, else the images and every served feature that
     * allows keys.
     */
    public static List<String> apiKeyPrefixes(Blueprint blueprint) {
        if (!blueprint.serves(Feature.API_KEYS)) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>();
        for (Feature feature : blueprint.features()) {
            if (feature.apiKeyReachable()) {
                prefixes.addAll(feature.routePrefixes());
            }
        }
        prefixes.addAll(CORE_API_KEY_PREFIXES);
        return List.copyOf(prefixes);
    }

    /**
     * The gateway routes that pass on to the app without the JWT authorizer, so that a caller may
     * present {@code X-Api-Key} there: {@code ANY PREFIX} and {@code ANY PREFIX/{proxy+}} for each of
     * {@link #apiKeyPrefixes}. The app authenticates them (a key, or the same token checks).
     */
    public static List<String> apiKeyGatewayRoutes(Blueprint blueprint) {
        List<String> routes = new ArrayList<>();
        for (String prefix : apiKeyPrefixes(blueprint)) {
            routes.add("ANY " + prefix);
            routes.add("ANY " + prefix + "/{proxy+}");
        }
        return List.copyOf(routes);
    }

    /** Whether a request with an API key may go to {@code path} in {@code blueprint}. */
    public static boolean apiKeyMayReach(Blueprint blueprint, String path) {
        return !isTokenOnly(path) && apiKeyPrefixes(blueprint).stream().anyMatch(prefix -> isAtOrBelow(path, prefix));
    }

    /** Whether {@code path} is one of {@link #TOKEN_ONLY_PREFIXES} or below one. */
    public static boolean isTokenOnly(String path) {
        return TOKEN_ONLY_PREFIXES.stream().anyMatch(prefix -> isAtOrBelow(path, prefix));
    }

    private static boolean isAtOrBelow(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
