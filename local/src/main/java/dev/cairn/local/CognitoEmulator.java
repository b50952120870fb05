package dev.cairn.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cognito-local (npm) as a child process, so the app's Cognito adapter talks to it through the
 * AWS SDK unchanged. The codes it would e-mail are read from its log and put in the {@link Outbox}.
 *
 * <p>Known gaps of cognito-local that the app must not rely on: it does not enforce a pool's
 * password policy, answers a wrong password with {@code InvalidPasswordException} (Cognito says
 * {@code NotAuthorizedException}), and has no ResendConfirmationCode or GlobalSignOut.
 */
final class CognitoEmulator implements AutoCloseable {
    private static final Pattern TARGET = Pattern.compile("\"target\":\"(\\w+)\"");
    private static final Pattern DESTINATION = Pattern.compile("Destination:\\s+([^\\s\\\\│]+)");
    private static final Pattern CODE = Pattern.compile("Code:\\s+(\\d+)");

    private final ChildProcess process;
    private final URI endpoint;

    private CognitoEmulator(ChildProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The name under which cognito-local invokes the post-confirmation trigger. */
    static final String TRIGGER_FUNCTION = "cairn-auth-triggers";

    /** The name under which cognito-local invokes the pre token generation trigger (event version two). */
    static final String TOKEN_TRIGGER_FUNCTION = "cairn-token-scopes";

    static CognitoEmulator start(Path repoDir, Path stateDir, Outbox outbox, URI lambdaEndpoint) {
        return start(repoDir, stateDir, outbox, lambdaEndpoint, null);
    }

    /**
     * With {@code preTokenGenerationV2}, the function cognito-local invokes before it issues tokens
     * with Cognito's version two event (access token scopes); null for none.
     */
    static CognitoEmulator start(
            Path repoDir, Path stateDir, Outbox outbox, URI lambdaEndpoint, String preTokenGenerationV2) {
        Path modules = repoDir.resolve("node_modules");
        if (!Files.isDirectory(modules.resolve("cognito-local"))) {
            throw new IllegalStateException(
                    "cognito-local is missing under " + modules + ": run `npm ci` in " + repoDir);
        }
        int port = Ports.free();
        try {
            Files.createDirectories(stateDir.resolve(".cognito"));
            Files.writeString(
                    stateDir.resolve(".cognito/config.json"), """
                    {"TokenConfig": {"IssuerDomain": "http://127.0.0.1:%d"},
                     "UserPoolDefaults": {"UsernameAttributes": ["email"]},
                     "LambdaClient": {"endpoint": "%s", "region": "us-east-1",
                                      "credentials": {"accessKeyId": "local", "secretAccessKey": "local"}},
                     "TriggerFunctions": {"PostConfirmation": "%s"}}
                    """.formatted(port, lambdaEndpoint, TRIGGER_FUNCTION));
            try (InputStream launcher = CognitoEmulator.class.getResourceAsStream("cognito-local.js")) {
                Files.copy(launcher, stateDir.resolve("cognito-local.js"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare cognito-local in " + stateDir, e);
        }
        Map<String, String> environment = new java.util.LinkedHashMap<>(Map.of(
                "PORT",
                Integer.toString(port),
                "HOST",
                "127.0.0.1",
                "NODE_PATH",
                modules.toString(),
                "AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE",
                "1"));
        if (preTokenGenerationV2 != null) {
            environment.put("PRE_TOKEN_GENERATION_V2", preTokenGenerationV2);
        }
        ChildProcess process = ChildProcess.start(
                "cognito-local",
                List.of("node", stateDir.resolve("cognito-local.js").toString()),
                stateDir,
                environment,
                line -> line.contains("cognito-local ready on"),
                line -> capture(line, outbox),
                Duration.ofSeconds(60));
        return new CognitoEmulator(process, URI.create("http://127.0.0.1:" + port));
    }

    /** Turns a "Confirmation Code Delivery" log record into a mail. */
    static void capture(String line, Outbox outbox) {
        if (line.contains("\"level\":50") || line.contains("\"level\":60")) {
            System.err.println("cognito-local: " + line);
            return;
        }
        if (!line.contains("Code Delivery")) {
            return;
        }
        Matcher destination = DESTINATION.matcher(line);
        Matcher code = CODE.matcher(line);
        if (!destination.find() || !code.find()) {
            return;
        }
        Matcher target = TARGET.matcher(line);
        String operation = target.find() ? target.group(1) : "";
        String to = destination.group(1);
        String value = code.group(1);
        Outbox.Mail mail =
                switch (operation) {
                    case "ForgotPassword" ->
                        new Outbox.Mail(
                                to,
                                "Your password reset code",
                                "Use this code to choose a new password: " + value,
                                value);
                    case "AdminCreateUser" ->
                        new Outbox.Mail(to, "Your temporary password", "Your temporary password: " + value, value);
                    default ->
                        new Outbox.Mail(
                                to, "Your verification code", "Use this code to verify your e-mail: " + value, value);
                };
        outbox.deliver(mail);
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.close();
    }
}
