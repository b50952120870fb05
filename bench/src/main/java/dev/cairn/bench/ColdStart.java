package dev.cairn.bench;

import dev.cairn.local.DynamoDbLocalWithTables;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cold init: fresh JVMs with the Lambda runtime's flags for a 1024 MB function, from process start
 * to the first answer of {@code GET /api/guitars/{id}}, Cairn and two baselines interleaved round
 * by round so that all see the same machine: the plain-Java handler, and the seeds' own runtime,
 * Node.js with the AWS SDK v3 ({@code bench/node}), in a fresh {@code node} process each time.
 */
final class ColdStart {
    /** What the Lambda Java runtime passes a 1024 MB function (heap at ~85% of memory). */
    static final List<String> LAMBDA_FLAGS = List.of(
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:MaxHeapSize=891290k",
            "-Djava.net.preferIPv4Stack=true");

    static final List<String> MODES = List.of("plain", "node", "cairn", "cairn-primed");
    private static final Pattern LINE = Pattern.compile(
            "COLD (\\S+) init_ms=([0-9.]+) first_request_ms=([0-9.]+) heap_mb=([0-9.-]+) rss_mb=([0-9.-]+)");

    private final Path java;
    private final Path lambdaJar;
    private final Path benchClasses;
    private final Path nodeBaseline;
    private final Path workDir;
    private final List<String> extraFlags;

    /**
     * {@code nodeBaseline}: the directory of the Node.js baseline, its dependencies installed;
     * {@code extraFlags}: added to the Lambda flags, for experiments (e.g. a flight recording).
     */
    ColdStart(Path java, Path lambdaJar, Path benchClasses, Path nodeBaseline, Path workDir, List<String> extraFlags) {
        this.java = java;
        this.lambdaJar = lambdaJar;
        this.benchClasses = benchClasses;
        this.nodeBaseline = nodeBaseline;
        this.workDir = workDir;
        this.extraFlags = extraFlags;
    }

