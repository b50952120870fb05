package dev.cairn.local;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Example data for a blueprint, so a client developer meets a populated API at once: a demo user,
 * signed up and confirmed like any other, and the items of {@code samples/BLUEPRINT.json} created
 * through the API itself; and an admin, signed up the same way with the same password and put in
 * the pool's admin group, for the routes only administrators may call. Run again on kept data, it
 * finds both accounts and adds nothing.
 */
public final class SampleData {
    public static final String EMAIL = "demo@cairn.local";
    public static final String ADMIN_EMAIL = "admin@cairn.local";
    public static final String PASSWORD = "Demo-Cairn-2026";

    private final LocalCairn stack;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    private SampleData(LocalCairn stack) {
        this.stack = stack;
        this.json = stack.app().getBean(JsonMapper.class);
    }

    /**
     * What was seeded: the demo account with its sample items ({@code existed} when it was there
     * already, and nothing was added) and the admin account, both with {@code password}.
     */
    public record Seeded(String email, String password, int items, boolean existed, String adminEmail) {}

    /** Seeds the stack's blueprint; a blueprint without samples gets the two accounts only. */
    public static Seeded seed(LocalCairn stack) {
        return new SampleData(stack).run();
    }

    private Seeded run() {
        boolean existed = !signUp(EMAIL, "Demo User");
        signUp(ADMIN_EMAIL, "Admin");
        // Also for an admin signed up before it could be put in the group; a member stays one.
        stack.addToAdminGroup(ADMIN_EMAIL);
        if (existed) {
            return new Seeded(EMAIL, PASSWORD, 0, true, ADMIN_EMAIL);
        }
        JsonNode login =
                require(call("POST", "/api/auth/login", Map.of("email", EMAIL, "password", PASSWORD), null), "login");
        String token = login.get("data").get("accessToken").getStringValue();
        JsonNode samples = samples(stack.options().blueprint());
        int count = 0;
        String last = null;
        if (samples != null) {
            for (JsonNode sample : samples.get("items").values()) {
                String path = sample.get("path").getStringValue();
                if (path.contains("{last}")) {
                    path = path.replace("{last}", last);
                }
                JsonNode created = require(call("POST", path, sample.get("body"), token), path);
                if (path.indexOf('/', "/api/".length()) < 0) {
                    last = created.get("data").get("id").getStringValue();
                }
                count++;
            }
        }
        return new Seeded(EMAIL, PASSWORD, count, false, ADMIN_EMAIL);
    }

    /** Signs the account up and confirms it, as a client would; false if it was there already. */
    private boolean signUp(String email, String name) {
        JsonNode registered =
                call("POST", "/api/auth/register", Map.of("email", email, "password", PASSWORD, "name", name), null);
        if (!registered.get("success").getBooleanValue()) {
            return false;
        }
        try {
            String code = stack.outbox().awaitCode(email, 0, 10_000);
            require(call("POST", "/api/auth/confirm", Map.of("email", email, "code", code), null), "confirm");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
    }

    private JsonNode samples(String blueprint) {
        try (InputStream in = SampleData.class.getResourceAsStream("/samples/" + blueprint + ".json")) {
            return in == null ? null : json.readValue(in, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("samples/" + blueprint + ".json is not valid JSON", e);
        }
    }

    private JsonNode call(String method, String path, Object body, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return json.readValue(response.body(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Seeding " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
    }

    private static JsonNode require(JsonNode reply, String what) {
        if (!reply.get("success").getBooleanValue()) {
            throw new IllegalStateException("Seeding failed at " + what + ": " + reply.get("error"));
        }
        return reply;
    }
}
