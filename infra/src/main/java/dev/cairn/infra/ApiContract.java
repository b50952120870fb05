package dev.cairn.infra;

import dev.cairn.constructs.ApiDefaults;
import java.util.List;

/**
 * What the api function and the HTTP API must agree on with the app: the routes that need no
 * token (the app's {@code @Public} routes) and the environment the app reads. A contract test
 * compares both with the app's own declarations.
 */
public final class ApiContract {
    /** Routes API Gateway lets through without a JWT; the app checks tokens on every other one. */
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
     * Where a blueprint with API keys (an {@code api-keys} table) lets callers present {@code
     * X-Api-Key} instead of a JWT: the gateway passes these on without its JWT authorizer and the api
     * function authenticates them (an API key, or the same JWT checks). Keys never reach {@code
     * /api/keys}, {@code /api/user} or {@code /api/auth}; those keep the authorizer.
     */
    public static List<String> appAuthorizedRoutes(Blueprint blueprint) {
        if (blueprint.allTables().stream().noneMatch(t -> t.logicalName().equals("api-keys"))) {
            return List.of();
        }
        List<String> routes = new java.util.ArrayList<>();
        for (String collection : List.of("notes", "bookmarks", "files", "images")) {
            routes.add("ANY /api/" + collection);
            routes.add("ANY /api/" + collection + "/{proxy+}");
        }
        return List.copyOf(routes);
    }

    /** Where the API is served on the CDN. */
    public static final String API_PATH_PREFIX = "/api/";

    /** The largest request body the app reads ({@code cairn.api.max-body-bytes}); WAF lets it through. */
    public static final int MAX_BODY_BYTES = 1_048_576;

    /** The word the app logs when Cognito answers {@code LimitExceededException}; an alarm counts it. */
    public static final String COGNITO_LIMIT_EXCEEDED = "LimitExceededException";

    public static final String STAGE = "CAIRN_STAGE";
    public static final String BLUEPRINT = "CAIRN_BLUEPRINT";
    public static final String USER_POOL_ID = "COGNITO_USER_POOL_ID";
    public static final String CLIENT_ID = "COGNITO_CLIENT_ID";
    /** The API's internal app client, on which it signs users in again to enrol an authenticator. */
    public static final String INTERNAL_CLIENT_ID = "COGNITO_INTERNAL_CLIENT_ID";
    /** The token trigger's: the SSM parameter that holds the internal client's id (the id itself would be a cycle). */
    public static final String INTERNAL_CLIENT_ID_PARAMETER = "CAIRN_INTERNAL_CLIENT_ID_PARAMETER";

    public static final String MEDIA_BUCKET = "S3_BUCKET_MEDIA";
    public static final String CDN_DOMAIN = "CLOUDFRONT_DOMAIN";
    /** The secret the API derives its signing keys from (list cursors, API key hashes). */
    public static final String SIGNING_SECRET_ARN = "SIGNING_SECRET_ARN";

    /**
     * Set on the api function by HttpServiceApi's {@code originVerifySecret}: the secret whose value
     * CloudFront sends in the header named by {@link #ORIGIN_VERIFY_HEADER}; the app refuses requests
     * without it.
     */
    public static final String ORIGIN_VERIFY_SECRET_ARN = ApiDefaults.ORIGIN_VERIFY_SECRET_ARN_ENV;

    public static final String ORIGIN_VERIFY_HEADER = ApiDefaults.ORIGIN_VERIFY_HEADER_ENV;

    /**
     * The tags the app puts on a checked receipt ({@code private/USER/receipts/GUITAR/...}); the
     * media bucket archives objects under {@code private/} that carry them.
     */
    public static final java.util.Map<String, String> RECEIPT_ARCHIVE_TAGS = java.util.Map.of("cairn:kind", "receipt");

    /** Object keys whose creation starts the media processor: originals only, never its variants. */
    public static final String MEDIA_ORIGINAL_KEY_PATTERN = "images/*/original.*";

    /** The post-confirmation trigger creates the profile with one conditional PutItem. */
    public static final List<String> POST_CONFIRMATION_USERS_ACTIONS = List.of("dynamodb:PutItem");

    /** The media processor reads the image record and replaces it if it still exists. */
    public static final List<String> MEDIA_PROCESSOR_IMAGES_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:PutItem");

    /** The handler classes in app/'s artifact. */
    public static final String API_HANDLER = "dev.cairn.api.ApiHandler::handleRequest";

    public static final String POST_CONFIRMATION_HANDLER = "dev.cairn.api.user.PostConfirmationHandler::handleRequest";
    public static final String ACCESS_TOKEN_SCOPE_HANDLER =
            "dev.cairn.api.auth.cognito.AccessTokenScopeTrigger::handleRequest";
    public static final String MEDIA_PROCESSOR_HANDLER = "dev.cairn.api.media.MediaProcessorHandler::handleRequest";

    private ApiContract() {}
}
