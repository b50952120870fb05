package dev.cairn.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cairn.api.ApiHandler;
import dev.cairn.api.auth.cognito.AccessTokenScopeTrigger;
import dev.cairn.api.data.PrettyJson;
import dev.cairn.api.revalidation.RevalidationSignature;
import dev.cairn.api.user.PostConfirmationHandler;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Cors;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Functions;
import dev.cairn.contract.MediaLayout;
import dev.cairn.contract.SearchIndex;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The whole backend on loopback, with no AWS account and no Docker: DynamoDB Local, S3Mock and
 * cognito-local behind the real Lambda handler, which an HTTP API emulation feeds. {@code
 * scripts/dev} runs it in the foreground; the end-to-end tests start it in-process.
 */
public final class LocalCairn implements AutoCloseable {
    public static final String MEDIA_BUCKET = "cairn-local-media";
    static final String ORIGIN_VERIFY = "cairn.origin-verify.secret";
    public static final String REGION = "us-east-1";
    /** Where the local stack takes the front-end revalidation hook's calls, standing in for the site. */
    public static final String REVALIDATE_PATH = "/_local/revalidate";
    /** {@code GET /_local/outbox?to=revalidate} lists the revalidation calls instead of mails. */
    public static final String REVALIDATE_OUTBOX = "revalidate";

    private final Options options;
    private final Outbox outbox = new Outbox();
    private final Revalidations revalidations = new Revalidations();
    // Signs the revalidation hook's calls; a new one each start, as nothing signed outlives the stack.
    private final String revalidationSecret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path workDir;
    private DynamoDbLocal dynamoDb;
    private S3Emulator s3;
    private CognitoEmulator cognito;
    private CognitoPool pool;
    private LocalLambdaEndpoint lambda;
    private Map<String, Object> tableProperties = Map.of();
    private int apiPort;
    private S3Client mediaReader;
    private ApiHandler handler;
    private HttpApiEmulator http;
    private SearchNode searchNode;
    private LocalSearch search;

    private LocalCairn(Options options) {
        this.options = options;
        try {
            this.workDir = options.dataDir() != null
                    ? Files.createDirectories(options.dataDir())
                    : Files.createTempDirectory("cairn-local-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the local stack's folder", e);
        }
    }

