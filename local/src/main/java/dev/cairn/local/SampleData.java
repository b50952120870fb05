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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Example data for a blueprint, so a client developer meets a populated API at once: a demo user,
 * signed up and confirmed like any other, and the items of {@code samples/BLUEPRINT.json} created
 * through the API itself; and an admin, signed up the same way with the same password and put in
 * the pool's admin group, for the routes only administrators may call. Run again on kept data, it
 * finds both accounts and adds nothing.
 *
 * <p>Each sample is {@code {"path", "body"}} and optionally {@code "method"} (default {@code POST}),
 * {@code "as": "admin"} (default: the demo user) and {@code "image": "NAME.jpg"}: a generated photo
 * ({@link SampleImages}) uploaded first through the image flow as the same account, its {@code
 * imageId} then added to the body. {@code {last}} in a path is the id of the last item created at
 * the top of a collection ({@code POST /api/THINGS}).
 */
public final class SampleData {
    public static final String EMAIL = "demo@cairn.local";
    public static final String ADMIN_EMAIL = "admin@cairn.local";
    public static final String PASSWORD = "Demo-Cairn-2026";
    private static final String ADMIN = "admin";
    private static final String DEMO = "demo";

    private final LocalCairn stack;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    private SampleData(LocalCairn stack) {
        this.stack = stack;
        this.json = stack.app().getBean(JsonMapper.class);
    }

