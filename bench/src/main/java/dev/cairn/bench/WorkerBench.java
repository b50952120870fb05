package dev.cairn.bench;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.api.search.SearchReindex;
import dev.cairn.contract.EnvironmentVariables;
import dev.cairn.contract.MediaLayout;
import dev.cairn.local.LocalCairn;
import dev.cairn.local.LocalStreams;
import dev.cairn.local.SampleData;
import io.micronaut.json.JsonMapper;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The worker functions, each measured with its real handler class in fresh JVMs with the Lambda
 * runtime's flags for the memory it was first measured with ({@link WorkerProbe}): its cold invocation (init,
 * then one representative event) and the same event repeated warm, against the recipe archive's
 * local stack (DynamoDB Local, S3Mock, the OpenSearch node). What stands in for AWS beyond those:
 * a loopback server answers the revalidation hook and SSM's {@code GetParameter} (the
 * pre-token-generation trigger reads the internal client's id from SSM once per cold start); no
 * CloudFront invalidation is made (the revalidation worker skips it without a distribution id, as
 * locally), and Cognito itself, which invokes the two triggers, is not in the path.
 */
final class WorkerBench {
    /** The workers as {@link WorkerProbe} names them, with the function each one is. */
    static final Map<String, String> WORKERS = workers();

    /**
     * The memory whose Lambda flags (heap limit) each probe runs with: the sizes the functions had
     * when they were first measured, kept so that runs compare; the CPU, which is what the sizes
     * turn on, is a full core here whatever the flags.
     */
    private static final Map<String, Integer> MEMORY_TODAY = Map.of("media-processor", 2048);

    /** Warm invocations per cold start: fewer for the media processor, whose event takes seconds. */
    private static final Map<String, Integer> REPEATS = Map.of("media-processor", 5);

    /** Recipes written through the API: the indexer's batch is the stream's first 100 of them. */
    static final int RECIPES = 100;

    /** The indexer's event source batch (SearchTier.BATCH_SIZE). */
    static final int INDEXER_BATCH = 100;

    /** A 12-megapixel photo, as a phone takes it (the API takes up to 10 MB and 25 megapixels). */
    static final int PHOTO_WIDTH = 4000;

    static final int PHOTO_HEIGHT = 3000;

    private static final Pattern LINE = Pattern.compile("WORKER (\\S+) (.*)");
    private static final String INTERNAL_CLIENT_PARAMETER = "/cairn/recipe-archive/bench/internal-client-id";

    private final Path repo;
    private final Path lambdaJar;
    private final Path benchClasses;
    private final Path workDir;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private JsonMapper json;
    private byte[] photo = new byte[0];

    WorkerBench(Path repo, Path workDir) {
        this.repo = repo;
        this.lambdaJar = repo.resolve("app/target/cairn-api-lambda.jar");
        this.benchClasses = repo.resolve("bench/target/classes");
        this.workDir = workDir;
    }

    private static Map<String, String> workers() {
        Map<String, String> workers = new LinkedHashMap<>();
        workers.put("post-confirmation", "Cognito post-confirmation trigger: one conditional PutItem");
        workers.put("access-token-scope", "Cognito pre token generation trigger: reads SSM once, then JSON");
        workers.put("media-processor", "S3 Object Created: a 12 MP JPEG to 4 widths x JPEG and WebP");
        workers.put("revalidation", "SQS message: the signed site hook call");
        workers.put("search-indexer", "DynamoDB stream batch of " + INDEXER_BATCH + " recipes: one OpenSearch bulk");
        workers.put("search-reindex", "one reindex segment: scan " + RECIPES + "+ recipes, bulk into the new index");
        return workers;
    }

