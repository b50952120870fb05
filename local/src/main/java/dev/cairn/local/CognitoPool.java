package dev.cairn.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The user pool and app client the local stack's app uses, set up the way the AuthPool construct
 * sets them up in AWS (e-mail sign-in and verification, optional TOTP, 1 h tokens, an admin group,
 * a confidential client that signs in by the server-side flow, and the API's internal client with
 * 5 minute tokens on which it enrols authenticators).
 * A file-backed stack finds the pool it made before and keeps its users.
 */
public record CognitoPool(String userPoolId, String clientId, String issuer, String jwksUrl, String internalClientId) {
    static final String POOL_NAME = "cairn-local";
    /** A confidential client since ADR 0005; a data folder from before gets it beside the old public one. */
    static final String CLIENT_NAME = "cairn-local-api";
    /** The API's internal client: the token trigger keeps Cognito's user-API scope for it alone. */
    static final String INTERNAL_CLIENT_NAME = "cairn-local-api-internal";

    public static final String ADMIN_GROUP = "admin";

    static CognitoPool provision(URI endpoint, String region) {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String poolId = cognito.listUserPools(r -> r.maxResults(60)).userPools().stream()
                    .filter(p -> POOL_NAME.equals(p.name()))
                    .map(UserPoolDescriptionType::id)
                    .findFirst()
                    .orElseGet(() -> createPool(cognito));
            String clientId = clientNamed(cognito, poolId, CLIENT_NAME).orElseGet(() -> createClient(cognito, poolId));
            String internalClientId = clientNamed(cognito, poolId, INTERNAL_CLIENT_NAME)
                    .orElseGet(() -> createInternalClient(cognito, poolId));
            String issuer = endpoint.toString().replaceAll("/$", "") + "/" + poolId;
            return new CognitoPool(poolId, clientId, issuer, issuer + "/.well-known/jwks.json", internalClientId);
        }
    }

    private static java.util.Optional<String> clientNamed(
            CognitoIdentityProviderClient cognito, String poolId, String name) {
        return cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
                .filter(c -> name.equals(c.clientName()))
                .map(UserPoolClientDescription::clientId)
                .findFirst();
    }

    private static String createPool(CognitoIdentityProviderClient cognito) {
        String poolId = cognito.createUserPool(r -> r.poolName(POOL_NAME)
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                        .usernameAttributesWithStrings("email")
                        .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                        .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(8)
                                .requireUppercase(true)
                                .requireLowercase(true)
                                .requireNumbers(true)
                                .requireSymbols(true))))
                .userPool()
                .id();
        cognito.createGroup(r -> r.userPoolId(poolId).groupName(ADMIN_GROUP).description("Administrators"));
        return poolId;
    }

    private static String createClient(CognitoIdentityProviderClient cognito, String poolId) {
        return createClient(cognito, poolId, CLIENT_NAME, 1, TimeUnitsType.HOURS, 30, TimeUnitsType.DAYS);
    }

    /** As {@code AuthPool.addInternalClient} makes it in AWS: server-side sign-in only, 5 minute tokens. */
    private static String createInternalClient(CognitoIdentityProviderClient cognito, String poolId) {
        return createClient(cognito, poolId, INTERNAL_CLIENT_NAME, 5, TimeUnitsType.MINUTES, 60, TimeUnitsType.MINUTES);
    }

    /** A confidential client for server-side sign-in with revocable refresh tokens, as AuthPool's clients are. */
    private static String createClient(
            CognitoIdentityProviderClient cognito,
            String poolId,
            String name,
            int tokenValidity,
            TimeUnitsType tokenUnit,
            int refreshValidity,
            TimeUnitsType refreshUnit) {
        return cognito.createUserPoolClient(r -> r.userPoolId(poolId)
                        .clientName(name)
                        .generateSecret(true)
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                        .enableTokenRevocation(true)
                        .preventUserExistenceErrors("ENABLED")
                        .accessTokenValidity(tokenValidity)
                        .idTokenValidity(tokenValidity)
                        .refreshTokenValidity(refreshValidity)
                        .tokenValidityUnits(
                                u -> u.accessToken(tokenUnit).idToken(tokenUnit).refreshToken(refreshUnit)))
                .userPoolClient()
                .clientId();
    }
}
