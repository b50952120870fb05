package dev.cairn.api.auth.cognito;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cognito pre token generation trigger (event version two): every access token Cognito issues
 * goes out without the scope {@value #COGNITO_USER_API_SCOPE}, so a user's token, stolen or not,
 * cannot call Cognito's user APIs (DeleteUser, SetUserMFAPreference, UpdateUserAttributes,
 * AssociateSoftwareToken, ...) around the API's checks; the API does those things with its own
 * role. The event goes back with only {@code response} filled, as Cognito expects. It needs no
 * AWS access and no application context, so it starts fast within Cognito's 5 seconds.
 */
public class AccessTokenScopeTrigger implements RequestStreamHandler {
    /** The scope that lets an access token call Cognito's user APIs. */
    public static final String COGNITO_USER_API_SCOPE = "aws.cognito.signin.user.admin";

    private final JsonMapper json;

    /** Used by the Lambda runtime. */
    public AccessTokenScopeTrigger() {
        this(JsonMapper.createDefault());
    }

    AccessTokenScopeTrigger(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambda) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = json.readValue(input.readAllBytes(), Map.class);
        output.write(json.writeValueAsBytes(withScopeSuppressed(event)));
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
}
