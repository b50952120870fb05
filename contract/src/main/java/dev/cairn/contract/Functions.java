package dev.cairn.contract;

import java.util.List;

/**
 * The app's Lambda functions as the CDK app deploys them: their handlers in the app's artifact,
 * what the workers may do to their tables, and what the app logs that an alarm counts.
 */
public final class Functions {
    /** The API behind the HTTP API. */
    public static final String API_HANDLER = "dev.cairn.api.ApiHandler::handleRequest";
    /** The user pool's post-confirmation trigger: creates the user's profile. */
    public static final String POST_CONFIRMATION_HANDLER = "dev.cairn.api.user.PostConfirmationHandler::handleRequest";
    /** Makes an image's variants when its original arrives ({@link MediaLayout#ORIGINAL_EVENT_PATTERN}). */
    public static final String MEDIA_PROCESSOR_HANDLER = "dev.cairn.api.media.MediaProcessorHandler::handleRequest";

    /**
     * Takes the revalidation queue's messages: invalidates the CDN's cached API answers and calls
     * the front end's signed revalidation hook.
     */
    public static final String REVALIDATION_HANDLER = "dev.cairn.api.revalidation.RevalidationHandler::handleRequest";

    /**
     * Takes a searchable table's stream (DynamoDB Streams batches) and applies each change to the
     * index: idempotent by the item's version, reporting failed records as partial batch failures.
     */
    public static final String SEARCH_INDEXER_HANDLER = "dev.cairn.api.search.SearchIndexerHandler::handleRequest";
    /**
     * Rebuilds a search index from its table behind an alias, in steps {@code scripts/reindex}
     * invokes: begin (a new index), one scan segment at a time, then the alias swap.
     */
    public static final String SEARCH_REINDEX_HANDLER = "dev.cairn.api.search.SearchReindexHandler::handleRequest";

    /** The pre token generation trigger that keeps Cognito's user-API scope out of access tokens. */
    public static final String ACCESS_TOKEN_SCOPE_HANDLER =
            "dev.cairn.api.auth.cognito.AccessTokenScopeTrigger::handleRequest";

    /** Every handler, for checks that each names a class of the app. */
    public static final List<String> HANDLERS = List.of(
            API_HANDLER,
            POST_CONFIRMATION_HANDLER,
            MEDIA_PROCESSOR_HANDLER,
            ACCESS_TOKEN_SCOPE_HANDLER,
            REVALIDATION_HANDLER,
            SEARCH_INDEXER_HANDLER,
            SEARCH_REINDEX_HANDLER);

    /** The post-confirmation trigger creates the profile with one conditional PutItem. */
    public static final List<String> POST_CONFIRMATION_USERS_ACTIONS = List.of("dynamodb:PutItem");

    /** The media processor reads the image record and replaces it if it still exists. */
    public static final List<String> MEDIA_PROCESSOR_IMAGES_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:PutItem");

    /** The header carrying a revalidation hook call's signature: {@code t=EPOCH_SECONDS,v1=HEX}. */
    public static final String REVALIDATION_SIGNATURE_HEADER = "X-Cairn-Signature";

    /** The word the app logs when Cognito answers {@code LimitExceededException}; an alarm counts it. */
    public static final String COGNITO_LIMIT_EXCEEDED = "LimitExceededException";

    private Functions() {}

    /** {@code dev.cairn.api.ApiHandler} for {@code dev.cairn.api.ApiHandler::handleRequest}. */
    public static String handlerClass(String handler) {
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
    }
}
