package dev.cairn.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;

/** Defaults of the API tier (API Gateway HTTP API). */
public final class ApiDefaults {

    /** Steady-state requests per second across the stage. */
    public static final double THROTTLING_RATE_LIMIT = 100;
    /** Concurrent burst the stage absorbs above the rate. */
    public static final int THROTTLING_BURST_LIMIT = 200;

    /** Handler environment: ARN of the origin-verify secret. */
    public static final String ORIGIN_VERIFY_SECRET_ARN_ENV = "ORIGIN_VERIFY_SECRET_ARN";
    /** Handler environment: JSON field of the secret holding the value (set only when given). */
    public static final String ORIGIN_VERIFY_SECRET_FIELD_ENV = "ORIGIN_VERIFY_SECRET_FIELD";
    /** Handler environment: name of the header the CDN sends. */
    public static final String ORIGIN_VERIFY_HEADER_ENV = "ORIGIN_VERIFY_HEADER";

    private ApiDefaults() {}

    public static CorsPreflightOptions cors(List<String> allowedOrigins) {
        return CorsPreflightOptions.builder()
                .allowOrigins(allowedOrigins)
                .allowMethods(List.of(
                        CorsHttpMethod.GET,
                        CorsHttpMethod.POST,
                        CorsHttpMethod.PUT,
                        CorsHttpMethod.PATCH,
                        CorsHttpMethod.DELETE,
                        CorsHttpMethod.OPTIONS))
                .allowHeaders(List.of("authorization", "content-type"))
                .maxAge(Duration.hours(1))
                .build();
    }

    /** One JSON object per request, with HTTP API context variables only. */
    public static String accessLogFormat() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("ip", "$context.identity.sourceIp");
        fields.put("requestTime", "$context.requestTime");
        fields.put("httpMethod", "$context.httpMethod");
        fields.put("routeKey", "$context.routeKey");
        fields.put("path", "$context.path");
        fields.put("status", "$context.status");
        fields.put("protocol", "$context.protocol");
        fields.put("responseLength", "$context.responseLength");
        fields.put("responseLatency", "$context.responseLatency");
        fields.put("integrationLatency", "$context.integrationLatency");
        fields.put("integrationError", "$context.integrationErrorMessage");
        fields.put("authorizerError", "$context.authorizer.error");
        fields.put("userAgent", "$context.identity.userAgent");
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
