package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * Props of {@link HttpServiceApi}. The setters of {@link Builder} say what each prop means and its
 * default.
 *
 * @param handler see {@link Builder#handler}
 * @param userPool see {@link Builder#userPool}
 * @param userPoolClients see {@link Builder#userPoolClients}
 * @param publicRoutes see {@link Builder#publicRoutes}
 * @param appAuthorizedRoutes see {@link Builder#appAuthorizedRoutes}
 * @param corsAllowedOrigins see {@link Builder#corsAllowedOrigins}
 * @param corsAllowHeaders see {@link Builder#corsAllowHeaders}
 * @param corsAllowMethods see {@link Builder#corsAllowMethods}
 * @param corsExposeHeaders see {@link Builder#corsExposeHeaders}
 * @param corsMaxAge see {@link Builder#corsMaxAge}
 * @param throttlingRateLimit see {@link Builder#throttlingRateLimit}
 * @param throttlingBurstLimit see {@link Builder#throttlingBurstLimit}
 * @param accessLogRetention see {@link Builder#accessLogRetention}
 * @param logEncryptionKey see {@link Builder#logEncryptionKey}
 * @param disableExecuteApiEndpoint see {@link Builder#disableExecuteApiEndpoint}
 * @param originVerifySecret see {@link Builder#originVerifySecret}
 * @param originVerifyHeaderName see {@link Builder#originVerifyHeaderName}
 * @param originVerifySecretField see {@link Builder#originVerifySecretField}
 */
public record HttpServiceApiProps(
        IFunction handler,
        IUserPool userPool,
        List<IUserPoolClient> userPoolClients,
        List<String> publicRoutes,
        List<String> appAuthorizedRoutes,
        List<String> corsAllowedOrigins,
        List<String> corsAllowHeaders,
        List<String> corsAllowMethods,
        List<String> corsExposeHeaders,
        Duration corsMaxAge,
        Double throttlingRateLimit,
        Integer throttlingBurstLimit,
        RetentionDays accessLogRetention,
        IKey logEncryptionKey,
        Boolean disableExecuteApiEndpoint,
        ISecret originVerifySecret,
        String originVerifyHeaderName,
        String originVerifySecretField) {

    public HttpServiceApiProps {
        userPoolClients = userPoolClients == null ? List.of() : List.copyOf(userPoolClients);
        publicRoutes = publicRoutes == null ? List.of() : List.copyOf(publicRoutes);
        appAuthorizedRoutes = appAuthorizedRoutes == null ? List.of() : List.copyOf(appAuthorizedRoutes);
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        corsAllowHeaders = corsAllowHeaders == null ? null : List.copyOf(corsAllowHeaders);
        corsAllowMethods = corsAllowMethods == null ? null : List.copyOf(corsAllowMethods);
        corsExposeHeaders = corsExposeHeaders == null ? null : List.copyOf(corsExposeHeaders);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link HttpServiceApiProps}. */
    public static final class Builder {
        private IFunction handler;
        private IUserPool userPool;
        private List<IUserPoolClient> userPoolClients;
        private List<String> publicRoutes;
        private List<String> appAuthorizedRoutes;
        private List<String> corsAllowedOrigins;
        private List<String> corsAllowHeaders;
        private List<String> corsAllowMethods;
        private List<String> corsExposeHeaders;
        private Duration corsMaxAge;
        private Double throttlingRateLimit;
        private Integer throttlingBurstLimit;
        private RetentionDays accessLogRetention;
        private IKey logEncryptionKey;
        private Boolean disableExecuteApiEndpoint;
        private ISecret originVerifySecret;
        private String originVerifyHeaderName;
        private String originVerifySecretField;

        private Builder() {}

        /**
         * The function (alias) behind every route.
         *
         * <p>Default: none; required.
         */
        public Builder handler(IFunction handler) {
            this.handler = handler;
            return this;
        }

        /**
         * The Cognito user pool whose JWTs the authorizer accepts.
         *
         * <p>Default: none; required.
         */
        public Builder userPool(IUserPool userPool) {
            this.userPool = userPool;
            return this;
        }

        /**
         * App clients whose tokens are accepted (the JWT audience).
         *
         * <p>Default: none; required, not empty.
         */
        public Builder userPoolClients(List<IUserPoolClient> userPoolClients) {
            this.userPoolClients = userPoolClients;
            return this;
        }

        /**
         * Routes reachable without a token, as {@code "METHOD /path"} (e.g. {@code "POST
         * /auth/login"}).
         *
         * <p>Default: none; every route needs a valid JWT.
         */
        public Builder publicRoutes(List<String> publicRoutes) {
            this.publicRoutes = publicRoutes;
            return this;
        }

        /**
         * Routes the gateway passes on without checking a JWT because the function authenticates
         * them itself (e.g. with API keys), as {@code "METHOD /path"}; {@code ANY} and {@code
         * {proxy+}} are allowed.
         *
         * <p>Default: none.
         */
        public Builder appAuthorizedRoutes(List<String> appAuthorizedRoutes) {
            this.appAuthorizedRoutes = appAuthorizedRoutes;
            return this;
        }

        /**
         * Browser origins allowed by CORS ({@code https://} or {@code http://localhost}, no
         * wildcards). With any, the gateway answers preflight {@code OPTIONS} requests itself, before
         * routes and authorizers, and adds the CORS headers to every response to an allowed origin.
         *
         * <p>Default: no CORS configuration (browsers reach the API same-origin only, e.g. through a
         * CDN); the other {@code cors*} props then have no effect.
         */
        public Builder corsAllowedOrigins(List<String> corsAllowedOrigins) {
            this.corsAllowedOrigins = corsAllowedOrigins;
            return this;
        }

        /**
         * Request headers a cross-origin page may send (header names, no wildcards).
         *
         * <p>Default: {@code Authorization} and {@code Content-Type}.
         */
        public Builder corsAllowHeaders(List<String> corsAllowHeaders) {
            this.corsAllowHeaders = corsAllowHeaders;
            return this;
        }

        /**
         * Methods a cross-origin page may use, e.g. {@code "GET"} (no {@code ANY} or wildcard).
         *
         * <p>Default: {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} and
         * {@code OPTIONS}.
         */
        public Builder corsAllowMethods(List<String> corsAllowMethods) {
            this.corsAllowMethods = corsAllowMethods;
            return this;
        }

        /**
         * Response headers a cross-origin script may read beyond the safelisted ones (header names,
         * no wildcards).
         *
         * <p>Default: none.
         */
        public Builder corsExposeHeaders(List<String> corsExposeHeaders) {
            this.corsExposeHeaders = corsExposeHeaders;
            return this;
        }

        /**
         * How long a browser may cache a preflight's answer (0 to 86400 seconds).
         *
         * <p>Default: one hour.
         */
        public Builder corsMaxAge(Duration corsMaxAge) {
            this.corsMaxAge = corsMaxAge;
            return this;
        }

        /**
         * Stage-wide steady requests per second (&gt; 0).
         *
         * <p>Default: 100.
         */
        public Builder throttlingRateLimit(Double throttlingRateLimit) {
            this.throttlingRateLimit = throttlingRateLimit;
            return this;
        }

        /**
         * Stage-wide burst (&gt; 0).
         *
         * <p>Default: 200.
         */
        public Builder throttlingBurstLimit(Integer throttlingBurstLimit) {
            this.throttlingBurstLimit = throttlingBurstLimit;
            return this;
        }

        /**
         * Retention of the JSON access logs.
         *
         * <p>Default: one month.
         */
        public Builder accessLogRetention(RetentionDays accessLogRetention) {
            this.accessLogRetention = accessLogRetention;
            return this;
        }

        /**
         * KMS key of the access log group.
         *
         * <p>Default: a new key usable by CloudWatch Logs only.
         */
        public Builder logEncryptionKey(IKey logEncryptionKey) {
            this.logEncryptionKey = logEncryptionKey;
            return this;
        }

        /**
         * Turn off the default {@code execute-api} endpoint, when a CDN with a custom domain fronts
         * the API.
         *
         * <p>Default: false (endpoint on).
         */
        public Builder disableExecuteApiEndpoint(Boolean disableExecuteApiEndpoint) {
            this.disableExecuteApiEndpoint = disableExecuteApiEndpoint;
            return this;
        }

        /**
         * The secret whose value the CDN sends as the origin-verify header (the same secret as
         * {@code CdnProps.originVerifySecret}); the handler gets its ARN and the header name as
         * environment variables and read access to it, and must answer 403 to requests whose header
         * does not match. Needs a handler that is a {@code Function} of this app or its alias.
         *
         * <p>Default: no origin check (any caller who can reach the endpoint is served).
         */
        public Builder originVerifySecret(ISecret originVerifySecret) {
            this.originVerifySecret = originVerifySecret;
            return this;
        }

        /**
         * The header the CDN sends.
         *
         * <p>Default: {@code X-Origin-Verify}.
         */
        public Builder originVerifyHeaderName(String originVerifyHeaderName) {
            this.originVerifyHeaderName = originVerifyHeaderName;
            return this;
        }

        /**
         * JSON field of the secret holding the value (as {@code CdnProps.originVerifySecretField}).
         *
         * <p>Default: the whole secret string.
         */
        public Builder originVerifySecretField(String originVerifySecretField) {
            this.originVerifySecretField = originVerifySecretField;
            return this;
        }

        public HttpServiceApiProps build() {
            return new HttpServiceApiProps(
                    handler,
                    userPool,
                    userPoolClients,
                    publicRoutes,
                    appAuthorizedRoutes,
                    corsAllowedOrigins,
                    corsAllowHeaders,
                    corsAllowMethods,
                    corsExposeHeaders,
                    corsMaxAge,
                    throttlingRateLimit,
                    throttlingBurstLimit,
                    accessLogRetention,
                    logEncryptionKey,
                    disableExecuteApiEndpoint,
                    originVerifySecret,
                    originVerifyHeaderName,
                    originVerifySecretField);
        }
    }
}
