package dev.cairn.api.auth.cognito;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cairn.contract.EnvironmentVariables;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The Cognito pre token generation trigger (event version two): every access token Cognito issues
 * goes out without the scope {@value #COGNITO_USER_API_SCOPE}, so a user's token, stolen or not,
 * cannot call Cognito's user APIs (DeleteUser, SetUserMFAPreference, UpdateUserAttributes,
 * AssociateSoftwareToken, ...) around the API's checks; the API does those things with its own
 * role. The one exception is the API's internal app client, used only inside the API to enrol an
 * authenticator (AssociateSoftwareToken and VerifySoftwareToken have no admin API): its tokens keep
 * the scope. The event goes back with only {@code response} filled, as Cognito expects.
 *
 * <p>The internal client's id cannot be in this function's environment: the pool names the
 * function, and the client belongs to the pool, so CloudFormation would see a cycle. The function
 * reads it once per cold start from the SSM parameter that the environment variable {@code
 * CAIRN_INTERNAL_CLIENT_ID_PARAMETER} names; the local stack, which knows the id up front, hands it
 * to the constructor instead. Without either, or when the parameter cannot be read, every client loses the scope:
 * sign-in keeps working, only enrolment fails (and the read is tried again on the next token).
 */
public class AccessTokenScopeTrigger implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenScopeTrigger.class);

    /** The scope that lets an access token call Cognito's user APIs. */
    public static final String COGNITO_USER_API_SCOPE = "aws.cognito.signin.user.admin";

    private final JsonMapper json;
    private final Supplier<@Nullable String> internalClientIdSource;
    private volatile @Nullable String internalClientId;

    /** Used by the Lambda runtime: the internal client as the environment tells. */
    public AccessTokenScopeTrigger() {
        this(JsonMapper.createDefault(), AccessTokenScopeTrigger::internalClientIdFromEnvironment);
    }

    /**
     * Keeps the scope for the client {@code internalClientId} supplies (asked on the first token,
     * so it may name a client made after the trigger); null from it keeps the scope for none.
     */
    public AccessTokenScopeTrigger(Supplier<@Nullable String> internalClientId) {
        this(JsonMapper.createDefault(), internalClientId);
    }

    AccessTokenScopeTrigger(JsonMapper json, Supplier<@Nullable String> internalClientId) {
        this.json = json;
        this.internalClientIdSource = internalClientId;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambda) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = json.readValue(input.readAllBytes(), Map.class);
        output.write(json.writeValueAsBytes(answer(event)));
    }

    /** The event answered: the scope kept for the internal client, suppressed for every other one. */
    Map<String, Object> answer(Map<String, Object> event) {
        String internal = internalClientId();
        if (internal != null && internal.equals(clientId(event))) {
            Map<String, Object> answer = new LinkedHashMap<>(event);
            answer.put("response", Map.of());
            return answer;
        }
        return withScopeSuppressed(event);
    }

    private @Nullable String internalClientId() {
        String id = internalClientId;
        if (id == null) {
            try {
                id = internalClientIdSource.get();
            } catch (RuntimeException e) {
                LOG.warn(
                        "Cannot read the internal app client's id; every access token loses {}",
                        COGNITO_USER_API_SCOPE,
                        e);
                return null;
            }
            internalClientId = id;
        }
        return id;
    }

    private static @Nullable Object clientId(Map<String, Object> event) {
        return event.get("callerContext") instanceof Map<?, ?> caller ? caller.get("clientId") : null;
    }

    /** The event with its response set to suppress {@value #COGNITO_USER_API_SCOPE} from the access token. */
    static Map<String, Object> withScopeSuppressed(Map<String, Object> event) {
        Map<String, Object> answer = new LinkedHashMap<>(event);
        answer.put(
                "response",
                Map.of(
                        "claimsAndScopeOverrideDetails",
                        Map.of("accessTokenGeneration", Map.of("scopesToSuppress", List.of(COGNITO_USER_API_SCOPE)))));
        return answer;
    }

    /** The value of the SSM parameter the environment names; null where none is named. */
    static @Nullable String internalClientIdFromEnvironment() {
        String parameter = System.getenv(EnvironmentVariables.INTERNAL_CLIENT_ID_PARAMETER);
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        try (SsmClient ssm =
                SsmClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            return ssm.getParameter(r -> r.name(parameter)).parameter().value();
        }
    }
}
