package dev.cairn.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** Request headers a cross-origin page may send, unless the props say otherwise. */
    public static final List<String> CORS_ALLOW_HEADERS = List.of("Authorization", "Content-Type");
    /** Methods a cross-origin page may use, unless the props say otherwise. */
    public static final List<String> CORS_ALLOW_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** How long a browser may cache a preflight's answer, unless the props say otherwise. */
    public static final Duration CORS_MAX_AGE = Duration.hours(1);

    /** CORS with the default headers, methods and max-age, exposing no response header. */
    public static CorsPreflightOptions cors(List<String> allowedOrigins) {
        return cors(allowedOrigins, CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, List.of(), CORS_MAX_AGE);
    }

    /** The gateway's CORS configuration; methods are names such as {@code "GET"}. */
    public static CorsPreflightOptions cors(
            List<String> allowedOrigins,
            List<String> allowHeaders,
            List<String> allowMethods,
            List<String> exposeHeaders,
            Duration maxAge) {
        CorsPreflightOptions.Builder builder = CorsPreflightOptions.builder()
                .allowOrigins(allowedOrigins)
                .allowMethods(allowMethods.stream()
                        .map(method -> CorsHttpMethod.valueOf(method.toUpperCase(Locale.ROOT)))
                        .toList())
                .allowHeaders(allowHeaders)
                .maxAge(maxAge);
        if (!exposeHeaders.isEmpty()) {
            builder.exposeHeaders(exposeHeaders);
        }
        return builder.build();
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