    Map<String, Object> run(int runs) throws Exception {
        LocalCairn.Options options = new LocalCairn.Options(
                0, "recipe-archive", null, repo, repo.resolve("local/target/local-stack/s3mock.jar"), false);
        long started = System.nanoTime();
        try (LocalCairn stack = LocalCairn.start(options);
                StandIns standIns = StandIns.start()) {
            System.out.printf("  local stack up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            json = stack.app().getBean(JsonMapper.class);
            System.out.println("  seeding: " + RECIPES + " recipes and one 12 MP photo through the API...");
            SampleData.seed(stack);
            String token = signIn(stack);
            for (RecipeCorpus.Recipe recipe : RecipeCorpus.generate().subList(0, RECIPES)) {
                expect(send(post(stack.apiUrl() + "/recipes", token, Json.write(recipe.body()))), 201);
            }
            String originalKey = uploadPhoto(stack, token);
            Map<String, byte[]> events = events(stack, originalKey);
            // The reindex segment writes into the index a begun reindex made; aborted at the end.
            SearchReindex reindex = stack.app().getBean(SearchReindex.class);
            reindex.begin("recipes");
            try {
                Map<String, String> env = environment(stack, standIns);
                List<String> props = properties(stack, standIns);
                Map<String, List<Map<String, String>>> samples = new LinkedHashMap<>();
                WORKERS.keySet().forEach(w -> samples.put(w, new ArrayList<>()));
                for (int round = 0; round < runs; round++) {
                    for (String worker : WORKERS.keySet()) {
                        samples.get(worker).add(once(worker, events.get(worker), env, props));
                    }
                    System.out.printf("  workers round %d/%d%n", round + 1, runs);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("runs", runs);
                result.put("photo", PHOTO_WIDTH + "x" + PHOTO_HEIGHT + " JPEG, " + photo.length + " bytes");
                Map<String, Object> byWorker = new LinkedHashMap<>();
                samples.forEach((worker, s) -> byWorker.put(worker, summary(worker, s)));
                result.put("workers", byWorker);
                result.put("sizing", WorkerSizing.table(byWorker, WorkerSizing.Prices.read(repo)));
                return result;
            } finally {
                reindex.abort("recipes");
            }
        }
    }

    private Map<String, Object> summary(String worker, List<Map<String, String>> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", WORKERS.get(worker));
        m.put("memoryMbToday", memoryToday(worker));
        m.put("initMs", Stats.summary(column(runs, "init_ms")));
        m.put("firstInvocationMs", Stats.summary(column(runs, "first_ms")));
        m.put("heapInUseAfterInitMb", Stats.round(Stats.median(column(runs, "heap_mb"))));
        m.put("residentSetAfterInitMb", Stats.round(Stats.median(column(runs, "rss_mb"))));
        m.put("classesLoaded", Math.round(Stats.median(column(runs, "classes"))));
        m.put(
                "peakHeapMb",
                Stats.round(Arrays.stream(column(runs, "peak_heap_mb")).max().orElse(-1)));
        m.put(
                "peakResidentSetMb",
                Stats.round(Arrays.stream(column(runs, "peak_rss_mb")).max().orElse(-1)));
        double[] wall = values(runs, "wall_ms");
        double[] threadCpu = values(runs, "thread_cpu_ms");
        double[] processCpu = column(runs, "process_cpu_ms");
        Map<String, Object> warm = new LinkedHashMap<>();
        warm.put("invocations", wall.length);
        warm.put("wallMs", precise(wall));
        warm.put("threadCpuMs", precise(threadCpu));
        // A mean per invocation in each run (the process's CPU clock is coarse): the median of the runs.
        warm.put("processCpuMs", precise(processCpu));
        m.put("warm", warm);
        return m;
    }

    /** Median and p90 to the microsecond: the triggers' warm invocations take well under a millisecond. */
    private static Map<String, Object> precise(double[] values) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("median", Math.round(Stats.median(values) * 1000) / 1000.0);
        s.put("p90", Math.round(Stats.percentile(values, 90) * 1000) / 1000.0);
        return s;
    }

    private static double[] column(List<Map<String, String>> runs, String field) {
        return runs.stream().mapToDouble(r -> Double.parseDouble(r.get(field))).toArray();
    }

    private static double[] values(List<Map<String, String>> runs, String field) {
        return runs.stream()
                .flatMap(r -> Arrays.stream(r.get(field).split(",")))
                .filter(v -> !v.isEmpty())
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    static int memoryToday(String worker) {
        return MEMORY_TODAY.getOrDefault(worker, 1024);
    }

    /** The Lambda runtime's flags for a function of {@code memoryMb} (heap at 85 % of memory). */
    static List<String> lambdaFlags(int memoryMb) {
        List<String> flags = new ArrayList<>(ColdStart.LAMBDA_FLAGS);
        flags.replaceAll(f ->
                f.startsWith("-XX:MaxHeapSize=") ? "-XX:MaxHeapSize=" + Math.round(memoryMb * 1024 * 0.85) + "k" : f);
        return flags;
    }

    /** One fresh JVM for {@code worker}: the fields of its result line. */
    private Map<String, String> once(String worker, byte[] event, Map<String, String> env, List<String> props)
            throws IOException, InterruptedException {
        Path eventFile = workDir.resolve("worker-" + worker + ".event");
        Files.write(eventFile, event);
        int memory = memoryToday(worker);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(lambdaFlags(memory));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(props);
        command.add("-cp");
        command.add(lambdaJar + File.pathSeparator + benchClasses);
        command.add(WorkerProbe.class.getName());
        command.add(worker);
        command.add(eventFile.toString());
        command.add(Integer.toString(REPEATS.getOrDefault(worker, 20)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "cairn-recipe-archive-bench-" + worker);
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memory));
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Map<String, String> fields = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = LINE.matcher(line);
                if (m.find() && fields == null) {
                    fields = new LinkedHashMap<>();
                    for (String pair : m.group(2).split(" ")) {
                        int eq = pair.indexOf('=');
                        fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (fields == null || process.exitValue() != 0) {
            throw new IllegalStateException("The " + worker + " worker probe failed:\n" + output);
        }
        return fields;
    }

    /** Each worker's representative event. */
    private Map<String, byte[]> events(LocalCairn stack, String originalKey) throws IOException {
        Map<String, byte[]> events = new LinkedHashMap<>();
        String fresh = WorkerProbe.FRESH_ID;
        events.put("post-confirmation", utf8("""
                {"version":"1","region":"us-east-1","userPoolId":"us-east-1_bench","userName":"%s",\
                "callerContext":{"awsSdkVersion":"aws-sdk-unknown-unknown","clientId":"bench-client"},\
                "triggerSource":"PostConfirmation_ConfirmSignUp","request":{"userAttributes":{"sub":"%s",\
                "email":"reader@example.com","email_verified":"true","name":"Ada Reader",\
                "cognito:user_status":"CONFIRMED"}},"response":{}}""".formatted(fresh, fresh)));
        events.put("access-token-scope", utf8("""
                {"version":"2","triggerSource":"TokenGeneration_Authentication","region":"us-east-1",\
                "userPoolId":"us-east-1_bench","userName":"reader","callerContext":{"awsSdkVersion":\
                "aws-sdk-unknown-unknown","clientId":"bench-client"},"request":{"userAttributes":{"sub":\
                "6d1c2a52-5c1e-4b8e-9d1f-3f1c0a1b2c3d","email":"reader@example.com","email_verified":"true"},\
                "groupConfiguration":{"groupsToOverride":[],"iamRolesToOverride":[],"preferredRole":null},\
                "scopes":["openid","email","aws.cognito.signin.user.admin"]},\
                "response":{"claimsAndScopeOverrideDetails":null}}"""));
        events.put(
                "media-processor", utf8("""
                {"version":"0","id":"bench-event","detail-type":"Object Created","source":"aws.s3",\
                "account":"000000000000","time":"2026-12-03T00:00:00Z","region":"us-east-1",\
                "resources":["arn:aws:s3:::%s"],"detail":{"version":"0","bucket":{"name":"%s"},\
                "object":{"key":"%s","etag":"bench","sequencer":"1"},"reason":"PutObject"}}""".formatted(LocalCairn.MEDIA_BUCKET, LocalCairn.MEDIA_BUCKET, originalKey)));
        String change = "{\\\"cdnPaths\\\":[\\\"/api/recipes*\\\"],\\\"sitePaths\\\":[\\\"/recipes/bench\\\"],"
                + "\\\"tags\\\":[\\\"recipes\\\"]}";
        events.put("revalidation", utf8("""
                {"Records":[{"messageId":"0b6f4c52-2a1f-4c54-9f59-000000000001","receiptHandle":"bench",\
                "body":"%s","attributes":{},"messageAttributes":{},"eventSource":"aws:sqs",\
                "eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:bench","awsRegion":"us-east-1"}]}""".formatted(change)));
        events.put("search-indexer", indexerBatch(stack));
        events.put("search-reindex", utf8("{\"step\":\"segment\",\"index\":\"recipes\",\"segment\":0,\"segments\":1}"));
        return events;
    }

    /** The recipes table's first stream records as Lambda's event source hands them over, serialized. */
    private static byte[] indexerBatch(LocalCairn stack) throws IOException {
        String table =
                stack.app().getProperty("cairn.tables.recipes", String.class).orElseThrow();
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                        .endpointOverride(stack.dynamoDbEndpoint())
                        .region(Region.of(LocalCairn.REGION))
                        .credentialsProvider(local())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                        .endpointOverride(stack.dynamoDbEndpoint())
                        .region(Region.of(LocalCairn.REGION))
                        .credentialsProvider(local())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            String arn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
            for (var shard : streams.describeStream(r -> r.streamArn(arn))
                    .streamDescription()
                    .shards()) {
                String iterator = streams.getShardIterator(r -> r.streamArn(arn)
                                .shardId(shard.shardId())
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
                while (iterator != null && records.size() < INDEXER_BATCH) {
                    String current = iterator;
                    var page = streams.getRecords(r -> r.shardIterator(current).limit(INDEXER_BATCH));
                    for (Record record : page.records()) {
                        if (record.eventName() == OperationType.INSERT && records.size() < INDEXER_BATCH) {
                            records.add(LocalStreams.event(arn, record));
                        }
                    }
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        if (records.size() < INDEXER_BATCH) {
            throw new IllegalStateException(
                    "The recipes stream holds " + records.size() + " inserts; expected " + INDEXER_BATCH);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(event);
        }
        return bytes.toByteArray();
    }

    private static StaticCredentialsProvider local() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    /** Uploads the photo as a browser does; answers its original's key once the API has stored it. */
    @SuppressWarnings("unchecked")
    private String uploadPhoto(LocalCairn stack, String token) throws Exception {
        photo = photo();
        Map<String, Object> url = data(expect(
                send(post(
                        stack.apiUrl() + "/images/upload-url",
                        token,
                        "{\"fileName\":\"photo.jpg\",\"fileType\":\"image/jpeg\",\"fileSize\":" + photo.length + "}")),
                200));
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create((String) url.get("uploadUrl")))
                .timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        ((Map<String, String>) url.get("headers")).forEach(put::header);
        expect(http.send(put.build(), HttpResponse.BodyHandlers.ofString()), 200);
        Map<String, Object> image = data(expect(
                send(post(
                        stack.apiUrl() + "/images/upload-complete",
                        token,
                        "{\"imageKey\":\"" + url.get("imageKey") + "\"}")),
                200));
        String id = (String) image.get("imageId");
        // The local stack makes the variants on a thread of its own: let it finish before measuring.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!"READY".equals(image.get("status")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            image = data(expect(send(get(stack.apiUrl() + "/images/" + id, token)), 200));
        }
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(stack.s3Endpoint())
                .region(Region.of(LocalCairn.REGION))
                .credentialsProvider(local())
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .build()) {
            return s3
                    .listObjectsV2(r -> r.bucket(LocalCairn.MEDIA_BUCKET).prefix(MediaLayout.IMAGES))
                    .contents()
                    .stream()
                    .map(o -> o.key())
                    .filter(key -> MediaLayout.ORIGINAL_KEY.matcher(key).matches() && key.contains("/" + id + "/"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No original stored for image " + id));
        }
    }

    /**
     * A 12-megapixel JPEG that compresses like a photo (a few MB): sky and ground gradients, some
     * shapes, and sensor-like noise, always the same pixels.
     */
    static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(PHOTO_WIDTH, PHOTO_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 210), 0, PHOTO_HEIGHT / 2f, new Color(200, 220, 240)));
        g.fillRect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT / 2);
        g.setPaint(new GradientPaint(
                0, PHOTO_HEIGHT / 2f, new Color(70, 110, 50), 0, PHOTO_HEIGHT, new Color(40, 60, 30)));
        g.fillRect(0, PHOTO_HEIGHT / 2, PHOTO_WIDTH, PHOTO_HEIGHT / 2);
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(
                    random.nextInt(PHOTO_WIDTH),
                    random.nextInt(PHOTO_HEIGHT),
                    100 + random.nextInt(600),
                    100 + random.nextInt(600));
        }
        g.dispose();
        int[] row = new int[PHOTO_WIDTH];
        for (int y = 0; y < PHOTO_HEIGHT; y++) {
            image.getRGB(0, y, PHOTO_WIDTH, 1, row, 0, PHOTO_WIDTH);
            for (int x = 0; x < PHOTO_WIDTH; x++) {
                int noise = random.nextInt(17) - 8;
                int p = row[x];
                row[x] = clamp((p >> 16 & 0xff) + noise) << 16
                        | clamp((p >> 8 & 0xff) + noise) << 8
                        | clamp((p & 0xff) + noise);
            }
            image.setRGB(0, y, PHOTO_WIDTH, 1, row, 0, PHOTO_WIDTH);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** The Lambda environment of the functions, as the stacks set it, pointed at the stand-ins. */
    private static Map<String, String> environment(LocalCairn stack, StandIns standIns) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_REGION", LocalCairn.REGION);
        env.put("AWS_DEFAULT_REGION", LocalCairn.REGION);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        // Only SSM, answered by the loopback stand-in, uses them: every other client has local ones.
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_ENDPOINT_URL_SSM", standIns.url());
        env.put(EnvironmentVariables.STAGE, "bench");
        env.put(EnvironmentVariables.BLUEPRINT, "recipe-archive");
        env.put(EnvironmentVariables.INTERNAL_CLIENT_ID_PARAMETER, INTERNAL_CLIENT_PARAMETER);
        env.put(EnvironmentVariables.MEDIA_BUCKET, LocalCairn.MEDIA_BUCKET);
        env.put(EnvironmentVariables.CDN_DOMAIN, "cdn.bench.local");
        for (String table : List.of("users", "images", "recipes")) {
            env.put(
                    "DYNAMODB_TABLE_" + table.toUpperCase(java.util.Locale.ROOT),
                    stack.app()
                            .getProperty("cairn.tables." + table, String.class)
                            .orElseThrow());
        }
        return env;
    }

    /** What only the local stand-ins need, as system properties (Lambda sets none of them). */
    private static List<String> properties(LocalCairn stack, StandIns standIns) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("cairn.aws.dynamodb-endpoint", stack.dynamoDbEndpoint().toString());
        properties.put("cairn.aws.s3-endpoint", stack.s3Endpoint().toString());
        properties.put("cairn.aws.local-credentials", "true");
        properties.put("cairn.search.endpoint", stack.searchEndpoint().toString());
        properties.put("cairn.revalidation.url", standIns.url() + StandIns.HOOK_PATH);
        properties.put("cairn.revalidation.secret", BenchApp.SIGNING_SECRET);
        properties.put("logback.configurationFile", "logback-bench.xml");
        List<String> flags = new ArrayList<>();
        properties.forEach((k, v) -> flags.add("-D" + k + "=" + v));
        return flags;
    }

    private String signIn(LocalCairn stack) throws Exception {
        Map<String, Object> login = data(expect(
                send(post(
                        stack.apiUrl() + "/auth/login",
                        null,
                        "{\"email\":\"" + SampleData.EMAIL + "\",\"password\":\"" + SampleData.PASSWORD + "\"}")),
                200));
        return (String) login.get("accessToken");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(HttpResponse<String> response) throws IOException {
        return (Map<String, Object>) json.readValue(response.body(), Map.class).get("data");
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
    }

    private static HttpRequest post(String url, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A loopback server for what the local stack has no stand-in of: the front end's revalidation
     * hook ({@value #HOOK_PATH}, answers 204) and SSM's {@code GetParameter} (any other path,
     * answers the internal client's id).
     */
    static final class StandIns implements AutoCloseable {
        static final String HOOK_PATH = "/revalidate";
        private final HttpServer server;

        private StandIns(HttpServer server) {
            this.server = server;
        }

        static StandIns start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(HOOK_PATH, exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    byte[] answer = ("{\"Parameter\":{\"Name\":\"" + INTERNAL_CLIENT_PARAMETER
                                    + "\",\"Type\":\"String\",\"Value\":\"bench-internal-client\",\"Version\":1}}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
            return new StandIns(server);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
