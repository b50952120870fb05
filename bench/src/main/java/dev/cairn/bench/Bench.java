package dev.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * What {@code scripts/bench} runs: the sections asked for, then {@code results.json} and {@code
 * results.md} in the output folder, and the tables on the terminal.
 */
public final class Bench {
    private static final String USAGE = """
            usage: scripts/bench [--only cold,hot,load,relevance,workers,sizes] [--runs N] [--clients N]
                                 [--duration S] [--warmup S] [--jmh-iterations N] [--hot-benchmarks NAMES]
                                 [--hot-backends NAMES] [--cold-jvm-args "FLAGS"] [--search-rounds N]
                                 [--search-reindex] [--worker-runs N] [--synth] [--tests]""";

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path out =
                Path.of(options.getOrDefault("out", repo.resolve("build/bench").toString()));
        Files.createDirectories(out);
        Set<String> only = Set.of(options.getOrDefault("only", "cold,hot,load,relevance,workers,sizes")
                .split(","));
        Path lambdaJar = repo.resolve("app/target/cairn-api-lambda.jar");

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        if (only.contains("cold")) {
            System.out.println("Cold init...");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path benchClasses = repo.resolve("bench/target/classes");
            results.put(
                    "cold",
                    new ColdStart(
                                    java,
                                    lambdaJar,
                                    benchClasses,
                                    repo.resolve("bench/node"),
                                    out,
                                    options.containsKey("cold-jvm-args")
                                            ? List.of(
                                                    options.get("cold-jvm-args").split(" "))
                                            : List.of())
                            .run(Integer.parseInt(options.getOrDefault("runs", "10"))));
        }
        if (only.contains("hot")) {
            System.out.println("Warm hot path (JMH)...");
            results.put(
                    "hot",
                    hot(
                            repo,
                            out,
                            Integer.parseInt(options.getOrDefault("jmh-iterations", "5")),
                            options.get("hot-benchmarks"),
                            options.get("hot-backends")));
        }
        if (only.contains("load")) {
            System.out.println("Local stack under load...");
            results.put(
                    "load",
                    new LoadTest(repo)
                            .run(
                                    Integer.parseInt(options.getOrDefault("clients", "32")),
                                    Integer.parseInt(options.getOrDefault("duration", "30")),
                                    Integer.parseInt(options.getOrDefault("warmup", "5"))));
        }
        if (only.contains("relevance")) {
            System.out.println("Search relevance and latency on the local stack (" + RelevanceBench.BLUEPRINT + ")...");
            try {
                results.put(
                        "relevance",
                        new RelevanceBench(repo)
                                .run(
                                        Integer.parseInt(options.getOrDefault("search-rounds", "200")),
                                        options.containsKey("search-reindex")));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // Reported, not thrown: the other sections still write their results.
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                System.out.println("  not measured: " + reason);
                results.put("relevance", Map.of("notMeasured", reason));
            }
        }
        if (only.contains("workers")) {
            System.out.println("Worker functions, cold and warm, on the recipe archive's local stack...");
            results.put(
                    "workers",
                    new WorkerBench(repo, out).run(Integer.parseInt(options.getOrDefault("worker-runs", "3"))));
        }
        if (only.contains("sizes")) {
            results.put("sizes", sizes(repo, lambdaJar, options));
        }
        Map<String, Object> machine = machine();
        ((Map<String, Object>) results.get("machine")).put("loadAverageAtEnd", machine.get("loadAverageAtStart"));

        Files.writeString(out.resolve("results.json"), Json.write(results));
        String markdown = Report.markdown(results);
        Files.writeString(out.resolve("results.md"), markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written: " + out.resolve("results.json") + " and " + out.resolve("results.md"));
        System.exit(0);
    }

    /** Each handler benchmark with the bare call it wraps, and how the report names the pair. */
    static final String[][] HOT_PAIRS = {
        {"getById", "getByIdSdk", "GET /api/guitars/{id} vs GetItem"},
        {"list20", "list20Sdk", "GET /api/guitars?limit=20 vs Query"},
        {"create", "createSdk", "POST /api/guitars vs TransactWriteItems"},
        {"search", "searchSdk", "GET /api/recipes/search?q=chicken+curry vs OpenSearch search"},
        {"session", "revocationStateSdk", "GET /api/auth/session vs consistent GetItem"},
        {"accessToken", "accessTokenBare", "access-token check vs JOSE verify"},
        {"revocationCheck", "revocationStateSdk", "revocation check vs consistent GetItem"}
    };

