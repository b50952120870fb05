package dev.cairn.contract;

/**
 * The environment the CDK app gives the app's functions and the app reads (through its
 * {@code application.properties}, or as {@code cairn.*} properties Micronaut derives from the
 * names). Table names come in {@link TableDefinition#environmentVariable()}.
 */
public final class EnvironmentVariables {
    /** The stage, e.g. {@code dev}. */
    public static final String STAGE = "CAIRN_STAGE";
    /** The blueprint's name ({@code cairn.blueprint}): which features the API serves. */
    public static final String BLUEPRINT = "CAIRN_BLUEPRINT";

    public static final String USER_POOL_ID = "COGNITO_USER_POOL_ID";
    public static final String CLIENT_ID = "COGNITO_CLIENT_ID";
    /** The API's internal app client, on which it signs users in again to enrol an authenticator. */
    public static final String INTERNAL_CLIENT_ID = "COGNITO_INTERNAL_CLIENT_ID";
    /**
     * The access-token trigger's: the SSM parameter that holds the internal client's id (the id
     * itself would make the pool, the trigger and the client a CloudFormation cycle).
     */
    public static final String INTERNAL_CLIENT_ID_PARAMETER = "CAIRN_INTERNAL_CLIENT_ID_PARAMETER";

    public static final String MEDIA_BUCKET = "S3_BUCKET_MEDIA";
    /** The CDN's domain: public media URLs are {@code https://DOMAIN/media/...}. */
    public static final String CDN_DOMAIN = "CLOUDFRONT_DOMAIN";
    /** The secret the API derives its signing keys from (list cursors, API key hashes). */
    public static final String SIGNING_SECRET_ARN = "SIGNING_SECRET_ARN";

    /**
     * The API's: the queue it puts front-end revalidation requests on after an admin write. Unset,
     * the API sends none.
     */
    public static final String REVALIDATION_QUEUE_URL = "CAIRN_REVALIDATION_QUEUE_URL";
    /** The revalidation worker's: the front end's revalidation hook (stage config {@code revalidateUrl}); unset, none. */
    public static final String REVALIDATE_URL = "CAIRN_REVALIDATE_URL";
    /** The revalidation worker's: the secret whose value signs each hook call (HMAC-SHA256). */
    public static final String REVALIDATION_SECRET_ARN = "CAIRN_REVALIDATION_SECRET_ARN";
    /** The revalidation worker's: the distribution whose cached API answers it invalidates. */
    public static final String CDN_DISTRIBUTION_ID = "CLOUDFRONT_DISTRIBUTION_ID";

    /**
     * The search engine's HTTPS endpoint ({@code https://...}), set where the blueprint declares a
     * search index; the local stack sets {@code cairn.search.endpoint} to its node instead.
     */
    public static final String SEARCH_ENDPOINT = "CAIRN_SEARCH_ENDPOINT";
    /** The SigV4 signing name of the search engine: {@code es} (a managed domain) or {@code aoss} (Serverless). */
    public static final String SEARCH_SIGNING_SERVICE = "CAIRN_SEARCH_SIGNING_SERVICE";

    /** Each table's deployed name is in this prefix and the table's name, upper case, {@code -} as {@code _}. */
    public static final String TABLE_PREFIX = "DYNAMODB_TABLE_";

    /** {@code cairn.limits.api-keys}: see {@link Blueprint.Limits#apiKeys()}. */
    public static final String LIMITS_API_KEYS = "CAIRN_LIMITS_API_KEYS";
    /** {@code cairn.limits.stored-bytes}: see {@link Blueprint.Limits#storedBytes()}. */
    public static final String LIMITS_STORED_BYTES = "CAIRN_LIMITS_STORED_BYTES";
    /** {@code cairn.limits.files}: see {@link Blueprint.Limits#files()}. */
    public static final String LIMITS_FILES = "CAIRN_LIMITS_FILES";

    private EnvironmentVariables() {}
}
