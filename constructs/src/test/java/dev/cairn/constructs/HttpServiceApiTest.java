package dev.cairn.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;

class HttpServiceApiTest {

    private static final String ALIAS_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:api:live";

    private static Stack defaults;
    private static Stack custom;
    private static final String SECRET_ARN =
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cairn/origin-verify-AbCdEf";

    private static Stack browser;
    private static NagAudit.Findings nag;
    private static Stack verified;
    private static HttpServiceApi verifiedApi;
    private static NagAudit.Findings verifiedNag;
    private static Stack verifiedField;

    @BeforeAll
    static void synthesize() {
        App app = TestApps.app();
        defaults = TestApps.stack(app, "Defaults");
        new HttpServiceApi(
                defaults,
                "Api",
                valid(defaults)
                        .publicRoutes(List.of("POST /auth/login", "GET /health"))
                        .appAuthorizedRoutes(List.of("ANY /api/notes/{proxy+}"))
                        .build());

        custom = TestApps.stack(app, "Custom");
        new HttpServiceApi(
                custom,
                "Api",
                valid(custom)
                        .corsAllowedOrigins(List.of("https://app.example.com"))
                        .throttlingRateLimit(10.0)
                        .throttlingBurstLimit(20)
                        .accessLogRetention(RetentionDays.ONE_WEEK)
                        .disableExecuteApiEndpoint(true)
                        .build());

        browser = TestApps.stack(app, "Browser");
        new HttpServiceApi(
                browser,
                "Api",
                valid(browser)
                        .corsAllowedOrigins(List.of("https://app.example.com", "http://localhost:5173"))
                        .corsAllowHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Api-Key"))
                        .corsAllowMethods(List.of("GET", "post", "DELETE"))
                        .corsExposeHeaders(List.of("ETag", "X-Request-Id"))
                        .corsMaxAge(Duration.minutes(10))
                        .build());

        verified = TestApps.stack(app, "Verified");
        verifiedApi = new HttpServiceApi(
                verified,
                "Api",
                valid(verified)
                        .handler(apiFunction(verified).getAlias())
                        .originVerifySecret(secret(verified))
                        .build());

        verifiedField = TestApps.stack(app, "VerifiedField");
        new HttpServiceApi(
                verifiedField,
                "Api",
                valid(verifiedField)
                        .handler(apiFunction(verifiedField).getFunction())
                        .originVerifySecret(secret(verifiedField))
                        .originVerifyHeaderName("X-Cairn-Origin")
                        .originVerifySecretField("value")
                        .build());

        nag = NagAudit.audit(defaults);
        verifiedNag = NagAudit.audit(verified);
    }

    private static ApiFunction apiFunction(Stack stack) {
        return new ApiFunction(
                stack,
                "Fn",
                ApiFunctionProps.builder()
                        .code(TestApps.code())
                        .handler("com.example.Handler::handleRequest")
                        .build());
    }

    private static ISecret secret(Stack stack) {
        return Secret.fromSecretCompleteArn(stack, "OriginVerify", SECRET_ARN);
    }

    private static HttpServiceApiProps.Builder valid(Stack stack) {
        IUserPool pool = UserPool.fromUserPoolId(stack, "Pool", "eu-west-1_Example");
        IUserPoolClient web = UserPoolClient.fromUserPoolClientId(stack, "Web", "webclient");
        IUserPoolClient mobile = UserPoolClient.fromUserPoolClientId(stack, "Mobile", "mobileclient");
        IFunction handler = Function.fromFunctionArn(stack, "Handler", ALIAS_ARN);
        return HttpServiceApiProps.builder().handler(handler).userPool(pool).userPoolClients(List.of(web, mobile));
    }

    @Test
    void defaultsAreNagCleanUnderAllFivePacks() {
        assertThat(nag.errors()).isEmpty();
        assertThat(nag.warnings()).isEmpty();
    }