    /**
     * The JMH benchmarks of {@link HotPathBenchmarks} and {@link HotSearchBenchmarks}.
     *
     * @param benchmarks comma-separated benchmark names to run alone ({@code search,searchSdk}), or
     *     null for all
     * @param backends comma-separated backends to run them on ({@code in-memory}), or null for both
     */
    private static Map<String, Object> hot(Path repo, Path out, int iterations, String benchmarks, String backends)
            throws Exception {
        List<String> jvm = new ArrayList<>(ColdStart.LAMBDA_FLAGS);
        jvm.add("--enable-native-access=ALL-UNNAMED");
        jvm.add("-Dlogback.configurationFile=logback-bench.xml");
        // DynamoDB Local leaves a non-daemon thread behind: do not wait 30 s for each fork to end.
        jvm.add("-Djmh.shutdownTimeout=1");
        jvm.add("-D" + HotSearchBenchmarks.REPO_PROPERTY + "=" + repo);
        String classes = "dev\\.cairn\\.bench\\.(" + HotPathBenchmarks.class.getSimpleName() + "|"
                + HotSearchBenchmarks.class.getSimpleName() + ")\\.";
        String names = benchmarks == null ? "" : "(" + benchmarks.replace(',', '|') + ")$";
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .include(classes + names)
                .forks(1)
                .threads(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(2))
                .timeUnit(TimeUnit.MICROSECONDS)
                .addProfiler(GCProfiler.class)
                .jvmArgs(jvm.toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh.json").toString());
        if (backends != null) {
            jmh.param("backend", backends.split(","));
        }
        Collection<RunResult> runs = new Runner(jmh.build()).run();
        // backend -> benchmark -> its numbers
        Map<String, Map<String, Map<String, Object>>> byBackend = new LinkedHashMap<>();
        for (RunResult run : runs) {
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            String backend = run.getParams().getParam("backend");
            Statistics stats = run.getPrimaryResult().getStatistics();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", stats.getN());
            m.put("medianUs", Stats.round(stats.getPercentile(50)));
            m.put("p90Us", Stats.round(stats.getPercentile(90)));
            m.put("p99Us", Stats.round(stats.getPercentile(99)));
            run.getSecondaryResults().forEach((label, result) -> {
                if (label.endsWith("gc.alloc.rate.norm")) {
                    m.put("allocatedBytesPerOp", Math.round(result.getScore()));
                }
            });
            byBackend.computeIfAbsent(backend, b -> new LinkedHashMap<>()).put(name, m);
        }
        Map<String, Object> hot = new LinkedHashMap<>();
        hot.put("jvm", String.join(" ", jvm));
        hot.put("benchmarks", byBackend);
        Map<String, Object> overhead = new LinkedHashMap<>();
        byBackend.forEach((backend, byName) -> {
            Map<String, Object> pairs = new LinkedHashMap<>();
            for (String[] pair : HOT_PAIRS) {
                if (byName.containsKey(pair[0]) && byName.containsKey(pair[1])) {
                    double cairn = (double) byName.get(pair[0]).get("medianUs");
                    double sdk = (double) byName.get(pair[1]).get("medianUs");
                    pairs.put(pair[0], Map.of("overheadMedianMs", Math.round((cairn - sdk) / 10.0) / 100.0));
                }
            }
            overhead.put(backend, pairs);
        });
        hot.put("overhead", overhead);
        return hot;
    }

    private static Map<String, Object> sizes(Path repo, Path lambdaJar, Map<String, String> options) throws Exception {
        Map<String, Object> sizes = new LinkedHashMap<>();
        long bytes = Files.size(lambdaJar);
        sizes.put("lambdaArtifactBytes", bytes);
        sizes.put("lambdaArtifactMB", Math.round(bytes / 1e6 * 10) / 10.0);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(lambdaJar.toFile())) {
            sizes.put(
                    "lambdaArtifactClasses",
                    zip.stream().filter(e -> e.getName().endsWith(".class")).count());
        }
        if (options.containsKey("synth")) {
            System.out.println("scripts/synth (every blueprint and stage)...");
            sizes.put(
                    "synthAllSeconds",
                    timed(repo, List.of(repo.resolve("scripts/synth").toString())));
        }
        if (options.containsKey("tests")) {
            System.out.println("Full test suite (./mvnw -B verify)...");
            sizes.put(
                    "fullTestSuiteSeconds",
                    timed(repo, List.of(repo.resolve("mvnw").toString(), "-B", "-q", "verify")));
        }
        return sizes;
    }

    private static double timed(Path repo, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(repo.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + ")");
        }
        return Stats.round((System.nanoTime() - start) / 1e9);
    }

    static Map<String, Object> machine() throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", Instant.now().toString());
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            Files.readAllLines(cpuinfo).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .ifPresent(l ->
                            machine.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
        }
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        Path loadavg = Path.of("/proc/loadavg");
        if (Files.exists(loadavg)) {
            machine.put("loadAverageAtStart", Files.readString(loadavg).trim());
        }
        return machine;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                System.err.println("Unknown argument: " + arg + "\n" + USAGE);
                System.exit(2);
            }
            String name = arg.substring(2).toLowerCase(Locale.ROOT);
            if (Set.of("synth", "tests", "search-reindex").contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                System.err.println(arg + " needs a value\n" + USAGE);
                System.exit(2);
            }
        }
        return options;
    }
}
