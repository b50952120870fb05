package dev.cairn.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.local.LocalCairn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack (DynamoDB Local, S3Mock, cognito-local, the HTTP API emulation in front of the
 * real handler) under a bounded, closed-loop load on loopback: each client sends its next request
 * when the last one is answered. Mix: 70% get by id, 20% list (20 items), 10% create.
 */
final class LoadTest {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern USER = Pattern.compile("\"userId\":\"([^\"]+)\"");

    private final Path repo;

    LoadTest(Path repo) {
        this.repo = repo;
    }

    Map<String, Object> run(int clients, int seconds, int warmupSeconds) throws Exception {
        LocalCairn.Options options = new LocalCairn.Options(
                0, "guitar-collection", null, repo, repo.resolve("local/target/local-stack/s3mock.jar"), false);
        try (LocalCairn stack = LocalCairn.start(options)) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String api = stack.apiUrl().toString();
            String token = signIn(stack, http, api);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                ids.add(match(ID, send(http, post(api + "/guitars", token, BenchApp.guitarJson(i))), 201));
            }
            run(http, api, token, ids, clients, warmupSeconds, null);
            Recorder recorder = new Recorder();
            long elapsed = run(http, api, token, ids, clients, seconds, recorder);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("clients", clients);
            result.put("seconds", seconds);
            result.put("warmupSeconds", warmupSeconds);
            result.put("mix", "70% GET /api/guitars/{id}, 20% GET /api/guitars?limit=20, 10% POST /api/guitars");
            result.put("requests", recorder.count());
            result.put("errors", recorder.errors.get());
            result.put("requestsPerSecond", Stats.round(recorder.count() / (elapsed / 1e9)));
            double[] all = recorder.all();
            result.put("p50Ms", Stats.round(Stats.percentile(all, 50)));
            result.put("p95Ms", Stats.round(Stats.percentile(all, 95)));
            result.put("p99Ms", Stats.round(Stats.percentile(all, 99)));
            result.put("maxMs", Stats.round(Stats.percentile(all, 100)));
            Map<String, Object> byKind = new LinkedHashMap<>();
            for (int k = 0; k < Recorder.KINDS.length; k++) {
                double[] kind = recorder.kind(k);
                byKind.put(
                        Recorder.KINDS[k],
                        Map.of(
                                "n", kind.length,
                                "p50Ms", Stats.round(Stats.percentile(kind, 50)),
                                "p99Ms", Stats.round(Stats.percentile(kind, 99))));
            }
            result.put("byKind", byKind);
            result.put("getsOnly", getsOnly(stack, http, api, token, ids, clients, seconds, warmupSeconds));
            return result;
        }
    }

    /**
     * The load as a ratio: the same closed loop of {@code GET /api/guitars/{id}} only against
     * Cairn's handler and against {@link PlainGuitarHandler} behind an HTTP API emulation of its own
     * on the same stack (the same DynamoDB Local, table and items), and against the plain handler
     * making the revocation check's profile read as well, one after the other after a warm-up of
     * each. Gets only, because the plain handler serves nothing else.
     */
    private Map<String, Object> getsOnly(
            LocalCairn stack,
            HttpClient http,
            String api,
            String token,
            List<String> ids,
            int clients,
            int seconds,
            int warmupSeconds)
            throws InterruptedException {
        String region =
                stack.app().getProperty("cairn.aws.region", String.class).orElseThrow();
        String endpoint = stack.app()
                .getProperty("cairn.aws.dynamodb-endpoint", String.class)
                .orElseThrow();
        String table =
                stack.app().getProperty("cairn.tables.guitars", String.class).orElseThrow();
        String users =
                stack.app().getProperty("cairn.tables.users", String.class).orElseThrow();
        try (LocalCairn.AnotherInstance plain =
                        stack.startEmulated(behindAuthorizer(new PlainGuitarHandler(region, endpoint, table)));
                LocalCairn.AnotherInstance sameReads =
                        stack.startEmulated(behindAuthorizer(new PlainGuitarHandler(region, endpoint, table, users)))) {
            String plainApi = plain.baseUrl() + "/api";
            String sameReadsApi = sameReads.baseUrl() + "/api";
            run(http, plainApi, token, ids, clients, warmupSeconds, null, true);
            run(http, sameReadsApi, token, ids, clients, warmupSeconds, null, true);
            run(http, api, token, ids, clients, warmupSeconds, null, true);
            Recorder cairn = new Recorder();
            long cairnElapsed = run(http, api, token, ids, clients, seconds, cairn, true);
            Recorder sameReadsRecorder = new Recorder();
            long sameReadsElapsed = run(http, sameReadsApi, token, ids, clients, seconds, sameReadsRecorder, true);
            Recorder baseline = new Recorder();
            long plainElapsed = run(http, plainApi, token, ids, clients, seconds, baseline, true);
            double cairnRate = cairn.count() / (cairnElapsed / 1e9);
            double sameReadsRate = sameReadsRecorder.count() / (sameReadsElapsed / 1e9);
            double plainRate = baseline.count() / (plainElapsed / 1e9);
            double cairnP99 = Stats.percentile(cairn.all(), 99);
            double sameReadsP99 = Stats.percentile(sameReadsRecorder.all(), 99);
            double plainP99 = Stats.percentile(baseline.all(), 99);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("mix", "100% GET /api/guitars/{id}");
            result.put("cairn", row(cairn, cairnRate, cairnP99));
            result.put("plainSameReads", row(sameReadsRecorder, sameReadsRate, sameReadsP99));
            result.put("plain", row(baseline, plainRate, plainP99));
            result.put("throughputCairnToPlain", Math.round(cairnRate / plainRate * 100) / 100.0);
            result.put("p99CairnToPlain", Math.round(cairnP99 / plainP99 * 100) / 100.0);
            result.put("throughputCairnToPlainSameReads", Math.round(cairnRate / sameReadsRate * 100) / 100.0);
            result.put("p99CairnToPlainSameReads", Math.round(cairnP99 / sameReadsP99 * 100) / 100.0);
            result.put("throughputPlainSameReadsToPlain", Math.round(sameReadsRate / plainRate * 100) / 100.0);
            return result;
        }
    }

    private static Map<String, Object> row(Recorder recorder, double rate, double p99) {
        return Map.of(
                "requests", recorder.count(),
                "errors", recorder.errors.get(),
                "requestsPerSecond", Stats.round(rate),
                "p50Ms", Stats.round(Stats.percentile(recorder.all(), 50)),
                "p99Ms", Stats.round(p99));
    }

    private static final Pattern SUB = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * What API Gateway's JWT authorizer hands a function in AWS: the access token's claims, in the
     * request context. (The authorizer verified the token there; Cairn verifies it again, the plain
     * handler trusts the claims, as a framework-free function behind the authorizer would.)
     */
    static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> behindAuthorizer(
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
        return (event, context) -> {
            Map<String, String> claims = new HashMap<>();
            String authorization = event.getHeaders() == null
                    ? null
                    : event.getHeaders().entrySet().stream()
                            .filter(h -> h.getKey().equalsIgnoreCase("authorization"))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(null);
            if (authorization != null && authorization.startsWith("Bearer ")) {
                String[] parts = authorization.substring("Bearer ".length()).split("\\.");
                if (parts.length == 3) {
                    Matcher sub =
                            SUB.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                    if (sub.find()) {
                        claims.put("sub", sub.group(1));
                    }
                }
            }
            event.getRequestContext()
                    .setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                            .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                    .builder()
                                    .withClaims(claims)
                                    .build())
                            .build());
            return function.handleRequest(event, context);
        };
    }

    private long run(
            HttpClient http, String api, String token, List<String> ids, int clients, int seconds, Recorder recorder)
            throws InterruptedException {
        return run(http, api, token, ids, clients, seconds, recorder, false);
    }

    /** A closed loop of {@code clients} for {@code seconds}: the 70/20/10 mix, or gets only. */
    private long run(
            HttpClient http,
            String api,
            String token,
            List<String> ids,
            int clients,
            int seconds,
            Recorder recorder,
            boolean getsOnly)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicInteger created = new AtomicInteger(1000);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int roll = random.nextInt(100);
                    int kind = getsOnly || roll < 70 ? 0 : roll < 90 ? 1 : 2;
                    HttpRequest request =
                            switch (kind) {
                                case 0 -> get(api + "/guitars/" + ids.get(random.nextInt(ids.size())), token);
                                case 1 -> get(api + "/guitars?limit=20", token);
                                default ->
                                    post(api + "/guitars", token, BenchApp.guitarJson(created.incrementAndGet()));
                            };
                    long sent = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        ok = response.statusCode() == (kind == 2 ? 201 : 200);
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (recorder != null) {
                        recorder.record(kind, (System.nanoTime() - sent) / 1e6, ok);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return System.nanoTime() - start;
    }

    private static String signIn(LocalCairn stack, HttpClient http, String api) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "Correct-Horse-9";
        String registered = send(
                http,
                post(
                        api + "/auth/register",
                        null,
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Bench\"}"));
        match(USER, registered, 201);
        String code = stack.outbox().awaitCode(email, 0, 10_000);
        send(http, post(api + "/auth/confirm", null, "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}"));
        String login = send(
                http,
                post(api + "/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        return match(TOKEN, login, 200);
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    private static HttpRequest post(String url, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static String match(Pattern pattern, String reply, int status) {
        Matcher m = pattern.matcher(reply);
        if (!reply.startsWith(status + " ") || !m.find()) {
            throw new IllegalStateException("Unexpected answer: " + reply);
        }
        return m.group(1);
    }

    /** Latencies per request kind, from all clients. */
    private static final class Recorder {
        static final String[] KINDS = {"get", "list", "create"};
        private final List<List<Double>> samples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();

        synchronized void record(int kind, double millis, boolean ok) {
            samples.get(kind).add(millis);
            if (!ok) {
                errors.incrementAndGet();
            }
        }

        synchronized int count() {
            return samples.stream().mapToInt(List::size).sum();
        }

        synchronized double[] kind(int kind) {
            return samples.get(kind).stream().mapToDouble(Double::doubleValue).toArray();
        }

        synchronized double[] all() {
            return samples.stream()
                    .flatMap(List::stream)
                    .mapToDouble(Double::doubleValue)
                    .toArray();
        }
    }
}
