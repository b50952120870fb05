package dev.cairn.constructs;

import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.IConstruct;

/**
 * Where an app's search indexes live in AWS: an OpenSearch Service domain ({@link SearchDomain})
 * or an OpenSearch Serverless collection ({@link SearchCollection}). Callers reach it by HTTPS at
 * {@link #getEndpoint()}, signing each request with SigV4 under {@link #getSigningService()} with
 * their own role's credentials; only the roles granted here get in.
 *
 * <p>An index is named by its alias ({@code recipes}); the indices behind it are {@code
 * recipes-v1-...} and the alias a reindex builds is {@code recipes-next}: a write grant covers
 * every name that starts with the alias; a read grant covers the alias alone on a domain, and on a
 * collection (whose data access policy names index patterns) the same names as a write grant, for
 * reading only.
 */
public interface SearchEngine extends IConstruct {

    /** The SigV4 signing name of an OpenSearch Service domain. */
    String DOMAIN_SIGNING_SERVICE = "es";
    /** The SigV4 signing name of an OpenSearch Serverless collection. */
    String SERVERLESS_SIGNING_SERVICE = "aoss";

    /** {@code https://} and the engine's host, without a trailing slash. */
    String getEndpoint();

    /** {@link #DOMAIN_SIGNING_SERVICE} or {@link #SERVERLESS_SIGNING_SERVICE}. */
    String getSigningService();

    /**
     * Searching {@code index} (an alias): reading its documents and mapping, and the search
     * paths; no write of any kind. The grantee's role policy and the engine's own access policy
     * both name it.
     */
    Grant grantRead(IGrantable grantee, String index);

    /**
     * Creating, writing and deleting the indices whose names start with {@code index}, their
     * documents, and the aliases that point at them (what an indexer and a reindex do).
     */
    Grant grantWrite(IGrantable grantee, String index);
}