    /**
     * What was seeded: the demo account with its sample items ({@code existed} when it was there
     * already, and nothing was added) and the admin account, both with {@code password}; {@code
     * created} counts the items by the collection they went to, in the order met (e.g. {@code
     * projects=7, photos=21, pages=3}).
     */
    public record Seeded(
            String email,
            String password,
            int items,
            boolean existed,
            String adminEmail,
            Map<String, Integer> created) {
        public Seeded {
            created = Collections.unmodifiableMap(new LinkedHashMap<>(created));
        }

        /** The counts as a person reads them, e.g. {@code 7 projects, 12 photos, 3 pages}. */
        public String describeCreated() {
            return created.entrySet().stream()
                    .map(entry -> entry.getValue() + " " + entry.getKey())
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * The API refused a sample (or could not be reached): the accounts exist, the samples are
     * incomplete. {@link #seeded()} says what was created before.
     */
    public static final class SeedingFailed extends IllegalStateException {
        private final transient Seeded seeded;

        SeedingFailed(String message, Seeded seeded, Throwable cause) {
            super(message, cause);
            this.seeded = seeded;
        }

        public Seeded seeded() {
            return seeded;
        }
    }

    /**
     * Seeds the stack's blueprint; a blueprint without samples gets the two accounts only. Throws
     * {@link SeedingFailed} if the API refuses a sample.
     */
    public static Seeded seed(LocalCairn stack) {
        return new SampleData(stack).run();
    }

    private Seeded run() {
        boolean existed = !signUp(EMAIL, "Demo User");
        signUp(ADMIN_EMAIL, "Admin");
        // Also for an admin signed up before it could be put in the group; a member stays one.
        stack.addToAdminGroup(ADMIN_EMAIL);
        if (existed) {
            return new Seeded(EMAIL, PASSWORD, 0, true, ADMIN_EMAIL, Map.of());
        }
        JsonNode samples = samples(stack.options().blueprint());
        Map<String, Integer> created = new LinkedHashMap<>();
        int count = 0;
        if (samples == null) {
            return new Seeded(EMAIL, PASSWORD, count, false, ADMIN_EMAIL, created);
        }
        Map<String, String> tokens = new HashMap<>();
        String last = null;
        for (JsonNode sample : samples.get("items").values()) {
            String path = sample.get("path").getStringValue();
            try {
                if (path.contains("{last}")) {
                    path = path.replace("{last}", last);
                }
                String method = text(sample, "method", "POST");
                String as = text(sample, "as", DEMO);
                String token = tokens.computeIfAbsent(as, this::signIn);
                Object body = sample.get("body");
                if (sample.get("image") != null) {
                    Map<String, Object> withImage = json.readValue(json.writeValueAsBytes(body), Map.class);
                    withImage.put("imageId", uploadImage(sample.get("image").getStringValue(), token));
                    body = withImage;
                }
                JsonNode reply = require(call(method, path, body, token), method + " " + path);
                String[] segments = path.substring("/api/".length()).split("/");
                if ("POST".equals(method) && segments.length == 1) {
                    last = reply.get("data").get("id").getStringValue();
                }
                created.merge(
                        "POST".equals(method) ? segments[segments.length - 1] : segments[segments.length - 2],
                        1,
                        Integer::sum);
                count++;
            } catch (IOException | RuntimeException e) {
                throw new SeedingFailed(
                        "sample " + (count + 1) + " of samples/"
                                + stack.options().blueprint() + ".json: " + e.getMessage(),
                        new Seeded(EMAIL, PASSWORD, count, false, ADMIN_EMAIL, created),
                        e);
            }
        }
        return new Seeded(EMAIL, PASSWORD, count, false, ADMIN_EMAIL, created);
    }

    private static String text(JsonNode sample, String field, String otherwise) {
        JsonNode value = sample.get(field);
        return value == null ? otherwise : value.getStringValue();
    }

    /** An access token of the demo user, or of the admin for {@code "admin"}. */
    private String signIn(String as) {
        if (!ADMIN.equals(as) && !DEMO.equals(as)) {
            throw new IllegalArgumentException("\"as\" must be " + DEMO + " or " + ADMIN + " (value: " + as + ")");
        }
        String email = ADMIN.equals(as) ? ADMIN_EMAIL : EMAIL;
        JsonNode login = require(
                call("POST", "/api/auth/login", Map.of("email", email, "password", PASSWORD), null),
                "login of " + email);
        return login.get("data").get("accessToken").getStringValue();
    }

    /** Uploads a generated photo through the image flow, as a browser does; answers its imageId. */
    private String uploadImage(String name, String token) throws IOException {
        byte[] bytes = SampleImages.jpeg(name);
        JsonNode url = require(
                call(
                        "POST",
                        "/api/images/upload-url",
                        Map.of("fileName", name, "fileType", "image/jpeg", "fileSize", bytes.length),
                        token),
                "upload URL of " + name);
        JsonNode data = url.get("data");
        HttpRequest.Builder put = HttpRequest.newBuilder(
                        URI.create(data.get("uploadUrl").getStringValue()))
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        JsonNode headers = data.get("headers");
        if (headers != null) {
            for (Map.Entry<String, JsonNode> header : headers.entries()) {
                put.header(header.getKey(), header.getValue().getStringValue());
            }
        }
        int status = send(put.build(), name).statusCode();
        if (status != 200) {
            throw new IllegalStateException("the upload of " + name + " answered " + status);
        }
        JsonNode complete = require(
                call(
                        "POST",
                        "/api/images/upload-complete",
                        Map.of("imageKey", data.get("imageKey").getStringValue()),
                        token),
                "upload of " + name);
        return complete.get("data").get("imageId").getStringValue();
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
            if (response.body().isBlank()) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
            }
            return json.readValue(response.body(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Seeding " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
    }

    private HttpResponse<Void> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException("Seeding " + what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
    }

    private JsonNode require(JsonNode reply, String what) {
        JsonNode success = reply.get("success");
        if (success == null || !success.getBooleanValue()) {
            throw new IllegalStateException(what + " was refused: " + describe(reply.get("error")));
        }
        return reply;
    }

    private String describe(JsonNode error) {
        try {
            return error == null ? "no error given" : json.writeValueAsString(error);
        } catch (IOException e) {
            return String.valueOf(error);
        }
    }
}
