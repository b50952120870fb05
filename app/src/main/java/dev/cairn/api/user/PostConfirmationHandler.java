package dev.cairn.api.user;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cognito post-confirmation trigger ({@code auth-triggers}): once a user confirms their
 * address, their profile exists. The event goes back unchanged, as Cognito expects. The local
 * stack invokes this same class when cognito-local fires the trigger. It needs only the users
 * table: the user pool cannot name its own trigger's environment, so nothing of Cognito is here.
 */
public class PostConfirmationHandler implements RequestStreamHandler, AutoCloseable {
    static final String CONFIRM_SIGN_UP = "PostConfirmation_ConfirmSignUp";
    private static final Logger LOG = LoggerFactory.getLogger(PostConfirmationHandler.class);

    private final ApplicationContext context;
    private final boolean ownsContext;
    private final UserProfiles profiles;
    private final JsonMapper json;

    /** Used by the Lambda runtime. */
    public PostConfirmationHandler() {
        this(ApplicationContext.run(), true);
    }

    /** Used by the local stack, which shares the API's context. */
    public PostConfirmationHandler(ApplicationContext context) {
        this(context, false);
    }

    private PostConfirmationHandler(ApplicationContext context, boolean ownsContext) {
        this.context = context;
        this.ownsContext = ownsContext;
        this.profiles = context.getBean(UserProfiles.class);
        this.json = context.getBean(JsonMapper.class);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambda) throws IOException {
        byte[] event = input.readAllBytes();
        handle(json.readValue(event, Map.class));
        output.write(event);
    }

    @SuppressWarnings("unchecked")
    void handle(Map<String, Object> event) {
        if (!CONFIRM_SIGN_UP.equals(event.get("triggerSource"))) {
            return;
        }
        Object request = event.get("request");
        Map<String, Object> attributes =
                request instanceof Map<?, ?> r && r.get("userAttributes") instanceof Map<?, ?> a
                        ? (Map<String, Object>) a
                        : Map.of();
        Object sub = attributes.get("sub");
        if (!(sub instanceof String userId) || userId.isBlank()) {
            LOG.warn("Post-confirmation event without a sub; no profile created");
            return;
        }
        profiles.createFirst(userId, (String) attributes.get("email"), (String) attributes.get("name"));
        LOG.info("Profile created for a confirmed user");
    }

    @Override
    public void close() {
        if (ownsContext) {
            context.close();
        }
    }
}
