package dev.cairn.bench;

import dev.cairn.local.LocalCairn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
            return result;
        }
    }

    private long run(
            HttpClient http, String api, String token, List<String> ids, int clients, int seconds, Recorder recorder)
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
                    int kind = roll < 70 ? 0 : roll < 90 ? 1 : 2;
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
