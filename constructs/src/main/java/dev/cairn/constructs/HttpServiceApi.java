package dev.cairn.constructs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * An API Gateway HTTP API in front of one Lambda alias: every route requires a Cognito JWT except
 * the public routes listed in props; stage throttling and JSON access logs always on.
 */
public class HttpServiceApi extends Construct {

    /** A route key such as {@code POST /auth/login}, parsed once. */
    private record PublicRoute(HttpMethod method, String path, boolean appAuthorized) {}

    /** An HTTP header name (RFC 9110 token characters used in practice). */
    private static final Pattern HEADER_NAME = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
    /** The methods a CORS configuration may name. */
    private static final List<String> CORS_METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final HttpApi api;
    private final HttpStage stage;
    private final HttpJwtAuthorizer authorizer;
    private final LogGroup accessLogGroup;
    private final IKey logEncryptionKey;
    private final String issuerUrl;
    private final String originVerifyHeaderName;

    public HttpServiceApi(Construct scope, String id, HttpServiceApiProps props) {
        super(scope, id);
        List<PublicRoute> publicRoutes = validate(props);

        this.issuerUrl = "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com/"
                + props.userPool().getUserPoolId();
        this.authorizer = new HttpJwtAuthorizer(
                "JwtAuthorizer",
                issuerUrl,
                HttpJwtAuthorizerProps.builder()
                        .jwtAudience(props.userPoolClients().stream()
                                .map(IUserPoolClient::getUserPoolClientId)
                                .toList())
                        .identitySource(List.of("$request.header.Authorization"))
                        .build());

        HttpApi.Builder builder = HttpApi.Builder.create(this, "Resource")
                .apiName(Names.uniqueResourceName(
                        this, UniqueResourceNameOptions.builder().maxLength(128).build()))
                .createDefaultStage(false)
                .defaultAuthorizer(authorizer)
                .disableExecuteApiEndpoint(Boolean.TRUE.equals(props.disableExecuteApiEndpoint()));
        if (!props.corsAllowedOrigins().isEmpty()) {
            builder.corsPreflight(ApiDefaults.cors(
                    props.corsAllowedOrigins(),
                    Objects.requireNonNullElse(props.corsAllowHeaders(), ApiDefaults.CORS_ALLOW_HEADERS),
                    Objects.requireNonNullElse(props.corsAllowMethods(), ApiDefaults.CORS_ALLOW_METHODS),
                    Objects.requireNonNullElse(props.corsExposeHeaders(), List.of()),
                    Objects.requireNonNullElse(props.corsMaxAge(), ApiDefaults.CORS_MAX_AGE)));
        }
        this.api = builder.build();

        HttpLambdaIntegration integration = new HttpLambdaIntegration("Handler", props.handler());
        api.addRoutes(AddRoutesOptions.builder()
                .path("/{proxy+}")
                .methods(List.of(HttpMethod.ANY))
                .integration(integration)
                .build());
        for (PublicRoute route : publicRoutes) {
            List<HttpRoute> added = api.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(route.method()))
                    .integration(integration)
                    .authorizer(new HttpNoneAuthorizer())
                    .build());
            String reason = route.appAuthorized()
                    ? "Listed as app-authorized in the construct's props (" + route.method() + " " + route.path()
                            + "): callers may present an API key instead of a JWT, which the function verifies (a"
                            + " JWT authorizer cannot accept both); the function rejects requests with neither."
                    : "Listed as public in the construct's props (" + route.method() + " " + route.path()
                            + "): reachable before sign-in by design; every other route requires a JWT.";
            added.forEach(r -> Compliance.suppress(r, "AwsSolutions-APIG4", reason));
        }

        this.logEncryptionKey = props.logEncryptionKey() != null
                ? props.logEncryptionKey()
                : ObservabilityDefaults.logsKey(this, "LogKey");
        this.accessLogGroup = ObservabilityDefaults.encryptedLogGroup(
                this,
                "AccessLogs",
                Objects.requireNonNullElse(props.accessLogRetention(), ObservabilityDefaults.logRetention()),
                logEncryptionKey);
        IAccessLogDestination destination = new LogGroupLogDestination(accessLogGroup);
        this.stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(Objects.requireNonNullElse(
                                props.throttlingRateLimit(), ApiDefaults.THROTTLING_RATE_LIMIT))
                        .burstLimit(Objects.requireNonNullElse(
                                props.throttlingBurstLimit(), ApiDefaults.THROTTLING_BURST_LIMIT))
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ApiDefaults.accessLogFormat());
                    }
                })
                .build();

        ISecret verifySecret = props.originVerifySecret();
        if (verifySecret != null) {
            // HTTP APIs have no resource policy or WAF, and each route has one authorizer (the JWT
            // one): the handler is the gate. It reads the secret and answers 403 on a mismatch.
            this.originVerifyHeaderName =
                    Objects.requireNonNullElse(props.originVerifyHeaderName(), EdgeDefaults.ORIGIN_VERIFY_HEADER);
            Function function = functionOf(props.handler());
            function.addEnvironment(ApiDefaults.ORIGIN_VERIFY_SECRET_ARN_ENV, verifySecret.getSecretArn());
            function.addEnvironment(ApiDefaults.ORIGIN_VERIFY_HEADER_ENV, originVerifyHeaderName);
            if (props.originVerifySecretField() != null) {
                function.addEnvironment(ApiDefaults.ORIGIN_VERIFY_SECRET_FIELD_ENV, props.originVerifySecretField());
            }
            grantReadVerifySecret(verifySecret, function);
        } else {
            this.originVerifyHeaderName = null;
        }
    }

    /**
     * Lets the handler read the origin-verify secret. When the secret's key belongs to another
     * stack (a stage's one key for its data at rest), the grant goes on the handler's role alone:
     * {@code secret.grantRead} would name the role in that key's policy and make the key's stack
     * depend on this one.
     */
    private void grantReadVerifySecret(ISecret secret, Function function) {
        IKey key = secret.getEncryptionKey();
        if (key == null || Stack.of(key) == Stack.of(this)) {
            secret.grantRead(function);
            return;
        }
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(function)
                .actions(Perms.SECRETS_READ)
                .resourceArns(List.of(secret.getSecretArn()))
                .build());
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(function)
                .actions(Perms.KMS_DECRYPT)
                .resourceArns(List.of(key.getKeyArn()))
                .conditions(Map.of(
                        "StringEquals",
                        Map.of(
                                "kms:ViaService",
                                "secretsmanager." + Stack.of(this).getRegion() + ".amazonaws.com")))
                .build());
    }

    /** The function behind a handler that is a Function or an alias of one; null otherwise. */
    private static Function functionOf(IFunction handler) {
        if (handler instanceof Function function) {
            return function;
        }
        if (handler instanceof Alias alias && alias.getVersion().getLambda() instanceof Function function) {
            return function;
        }
        return null;
    }

    private List<PublicRoute> validate(HttpServiceApiProps props) {
        PropsCheck check = new PropsCheck("HttpServiceApi");
        List<PublicRoute> routes = new ArrayList<>();
        check.require("props", props);
        if (props != null) {
            check.require("handler", props.handler());
            check.require("userPool", props.userPool());
            check.notEmpty("userPoolClients", props.userPoolClients());
            check.browserOrigins("corsAllowedOrigins", props.corsAllowedOrigins());
            headerNames(check, "corsAllowHeaders", props.corsAllowHeaders());
            headerNames(check, "corsExposeHeaders", props.corsExposeHeaders());
            if (props.corsAllowMethods() != null) {
                for (String method : props.corsAllowMethods()) {
                    check.check(
                            method != null && CORS_METHODS.contains(method.toUpperCase(Locale.ROOT)),
                            "corsAllowMethods entries must be one of " + CORS_METHODS + " (value: " + method + ")");
                }
            }
            if (props.corsMaxAge() != null && !props.corsMaxAge().isUnresolved()) {
                check.range("corsMaxAge (seconds)", props.corsMaxAge().toSeconds(), 0, 86_400);
            }
            if (props.throttlingRateLimit() != null && PropsCheck.resolved(props.throttlingRateLimit())) {
                check.check(
                        props.throttlingRateLimit() > 0,
                        "throttlingRateLimit must be > 0 (value: " + props.throttlingRateLimit() + ")");
            }
            check.range("throttlingBurstLimit", props.throttlingBurstLimit(), 1, 1_000_000);
            if (props.originVerifySecret() != null) {
                check.check(
                        props.handler() == null || functionOf(props.handler()) != null,
                        "originVerifySecret needs a handler that is a Function of this app or its alias (value: "
                                + (props.handler() == null
                                        ? null
                                        : props.handler().getNode().getPath()) + ")");
            }
            String header = props.originVerifyHeaderName();
            if (PropsCheck.resolved(header)) {
                check.check(
                        HEADER_NAME.matcher(header).matches()
                                && !header.equalsIgnoreCase("Authorization")
                                && !header.equalsIgnoreCase("Host"),
                        "originVerifyHeaderName must be 1..64 letters, digits or hyphens, not Authorization or"
                                + " Host (value: " + header + ")");
            }
            check.check(
                    props.originVerifySecret() != null || (header == null && props.originVerifySecretField() == null),
                    "originVerifyHeaderName and originVerifySecretField need originVerifySecret (value: null)");
            check.notBlank("originVerifySecretField", props.originVerifySecretField());
            Set<String> seen = new HashSet<>();
            for (boolean appAuthorized : new boolean[] {false, true}) {
                String prop = appAuthorized ? "appAuthorizedRoutes" : "publicRoutes";
                for (String key : appAuthorized ? props.appAuthorizedRoutes() : props.publicRoutes()) {
                    PublicRoute route = parseRoute(key, appAuthorized);
                    if (route == null) {
                        check.check(false, prop + " entries must be \"METHOD /path\" (value: " + key + ")");
                    } else if (!seen.add(route.method() + " " + route.path())) {
                        check.check(false, prop + " must not repeat a route (value: " + key + ")");
                    } else {
                        routes.add(route);
                    }
                }
            }
        }
        check.throwIfInvalid(getNode().getPath());
        return routes;
    }

    /** Each entry a header name: no wildcards, which would let any header through. */
    private static void headerNames(PropsCheck check, String prop, List<String> names) {
        if (names == null) {
            return;
        }
        for (String name : names) {
            check.check(
                    name != null && HEADER_NAME.matcher(name).matches(),
                    prop + " entries must be header names of 1..64 letters, digits or hyphens, no wildcards (value: "
                            + name + ")");
        }
    }

    private static PublicRoute parseRoute(String key, boolean appAuthorized) {
        if (key == null) {
            return null;
        }
        String[] parts = key.strip().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            return null;
        }
        try {
            return new PublicRoute(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1], appAuthorized);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public HttpApi getApi() {
        return api;
    }

    /** The {@code $default} stage (throttled, access-logged). */
    public HttpStage getStage() {
        return stage;
    }

    public HttpJwtAuthorizer getAuthorizer() {
        return authorizer;
    }

    public LogGroup getAccessLogGroup() {
        return accessLogGroup;
    }

    public IKey getLogEncryptionKey() {
        return logEncryptionKey;
    }

    /** The JWT issuer the authorizer trusts: {@code https://cognito-idp.REGION.amazonaws.com/POOL_ID}. */
    public String getIssuerUrl() {
        return issuerUrl;
    }

    /** The header the handler checks against the origin-verify secret, or null without one. */
    public String getOriginVerifyHeaderName() {
        return originVerifyHeaderName;
    }

    /** The API's base URL (the execute-api endpoint). */
    public String getUrl() {
        return api.getApiEndpoint();
    }
}