    /** Starts every stand-in (in parallel), provisions them, and opens the API port. */
    public static LocalCairn start(Options options) {
        LocalCairn stack = new LocalCairn(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        boolean persistent = options.dataDir() != null;
        Path dynamoDir = persistent ? directory("dynamodb") : null;
        Path s3Dir = directory("s3");
        Path cognitoDir = directory("cognito");
        CompletableFuture<S3Emulator> s3Start = CompletableFuture.supplyAsync(
                () -> S3Emulator.start(options.s3mockJar(), s3Dir, persistent, List.of(MEDIA_BUCKET)));
        lambda = remember(new LocalLambdaEndpoint());
        CompletableFuture<CognitoEmulator> cognitoStart = CompletableFuture.supplyAsync(() -> CognitoEmulator.start(
                options.repoDir(), cognitoDir, outbox, lambda.endpoint(), CognitoEmulator.TOKEN_TRIGGER_FUNCTION));
        // Only a blueprint that declares search gets a search node: the others start as before.
        List<SearchIndex> searchIndexes = Blueprints.find(options.blueprint())
                .map(Blueprint::searchIndexes)
                .orElse(List.of());
        Path searchDir = persistent && !searchIndexes.isEmpty() ? directory("search") : null;
        CompletableFuture<SearchNode> searchStart = searchIndexes.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> SearchNode.start(options.repoDir(), searchDir));
        try {
            dynamoDb = remember(DynamoDbLocal.start(dynamoDir));
            cognito = remember(join(cognitoStart));
            s3 = remember(join(s3Start));
            searchNode = join(searchStart);
            if (searchNode != null) {
                remember(searchNode);
            }
        } catch (RuntimeException e) {
            // A stand-in that started after another failed must stop too (closing twice is harmless).
            s3Start.thenAccept(S3Emulator::close);
            cognitoStart.thenAccept(CognitoEmulator::close);
            searchStart.thenAccept(node -> {
                if (node != null) {
                    node.close();
                }
            });
            throw e;
        }
        apiPort = options.port() == 0 ? Ports.free() : options.port();
        pool = CognitoPool.provision(cognito.endpoint(), REGION);
        List<String> streamArns = new ArrayList<>();
        try (DynamoDbClient provisioning = DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            Set<String> streamed = new HashSet<>();
            searchIndexes.forEach(index -> streamed.add(index.table().name()));
            tableProperties = LocalTables.create(provisioning, LocalTables.of(options.blueprint()), streamed);
            for (SearchIndex index : searchIndexes) {
                String arn = provisioning
                        .describeTable(r -> r.tableName(LocalTables.name(index.table())))
                        .table()
                        .latestStreamArn();
                streamArns.add(arn);
            }
        }
        Map<String, Object> appProperties = appProperties();
        handler = new ApiHandler(ApplicationContext.builder()
                .properties(appProperties)
                .deduceEnvironment(false)
                .environments("local")
                .build());
        remember(handler::close);
        // As in AWS, access tokens lose Cognito's user-API scope, except the API's internal client's.
        String internalClientId = pool.internalClientId();
        lambda.start(Map.of(
                CognitoEmulator.TRIGGER_FUNCTION,
                new PostConfirmationHandler(handler.getApplicationContext()),
                CognitoEmulator.TOKEN_TRIGGER_FUNCTION,
                new AccessTokenScopeTrigger(() -> internalClientId)));
        mediaReader = remember(S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .build());
        // Versioned as in AWS: a delete there only hides an object unless each version goes too.
        mediaReader.putBucketVersioning(
                r -> r.bucket(MEDIA_BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        Map<String, HttpHandler> localRoutes = new LinkedHashMap<>();
        if (searchNode != null) {
            // The same indexer code as the function in AWS, fed by DynamoDB Local's streams.
            search = remember(LocalSearch.start(app(), dynamoDb.endpoint(), streamArns));
            localRoutes.put(LocalSearch.REINDEX_PATH, search::serveReindex);
        }
        localRoutes.put("/_local/outbox", this::serveOutbox);
        localRoutes.put(REVALIDATE_PATH, this::takeRevalidation);
        localRoutes.put(MediaLayout.CDN_PATH, this::serveMedia);
        http = remember(new HttpApiEmulator(
                apiPort,
                handler,
                localRoutes,
                Map.of("x-origin-verify", (String) appProperties.get(ORIGIN_VERIFY)),
                options.corsOrigins()));
    }

    /**
     * Another instance of the API function on a loopback port of its own, against the same
     * tables, bucket and user pool, as Lambda runs several side by side: what a request did on one
     * instance, the next request on the other must see. The caller closes it.
     */
    public AnotherInstance startAnotherInstance() {
        return startAnotherInstance(Map.of());
    }

    /**
     * {@link #startAnotherInstance()} with some of its configuration replaced, e.g. its S3
     * endpoint pointed at a stand-in that fails on purpose.
     */
    public AnotherInstance startAnotherInstance(Map<String, Object> overrides) {
        Map<String, Object> properties = appProperties();
        properties.putAll(overrides);
        ApiHandler other = new ApiHandler(ApplicationContext.builder()
                .properties(properties)
                .deduceEnvironment(false)
                .environments("local")
                .build());
        try {
            HttpApiEmulator emulator = new HttpApiEmulator(
                    Ports.free(),
                    other,
                    Map.of(),
                    Map.of("x-origin-verify", (String) properties.get(ORIGIN_VERIFY)),
                    options.corsOrigins());
            return new AnotherInstance(other::close, emulator);
        } catch (RuntimeException e) {
            other.close();
            throw e;
        }
    }

    /**
     * Another function behind an HTTP API emulation of its own, against the same stand-ins: the
     * benchmarks put a baseline handler there, to load it the way the API is loaded. The caller
     * closes it; the handler is the caller's.
     */
    public AnotherInstance startEmulated(
            com.amazonaws.services.lambda.runtime.RequestHandler<
                            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent,
                            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse>
                    function) {
        HttpApiEmulator emulator =
                new HttpApiEmulator(Ports.free(), function, Map.of(), Map.of(), options.corsOrigins());
        return new AnotherInstance(() -> {}, emulator);
    }

    /** A second function and its HTTP API emulation ({@link #startAnotherInstance()}, {@link #startEmulated}). */
    public static final class AnotherInstance implements AutoCloseable {
        private final Runnable closeHandler;
        private final HttpApiEmulator http;

        private AnotherInstance(Runnable closeHandler, HttpApiEmulator http) {
            this.closeHandler = closeHandler;
            this.http = http;
        }

        public URI baseUrl() {
            return URI.create("http://localhost:" + http.port());
        }

        @Override
        public void close() {
            http.close();
            closeHandler.run();
        }
    }

    /** The configuration the app gets in AWS from its environment, pointed at the stand-ins. */
    Map<String, Object> appProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cairn.stage", "local");
        properties.put("cairn.blueprint", options.blueprint());
        properties.put("cairn.aws.region", REGION);
        properties.put("cairn.aws.local-credentials", true);
        properties.put("cairn.aws.dynamodb-endpoint", dynamoDb.endpoint().toString());
        properties.put("cairn.aws.s3-endpoint", s3.endpoint().toString());
        properties.put("cairn.aws.cognito-endpoint", cognito.endpoint().toString());
        // The API takes only requests that carry it, as CloudFront adds it in AWS; the emulation adds it.
        properties.put(ORIGIN_VERIFY, HexFormat.of().formatHex(new SecureRandom().generateSeed(24)));
        // Signs list cursors; a new one each start, as nothing signed outlives the stack.
        properties.put("cairn.signing.secret", HexFormat.of().formatHex(new SecureRandom().generateSeed(32)));
        properties.put("cairn.media.bucket", MEDIA_BUCKET);
        properties.put("cairn.media.base-url", "http://localhost:" + apiPort + "/media");
        properties.put("cairn.media.variants", "in-process");
        // The revalidation worker's code runs on a thread of the API and calls this stack's own hook.
        properties.put("cairn.revalidation.delivery", "in-process");
        properties.put("cairn.revalidation.url", "http://localhost:" + apiPort + REVALIDATE_PATH);
        properties.put("cairn.revalidation.secret", revalidationSecret);
        properties.put("cairn.auth.region", REGION);
        properties.put("cairn.auth.user-pool-id", pool.userPoolId());
        properties.put("cairn.auth.client-ids", pool.clientId());
        properties.put("cairn.auth.internal-client-id", pool.internalClientId());
        properties.put("cairn.auth.issuer", pool.issuer());
        properties.put("cairn.auth.jwks-url", pool.jwksUrl());
        properties.putAll(tableProperties);
        if (searchNode != null) {
            properties.put("cairn.search.endpoint", searchNode.endpoint().toString());
        }
        return properties;
    }

    private void serveOutbox(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                HttpApiEmulator.send(exchange, 405, Map.of("Allow", "GET"), new byte[0]);
                return;
            }
            Map<String, String> query =
                    QueryStrings.parse(exchange.getRequestURI().getRawQuery());
            String to = query == null ? null : query.get("to");
            if (REVALIDATE_OUTBOX.equals(to)) {
                HttpApiEmulator.send(
                        exchange,
                        200,
                        Map.of("Content-Type", "application/json"),
                        revalidations.json().getBytes(StandardCharsets.UTF_8));
                return;
            }
            List<Outbox.Mail> mails = to == null || to.isBlank() ? outbox.all() : outbox.to(to);
            StringBuilder json = new StringBuilder("[");
            for (Outbox.Mail mail : mails) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("{\"to\":")
                        .append(PrettyJson.quote(mail.to()))
                        .append(",\"subject\":")
                        .append(PrettyJson.quote(mail.subject()))
                        .append(",\"body\":")
                        .append(PrettyJson.quote(mail.body()))
                        .append(",\"code\":")
                        .append(PrettyJson.quote(mail.code()))
                        .append('}');
            }
            json.append(']');
            HttpApiEmulator.send(
                    exchange,
                    200,
                    Map.of("Content-Type", "application/json"),
                    json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The site's revalidation hook, as a front end implements it: verifies the {@link
     * Functions#REVALIDATION_SIGNATURE_HEADER} signature over the raw body with the stack's secret,
     * records the call either way, and answers 204, or 401 to a call whose signature does not
     * verify (which the delivery then logs as failed).
     */
    private void takeRevalidation(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                HttpApiEmulator.send(exchange, 405, Map.of("Allow", "POST"), new byte[0]);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst(Functions.REVALIDATION_SIGNATURE_HEADER);
            boolean verified = new RevalidationSignature(revalidationSecret).verify(signature, body, Instant.now());
            List<String> paths = null;
            List<String> tags = null;
            try {
                Map<?, ?> hook = app().getBean(JsonMapper.class).readValue(body, Map.class);
                paths = strings(hook.get("paths"));
                tags = strings(hook.get("tags"));
            } catch (IOException | RuntimeException e) {
                // Not the hook's JSON: recorded with neither paths nor tags.
            }
            revalidations.record(new Revalidations.Call(paths, tags, signature, verified, Instant.now()));
            if (verified) {
                HttpApiEmulator.send(exchange, 204, Map.of(), new byte[0]);
            } else {
                HttpApiEmulator.send(
                        exchange,
                        401,
                        Map.of("Content-Type", "application/json"),
                        "{\"error\":\"the signature does not verify\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        return list.stream().map(String::valueOf).toList();
    }

    /**
     * Whether the CDN serves {@code key} of the media bucket for {@code blueprint}: the {@code
     * images/} prefix only, and for a blueprint serving {@link Feature#PORTFOLIO} not the originals
     * there, only their variants (the photographer's full-size files stay private).
     */
    static boolean servedByCdn(String blueprint, String key) {
        if (!key.startsWith(MediaLayout.IMAGES) || key.contains("..")) {
            return false;
        }
        // A "." or empty segment would name another key than the one checked here.
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                return false;
            }
        }
        return !(Blueprints.featuresOf(blueprint).contains(Feature.PORTFOLIO)
                && MediaLayout.ORIGINAL_KEY.matcher(key).matches());
    }

    /**
     * {@code /media/*} the way the CDN serves it: the public {@code images/} paths of the media
     * bucket, with their stored content type and cache headers; anything else needs a signed URL.
     * A portfolio's originals are not found there, as the CDN may not read them.
     */
    private void serveMedia(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestURI().getPath().substring(MediaLayout.CDN_PATH.length());
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                HttpApiEmulator.send(exchange, 405, Map.of("Allow", "GET, HEAD"), new byte[0]);
                return;
            }
            if (!key.startsWith(MediaLayout.IMAGES) || key.contains("..")) {
                HttpApiEmulator.send(
                        exchange,
                        403,
                        Map.of("Content-Type", "text/plain"),
                        "Forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!servedByCdn(options.blueprint(), key)) {
                HttpApiEmulator.send(
                        exchange,
                        404,
                        Map.of("Content-Type", "text/plain"),
                        "Not Found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            try {
                ResponseBytes<GetObjectResponse> object =
                        mediaReader.getObjectAsBytes(r -> r.bucket(MEDIA_BUCKET).key(key));
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", object.response().contentType());
                if (object.response().cacheControl() != null) {
                    headers.put("Cache-Control", object.response().cacheControl());
                }
                HttpApiEmulator.send(exchange, 200, headers, object.asByteArray());
            } catch (NoSuchKeyException e) {
                HttpApiEmulator.send(
                        exchange,
                        404,
                        Map.of("Content-Type", "text/plain"),
                        "Not Found".getBytes(StandardCharsets.UTF_8));
            } catch (Throwable e) {
                e.printStackTrace();
                HttpApiEmulator.send(
                        exchange,
                        502,
                        Map.of("Content-Type", "text/plain"),
                        "Bad Gateway".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    public URI apiUrl() {
        return URI.create("http://localhost:" + http.port() + "/api");
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + http.port());
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The revalidation hook calls this stack received ({@code GET /_local/outbox?to=revalidate}). */
    public Revalidations revalidations() {
        return revalidations;
    }

    /** The secret the stack signs and verifies revalidation hook calls with. */
    public String revalidationSecret() {
        return revalidationSecret;
    }

    public CognitoPool pool() {
        return pool;
    }

    /** The running app's bean context: tests reach the same SDK clients the routes use. */
    public ApplicationContext app() {
        return handler.getApplicationContext();
    }

    /**
     * Puts a signed-up user in the pool's {@link CognitoPool#ADMIN_GROUP admin group}, as an
     * operator does in AWS; tokens from their next sign-in carry the group. Adding a member again
     * changes nothing.
     */
    public void addToAdminGroup(String username) {
        app().getBean(CognitoIdentityProviderClient.class)
                .adminAddUserToGroup(
                        r -> r.userPoolId(pool.userPoolId()).username(username).groupName(CognitoPool.ADMIN_GROUP));
    }

    /** The search node's endpoint ({@code http://127.0.0.1:PORT}), or null for a blueprint without search. */
    public URI searchEndpoint() {
        return searchNode == null ? null : searchNode.endpoint();
    }

    /**
     * Rebuilds the search index {@code index} from its table behind its alias, as {@code POST
     * /_local/search/reindex?index=NAME} does; answers the index searches read afterwards.
     */
    public String reindex(String index) {
        if (search == null) {
            throw new IllegalStateException("blueprint " + options.blueprint() + " declares no search index");
        }
        return search.reindex(index, LocalSearch.SEGMENTS).finished().current();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public URI cognitoEndpoint() {
        return cognito.endpoint();
    }

    /** The Lambda invoke endpoint cognito-local calls for its post-confirmation trigger. */
    public URI lambdaEndpoint() {
        return lambda.endpoint();
    }

    public Options options() {
        return options;
    }

    private Path directory(String name) {
        try {
            return Files.createDirectories(workDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + workDir.resolve(name), e);
        }
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Stops everything, newest first; an in-memory stack leaves nothing behind. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("While stopping the local stack: " + e.getMessage());
            }
        }
        if (options.dataDir() == null) {
            deleteTree(workDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        // The app's logging (JsonLogging) writes JSON for CloudWatch; a person at a terminal reads lines.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-local.xml");
        }
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        long begin = System.nanoTime();
        LocalCairn stack;
        try {
            stack = start(options);
        } catch (RuntimeException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping the local stack...");
                            stack.close();
                        },
                        "cairn-local-shutdown"));
        String demo = "";
        if (options.samples()) {
            try {
                demo = accounts(SampleData.seed(stack), null);
            } catch (SampleData.SeedingFailed e) {
                System.err.println("The sample data could not be seeded: " + e.getMessage());
                demo = accounts(e.seeded(), e.getMessage());
            } catch (RuntimeException e) {
                System.err.println("The sample data could not be seeded: " + e.getMessage());
                demo = "  Demo     NOT SEEDED: " + e.getMessage() + "\n";
            }
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        URI base = stack.baseUrl();
        System.out.printf(
                """

                Cairn is running locally (blueprint %s, %s), ready in %.1f s:
                  API      %s/api
                  Docs     %s/api/docs  (OpenAPI: /api/openapi.json)
                  Outbox   %s/_local/outbox?to=EMAIL
                %s  Cognito  user pool %s, app client %s
                  CORS     %s
                %sPress Ctrl-C to stop.
                %n""",
                options.blueprint(),
                options.dataDir() == null ? "in memory" : "data in " + options.dataDir(),
                millis / 1000.0,
                base,
                base,
                base,
                (Blueprints.featuresOf(options.blueprint()).contains(Feature.PORTFOLIO)
                                ? String.format(
                                        "  Hooks    %s/_local/outbox?to=%s  (front-end revalidation)%n",
                                        base, REVALIDATE_OUTBOX)
                                : "")
                        + (stack.searchEndpoint() == null
                                ? ""
                                : String.format(
                                        "  Search   %s  (OpenSearch; reindex: curl -X POST '%s%s?index=NAME')%n",
                                        stack.searchEndpoint(), base, LocalSearch.REINDEX_PATH)),
                stack.pool().userPoolId(),
                stack.pool().clientId(),
                options.corsOrigins().isEmpty()
                        ? "off (--cors-origins ORIGIN,... allows browser pages on other origins)"
                        : String.join(", ", options.corsOrigins()) + " (--cors-origins to change)",
                demo);
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The banner's lines about the seeded accounts, and the samples' failure if they failed. */
    static String accounts(SampleData.Seeded seeded, String failure) {
        String samples;
        if (seeded.existed()) {
            samples = "kept from the last run";
        } else if (seeded.created().isEmpty()) {
            samples = seeded.items() + " sample items";
        } else {
            samples = seeded.items() + " sample items: " + seeded.describeCreated();
        }
        String lines = String.format(
                "  Demo     %s / %s (%s)%n  Admin    %s / %s (group %s)%n",
                seeded.email(),
                seeded.password(),
                samples,
                seeded.adminEmail(),
                seeded.password(),
                CognitoPool.ADMIN_GROUP);
        if (failure != null) {
            lines += String.format(
                    "  SAMPLES  FAILED, the sample data is incomplete: %s%n"
                            + "           (start again without --data, or with an empty folder, to retry)%n",
                    failure);
        }
        return lines;
    }

    /**
     * How the local stack runs.
     *
     * @param port the API port (default 8080)
     * @param blueprint the app blueprint (default {@code guitar-collection})
     * @param dataDir where data survives restarts; default: none, everything in memory
     * @param repoDir the repository root (its {@code node_modules} holds cognito-local)
     * @param s3mockJar S3Mock's executable jar
     * @param samples whether to seed a demo account with sample items, and an admin account
     * @param corsOrigins localhost origins whose pages may call the API across origins (default
     *     {@link Cors#LOCAL_ORIGINS}); empty for none
     */
    public record Options(
            int port,
            String blueprint,
            Path dataDir,
            Path repoDir,
            Path s3mockJar,
            boolean samples,
            List<String> corsOrigins) {
        static final String USAGE = "usage: scripts/dev [--port N] [--blueprint NAME] [--data DIR] [--no-samples]"
                + " [--cors-origins ORIGIN,...]   (env: CAIRN_PORT, CAIRN_BLUEPRINT, CAIRN_CORS_ORIGINS)";

        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535 (value: " + port + ")");
            }
            corsOrigins = List.copyOf(corsOrigins);
            for (String origin : corsOrigins) {
                // The app refuses requests from other origins on a loopback host (Micronaut's guard
                // against drive-by-localhost attacks), so only localhost origins could work.
                if (!origin.matches("https?://localhost(:[0-9]{1,5})?")) {
                    throw new IllegalArgumentException("--cors-origins must be localhost origins like"
                            + " http://localhost:5173, no path or wildcard (value: " + origin + ")");
                }
            }
            if (blueprint == null || !blueprint.matches("[a-z][a-z0-9-]{0,62}")) {
                throw new IllegalArgumentException(
                        "--blueprint must be a lower-case name like guitar-collection (value: " + blueprint + ")");
            }
        }

        /** With the default CORS origins, {@link Cors#LOCAL_ORIGINS}. */
        public Options(int port, String blueprint, Path dataDir, Path repoDir, Path s3mockJar, boolean samples) {
            this(port, blueprint, dataDir, repoDir, s3mockJar, samples, Cors.LOCAL_ORIGINS);
        }

        /** For tests: any free port, in memory, paths from the build's system properties. */
        public static Options forTests(String blueprint) {
            Path repo = Path.of(System.getProperty("cairn.local.repo-dir", ".."));
            return new Options(0, blueprint, null, repo, s3mockJar(repo), false);
        }

        static Options parse(String[] args, Map<String, String> env) {
            int port = env.containsKey("CAIRN_PORT") ? parsePort(env.get("CAIRN_PORT")) : 8080;
            String blueprint = env.getOrDefault("CAIRN_BLUEPRINT", "guitar-collection");
            List<String> corsOrigins = env.containsKey("CAIRN_CORS_ORIGINS")
                    ? commaSeparated(env.get("CAIRN_CORS_ORIGINS"))
                    : Cors.LOCAL_ORIGINS;
            Path data = null;
            boolean samples = true;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--port" -> port = parsePort(value(args, ++i, arg));
                    case "--blueprint" -> blueprint = value(args, ++i, arg);
                    case "--data" -> data = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--no-samples" -> samples = false;
                    case "--cors-origins" -> corsOrigins = commaSeparated(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            Path repo = Path.of(System.getProperty("cairn.local.repo-dir", "."))
                    .toAbsolutePath()
                    .normalize();
            return new Options(port, blueprint, data, repo, s3mockJar(repo), samples, corsOrigins);
        }

        private static List<String> commaSeparated(String value) {
            return Stream.of(value.split(","))
                    .map(String::strip)
                    .filter(origin -> !origin.isEmpty())
                    .toList();
        }

        private static Path s3mockJar(Path repo) {
            String configured = System.getProperty("cairn.local.s3mock-jar");
            return configured != null ? Path.of(configured) : repo.resolve("local/target/local-stack/s3mock.jar");
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port must be a number (value: " + text + ")");
            }
        }
    }
}