    @Test
    void jwtAuthorizerTrustsTheCognitoPoolAndItsClients() {
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Authorizer",
                        Match.objectLike(Map.of(
                                "AuthorizerType", "JWT",
                                "IdentitySource", List.of("$request.header.Authorization"),
                                "JwtConfiguration",
                                        Map.of(
                                                "Issuer",
                                                "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example",
                                                "Audience",
                                                List.of("webclient", "mobileclient")))));
    }

    @Test
    void everyRouteButTheListedPublicOnesRequiresAJwt() {
        Template template = Template.fromStack(defaults);
        template.resourceCountIs("AWS::ApiGatewayV2::Route", 4);
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Route",
                Match.objectLike(Map.of("RouteKey", "ANY /{proxy+}", "AuthorizationType", "JWT")));
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Route",
                Match.objectLike(Map.of("RouteKey", "POST /auth/login", "AuthorizationType", "NONE")));
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Route",
                Match.objectLike(Map.of("RouteKey", "GET /health", "AuthorizationType", "NONE")));
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Route",
                Match.objectLike(Map.of("RouteKey", "ANY /api/notes/{proxy+}", "AuthorizationType", "NONE")));
    }

    @Test
    void appAuthorizedRoutesSaySoInTheirSuppression() {
        Map<String, Map<String, Object>> routes = Template.fromStack(defaults)
                .findResources(
                        "AWS::ApiGatewayV2::Route",
                        Match.objectLike(
                                Map.of("Properties", Match.objectLike(Map.of("RouteKey", "ANY /api/notes/{proxy+}")))));
        assertThat(routes.values().iterator().next().toString())
                .contains("AwsSolutions-APIG4")
                .contains("API key instead of a JWT");
    }

    @Test
    void failsIfAnAppAuthorizedRouteIsAlsoPublic() {
        assertThatThrownBy(() ->
                        create(b -> b.publicRoutes(List.of("GET /health")).appAuthorizedRoutes(List.of("GET /health"))))
                .hasMessageContaining("appAuthorizedRoutes must not repeat a route (value: GET /health)");
    }

    @Test
    void routesProxyToTheAliasWithPayloadV2() {
        Template template = Template.fromStack(defaults);
        template.resourceCountIs("AWS::ApiGatewayV2::Integration", 1);
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Integration",
                Match.objectLike(Map.of(
                        "IntegrationType", "AWS_PROXY", "IntegrationUri", ALIAS_ARN, "PayloadFormatVersion", "2.0")));
    }

    @Test
    void defaultStageIsThrottledAndWritesJsonAccessLogs() {
        Capture format = new Capture();
        Template.fromStack(defaults)
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Stage",
                        Match.objectLike(Map.of(
                                "StageName",
                                "$default",
                                "AutoDeploy",
                                true,
                                "DefaultRouteSettings",
                                Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200),
                                "AccessLogSettings",
                                Map.of(
                                        "DestinationArn",
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiAccessLogs.*"), "Arn")),
                                        "Format",
                                        format))));
        assertThat(format.asString())
                .startsWith("{")
                .endsWith("}")
                .contains("\"requestId\":\"$context.requestId\"", "\"status\":\"$context.status\"");
    }

    @Test
    void accessLogsKeepOneMonthEncryptedAndTheApiHasNoCorsByDefault() {
        Template template = Template.fromStack(defaults);
        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of(
                        "RetentionInDays",
                        30,
                        "KmsKeyId",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiLogKey.*"), "Arn"))));
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Api",
                Match.objectLike(Map.of("DisableExecuteApiEndpoint", false, "CorsConfiguration", Match.absent())));
    }

    @Test
    void propsSetCorsThrottlingRetentionAndDisableTheDefaultEndpoint() {
        Template template = Template.fromStack(custom);
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Api",
                Match.objectLike(Map.of(
                        "DisableExecuteApiEndpoint",
                        true,
                        "CorsConfiguration",
                        Match.objectLike(Map.of(
                                "AllowOrigins", List.of("https://app.example.com"),
                                "AllowHeaders", List.of("Authorization", "Content-Type"),
                                "MaxAge", 3600,
                                "ExposeHeaders", Match.absent())))));
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Stage",
                Match.objectLike(
                        Map.of("DefaultRouteSettings", Map.of("ThrottlingRateLimit", 10, "ThrottlingBurstLimit", 20))));
        template.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 7)));
        template.resourceCountIs("AWS::ApiGatewayV2::Route", 1);
    }

    @Test
    void corsPropsShapeThePreflightTheGatewayAnswers() {
        Template.fromStack(browser)
                .hasResourceProperties(
                        "AWS::ApiGatewayV2::Api",
                        Map.of(
                                "CorsConfiguration",
                                Map.of(
                                        "AllowOrigins",
                                        List.of("https://app.example.com", "http://localhost:5173"),
                                        "AllowHeaders",
                                        List.of("Authorization", "Content-Type", "If-Match", "X-Api-Key"),
                                        "AllowMethods",
                                        List.of("GET", "POST", "DELETE"),
                                        "ExposeHeaders",
                                        List.of("ETag", "X-Request-Id"),
                                        "MaxAge",
                                        600,
                                        "AllowCredentials",
                                        Match.absent())));
    }

    @Test
    void originVerifyIsNagCleanUnderAllFivePacks() {
        assertThat(verifiedNag.errors()).isEmpty();
        assertThat(verifiedNag.warnings()).isEmpty();
    }

    @Test
    void originVerifyGivesTheHandlerTheSecretArnAndHeaderName() {
        Template template = Template.fromStack(verified);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "Environment",
                        Map.of(
                                "Variables",
                                Map.of(
                                        "ORIGIN_VERIFY_SECRET_ARN",
                                        SECRET_ARN,
                                        "ORIGIN_VERIFY_HEADER",
                                        "X-Origin-Verify")))));
        assertThat(verifiedApi.getOriginVerifyHeaderName()).isEqualTo("X-Origin-Verify");
    }

    @Test
    void originVerifyLetsTheHandlerReadThatSecretOnly() {
        Template.fromStack(verified)
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        Match.objectLike(Map.of(
                                "PolicyDocument",
                                Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Action",
                                                List.of(
                                                        "secretsmanager:GetSecretValue",
                                                        "secretsmanager:DescribeSecret"),
                                                "Effect",
                                                "Allow",
                                                "Resource",
                                                SECRET_ARN))))))));
    }

    @Test
    void originVerifyKeepsTheEndpointAndTheJwtAuthorizerAndPutsNoSecretInTheTemplate() {
        Template template = Template.fromStack(verified);
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("DisableExecuteApiEndpoint", false)));
        template.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 1);
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Authorizer", Match.objectLike(Map.of("AuthorizerType", "JWT")));
        assertThat(template.toJSON().toString()).doesNotContain("{{resolve:secretsmanager:");
    }

    @Test
    void originVerifyHeaderNameAndSecretFieldAreConfigurable() {
        Template.fromStack(verifiedField)
                .hasResourceProperties(
                        "AWS::Lambda::Function",
                        Match.objectLike(Map.of(
                                "Environment",
                                Map.of(
                                        "Variables",
                                        Map.of(
                                                "ORIGIN_VERIFY_SECRET_ARN", SECRET_ARN,
                                                "ORIGIN_VERIFY_HEADER", "X-Cairn-Origin",
                                                "ORIGIN_VERIFY_SECRET_FIELD", "value")))));
    }

    @Test
    void withoutOriginVerifyTheHandlerGetsNothing() {
        Template template = Template.fromStack(defaults);
        assertThat(template.toJSON().toString()).doesNotContain("ORIGIN_VERIFY", "secretsmanager");
    }

    @Test
    void failsIfOriginVerifyHandlerIsImported() {
        assertThatThrownBy(() -> {
                    Stack stack = TestApps.stack();
                    new HttpServiceApi(
                            stack,
                            "Api",
                            valid(stack).originVerifySecret(secret(stack)).build());
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "originVerifySecret needs a handler that is a Function of this app or its alias (value:"
                                + " Test/Handler)");
    }

    @Test
    void failsIfOriginVerifyHeaderNameInvalid() {
        assertThatThrownBy(() -> {
                    Stack stack = TestApps.stack();
                    new HttpServiceApi(
                            stack,
                            "Api",
                            valid(stack)
                                    .handler(apiFunction(stack).getAlias())
                                    .originVerifySecret(secret(stack))
                                    .originVerifyHeaderName("Authorization")
                                    .build());
                })
                .hasMessageContaining("originVerifyHeaderName must be 1..64 letters, digits or hyphens, not"
                        + " Authorization or Host (value: Authorization)");
    }

    @Test
    void failsIfOriginVerifyOptionsWithoutSecret() {
        assertThatThrownBy(() -> create(b -> b.originVerifyHeaderName("X-Origin-Verify")))
                .hasMessageContaining(
                        "originVerifyHeaderName and originVerifySecretField need originVerifySecret (value: null)");
    }

    private static void create(java.util.function.UnaryOperator<HttpServiceApiProps.Builder> change) {
        Stack stack = TestApps.stack();
        new HttpServiceApi(stack, "Api", change.apply(valid(stack)).build());
    }

    @Test
    void failsIfHandlerMissing() {
        assertThatThrownBy(() -> create(b -> b.handler(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handler is required (value: null)");
    }

    @Test
    void failsIfUserPoolMissing() {
        assertThatThrownBy(() -> create(b -> b.userPool(null))).hasMessageContaining("userPool is required");
    }

    @Test
    void failsIfNoUserPoolClients() {
        assertThatThrownBy(() -> create(b -> b.userPoolClients(List.of())))
                .hasMessageContaining("userPoolClients must not be empty (value: [])");
    }

    @Test
    void failsIfCorsOriginIsWildcard() {
        assertThatThrownBy(() -> create(b -> b.corsAllowedOrigins(List.of("*"))))
                .hasMessageContaining("corsAllowedOrigins must not contain wildcards (value: *)");
    }

    @Test
    void failsIfCorsHeaderIsWildcardOrMethodUnknown() {
        assertThatThrownBy(() -> create(b -> b.corsAllowedOrigins(List.of("https://app.example.com"))
                        .corsAllowHeaders(List.of("*"))
                        .corsExposeHeaders(List.of("ETag", "X Bad"))
                        .corsAllowMethods(List.of("ANY"))
                        .corsMaxAge(Duration.days(2))))
                .hasMessageContaining("corsAllowHeaders entries must be header names of 1..64 letters, digits or"
                        + " hyphens, no wildcards (value: *)")
                .hasMessageContaining("corsExposeHeaders entries must be header names of 1..64 letters, digits or"
                        + " hyphens, no wildcards (value: X Bad)")
                .hasMessageContaining(
                        "corsAllowMethods entries must be one of [GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS]"
                                + " (value: ANY)")
                .hasMessageContaining("corsMaxAge (seconds) must be 0..86400 (value: 172800)");
    }

    @Test
    void failsIfRateLimitNotPositive() {
        assertThatThrownBy(() -> create(b -> b.throttlingRateLimit(0.0)))
                .hasMessageContaining("throttlingRateLimit must be > 0 (value: 0.0)");
    }

    @Test
    void failsIfBurstLimitNotPositive() {
        assertThatThrownBy(() -> create(b -> b.throttlingBurstLimit(0)))
                .hasMessageContaining("throttlingBurstLimit must be 1..1000000 (value: 0)");
    }

    @Test
    void failsIfPublicRouteMalformed() {
        assertThatThrownBy(() -> create(b -> b.publicRoutes(List.of("/health"))))
                .hasMessageContaining("publicRoutes entries must be \"METHOD /path\" (value: /health)");
    }

    @Test
    void failsIfPublicRouteRepeats() {
        assertThatThrownBy(() -> create(b -> b.publicRoutes(List.of("GET /health", "get /health"))))
                .hasMessageContaining("publicRoutes must not repeat a route (value: get /health)");
    }
}
