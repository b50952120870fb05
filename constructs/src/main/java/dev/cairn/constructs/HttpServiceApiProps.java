package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * Props of {@link HttpServiceApi}.
 *
 * @param handler the function (alias) behind every route. Required.
 * @param userPool the Cognito user pool whose JWTs the authorizer accepts. Required.
 * @param userPoolClients app clients whose tokens are accepted (the JWT audience). Required, not empty.
 * @param publicRoutes routes reachable without a token, as {@code "METHOD /path"} (e.g.
 *     {@code "POST /auth/login"}). Default: none; every route needs a valid JWT.
 * @param appAuthorizedRoutes routes the gateway passes on without checking a JWT because the
 *     function authenticates them itself (e.g. with API keys), as {@code "METHOD /path"}; {@code
 *     ANY} and {@code {proxy+}} are allowed. Default: none.
 * @param corsAllowedOrigins browser origins allowed by CORS ({@code https://} or
 *     {@code http://localhost}, no wildcards). Default: no CORS configuration.
 * @param throttlingRateLimit stage-wide steady requests per second (&gt; 0). Default: 100.
 * @param throttlingBurstLimit stage-wide burst (&gt; 0). Default: 200.
 * @param accessLogRetention retention of the JSON access logs. Default: one month.
 * @param logEncryptionKey KMS key of the access log group. Default: a new key usable by
 *     CloudWatch Logs only.
 * @param disableExecuteApiEndpoint turn off the default {@code execute-api} endpoint, when a CDN
 *     with a custom domain fronts the API. Default: false (endpoint on).
 * @param originVerifySecret the secret whose value the CDN sends as the origin-verify header (the
 *     same secret as {@code CdnProps.originVerifySecret}); the handler gets its ARN and the header
 *     name as environment variables and read access to it, and must answer 403 to requests whose
 *     header does not match. Needs a handler that is a {@code Function} of this app or its alias.
 *     Default: no origin check (any caller who can reach the endpoint is served).
 * @param originVerifyHeaderName the header the CDN sends. Default: {@code X-Origin-Verify}.
 * @param originVerifySecretField JSON field of the secret holding the value (as
 *     {@code CdnProps.originVerifySecretField}). Default: the whole secret string.
 */
public record HttpServiceApiProps(
        IFunction handler,
        IUserPool userPool,
        List<IUserPoolClient> userPoolClients,
        List<String> publicRoutes,
        List<String> appAuthorizedRoutes,
        List<String> corsAllowedOrigins,
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
        private Double throttlingRateLimit;
        private Integer throttlingBurstLimit;
        private RetentionDays accessLogRetention;
        private IKey logEncryptionKey;
        private Boolean disableExecuteApiEndpoint;
        private ISecret originVerifySecret;
        private String originVerifyHeaderName;
        private String originVerifySecretField;

        private Builder() {}

        public Builder handler(IFunction handler) {
            this.handler = handler;
            return this;
        }

        public Builder userPool(IUserPool userPool) {
            this.userPool = userPool;
            return this;
        }

        public Builder userPoolClients(List<IUserPoolClient> userPoolClients) {
            this.userPoolClients = userPoolClients;
            return this;
        }

        public Builder publicRoutes(List<String> publicRoutes) {
            this.publicRoutes = publicRoutes;
            return this;
        }

        public Builder appAuthorizedRoutes(List<String> appAuthorizedRoutes) {
            this.appAuthorizedRoutes = appAuthorizedRoutes;
            return this;
        }

        public Builder corsAllowedOrigins(List<String> corsAllowedOrigins) {
            this.corsAllowedOrigins = corsAllowedOrigins;
            return this;
        }

        public Builder throttlingRateLimit(Double throttlingRateLimit) {
            this.throttlingRateLimit = throttlingRateLimit;
            return this;
        }

        public Builder throttlingBurstLimit(Integer throttlingBurstLimit) {
            this.throttlingBurstLimit = throttlingBurstLimit;
            return this;
        }

        public Builder accessLogRetention(RetentionDays accessLogRetention) {
            this.accessLogRetention = accessLogRetention;
            return this;
        }

        public Builder logEncryptionKey(IKey logEncryptionKey) {
            this.logEncryptionKey = logEncryptionKey;
            return this;
        }

        public Builder disableExecuteApiEndpoint(Boolean disableExecuteApiEndpoint) {
            this.disableExecuteApiEndpoint = disableExecuteApiEndpoint;
            return this;
        }

        public Builder originVerifySecret(ISecret originVerifySecret) {
            this.originVerifySecret = originVerifySecret;
            return this;
        }

        public Builder originVerifyHeaderName(String originVerifyHeaderName) {
            this.originVerifyHeaderName = originVerifyHeaderName;
            return this;
        }

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