    Map<String, Object> run(int runs) throws Exception {
        try (DynamoDbLocalWithTables backends = DynamoDbLocalWithTables.start("guitar-collection");
                TokenIssuer issuer = new TokenIssuer()) {
            String sub = UUID.randomUUID().toString();
            String id = seedGuitar(backends, sub);
            Map<String, String> env = environment(backends, sub, id, issuer.accessToken(sub));
            env.put("CAIRN_BENCH_DYNAMODB_ENDPOINT", backends.dynamoDbEndpoint().toString());
            List<String> props = new ArrayList<>();
            BenchApp.localProperties(backends, issuer).forEach((k, v) -> props.add("-D" + k + "=" + v));

            Map<String, List<double[]>> samples = new LinkedHashMap<>();
            MODES.forEach(m -> samples.put(m, new ArrayList<>()));
            for (String mode : MODES) {
                once(mode, env, props, null); // warms the page cache; not counted
            }
            for (int round = 0; round < runs; round++) {
                for (String mode : MODES) {
                    samples.get(mode).add(once(mode, env, props, null));
                }
                System.out.printf("  cold round %d/%d%n", round + 1, runs);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            List<String> flags = new ArrayList<>(LAMBDA_FLAGS);
            flags.addAll(extraFlags);
            result.put("flags", String.join(" ", flags));
            result.put("runs", runs);
            for (String mode : MODES) {
                List<double[]> s = samples.get(mode);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("processStartToFirstResponseMs", Stats.summary(column(s, 0)));
                m.put("initMs", Stats.summary(column(s, 1)));
                m.put("firstRequestMs", Stats.summary(column(s, 2)));
                m.put("heapInUseMb", Stats.summary(column(s, 3)));
                m.put("residentSetMb", Stats.summary(column(s, 4)));
                if (!mode.equals("node")) {
                    Path log = workDir.resolve("classes-" + mode + ".log");
                    once(mode, env, props, log);
                    m.put(
                            "classesLoaded",
                            Files.readAllLines(log).stream()
                                    .filter(l -> l.contains("source:"))
                                    .count());
                }
                result.put(mode, m);
            }
            double plain = Stats.median(column(samples.get("plain"), 0));
            double node = Stats.median(column(samples.get("node"), 0));
            double cairn = Stats.median(column(samples.get("cairn"), 0));
            result.put("ratioCairnToPlain", ratio(cairn, plain));
            result.put("ratioCairnToNode", ratio(cairn, node));
            result.put(
                    "ratioHeapCairnPrimedToPlain",
                    ratio(
                            Stats.median(column(samples.get("cairn-primed"), 3)),
                            Stats.median(column(samples.get("plain"), 3))));
            result.put(
                    "ratioFirstRequestCairnPrimedToNode",
                    ratio(
                            Stats.median(column(samples.get("cairn-primed"), 2)),
                            Stats.median(column(samples.get("node"), 2))));
            return result;
        }
    }

    private static double ratio(double numerator, double denominator) {
        return Math.round(numerator / denominator * 100.0) / 100.0;
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    /**
     * One fresh process: {wall ms from spawn to the answer, handler init ms, first request ms, heap
     * in use MB, resident set MB}.
     */
    private double[] once(String mode, Map<String, String> env, List<String> props, Path classLog)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (mode.equals("node")) {
            command.add("node");
            command.add("--expose-gc");
            command.add(nodeBaseline.resolve("probe.mjs").toString());
        } else {
            command.add(java.toString());
            command.addAll(LAMBDA_FLAGS);
            command.addAll(extraFlags);
            if (classLog != null) {
                Files.deleteIfExists(classLog);
                command.add("-Xlog:class+load=info:file=" + classLog);
            }
            command.addAll(props);
            command.add("-cp");
            command.add(lambdaJar + File.pathSeparator + benchClasses);
            command.add(ColdProbe.class.getName());
            command.add(mode);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        double[] sample = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = LINE.matcher(line);
                if (m.find() && sample == null) {
                    double wall = (System.nanoTime() - start) / 1e6;
                    sample = new double[] {
                        wall,
                        Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)),
                        Double.parseDouble(m.group(5))
                    };
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (sample == null || process.exitValue() != 0) {
            throw new IllegalStateException("The " + mode + " cold probe failed:\n" + output);
        }
        return sample;
    }

    /** The Lambda environment of the function, as the service stack sets it. */
    private static Map<String, String> environment(
            DynamoDbLocalWithTables backends, String sub, String id, String token) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_REGION", BenchApp.REGION);
        env.put("AWS_DEFAULT_REGION", BenchApp.REGION);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "cairn-guitar-collection-bench-api");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        env.put("CAIRN_BLUEPRINT", "guitar-collection");
        env.put("COGNITO_USER_POOL_ID", BenchApp.REGION + "_bench");
        env.put("COGNITO_CLIENT_ID", TokenIssuer.CLIENT_ID);
        env.put("S3_BUCKET_MEDIA", "bench-media");
        env.put("CLOUDFRONT_DOMAIN", "cdn.bench.local");
        backends.tableProperties()
                .forEach((property, table) -> env.put(
                        "DYNAMODB_TABLE_"
                                + property.substring("cairn.tables.".length()).toUpperCase(),
                        (String) table));
        env.put("CAIRN_BENCH_PATH", "/api/guitars/" + id);
        env.put("CAIRN_BENCH_TOKEN", token);
        env.put("CAIRN_BENCH_SUB", sub);
        return env;
    }

    /** One guitar stored as Cairn stores it, and its owner's profile. */
    private static String seedGuitar(DynamoDbLocalWithTables backends, String sub) {
        String id = dev.cairn.api.data.Ids.newId();
        String now = Instant.now().toString();
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(backends.dynamoDbEndpoint())
                .region(Region.of(BenchApp.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            BenchApp.seedProfile(dynamoDb, backends, sub);
            dynamoDb.putItem(
                    r -> r.tableName((String) backends.tableProperties().get("cairn.tables.guitars"))
                            .item(Map.of(
                                    "userId", AttributeValue.fromS(sub),
                                    "guitarId", AttributeValue.fromS(id),
                                    "brand", AttributeValue.fromS("Fender"),
                                    "model", AttributeValue.fromS("Stratocaster"),
                                    "year", AttributeValue.fromN("1965"),
                                    "type", AttributeValue.fromS("electric"),
                                    "version", AttributeValue.fromN("1"),
                                    "createdAt", AttributeValue.fromS(now),
                                    "updatedAt", AttributeValue.fromS(now))));
        }
        return id;
    }
}
