package dev.cairn.bench;

import java.util.List;
import java.util.Map;

/** The results as Markdown tables. */
final class Report {
    private Report() {}

    private static String bytes(Map<String, Object> benchmark) {
        Object allocated = benchmark.get("allocatedBytesPerOp");
        return allocated == null ? "—" : String.format("%,d B", ((Number) allocated).longValue());
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder("# Cairn benchmark results\n\n");
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        md.append("Machine: ")
                .append(machine.get("cpus"))
                .append(" CPUs (")
                .append(machine.getOrDefault("cpu", "?"))
                .append("), ")
                .append(machine.get("jdk"))
                .append(", load average at start `")
                .append(machine.get("loadAverageAtStart"))
                .append("`, at end `")
                .append(machine.get("loadAverageAtEnd"))
                .append("`, ")
                .append(machine.get("date"))
                .append(".\n\n");

        Map<String, Object> cold = (Map<String, Object>) results.get("cold");
        if (cold != null) {
            md.append("## Cold init (fresh process to first `GET /api/guitars/{id}`, ")
                    .append(cold.get("runs"))
                    .append(" runs)\n\n")
                    .append("JVM flags: `")
                    .append(cold.get("flags"))
                    .append("`\n\n")
                    .append("| handler | process start to first response, median | p90 | handler init, median |"
                            + " first request, median | heap in use after init | resident set after init |"
                            + " classes loaded |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (String mode : ColdStart.MODES) {
                Map<String, Object> m = (Map<String, Object>) cold.get(mode);
                Map<String, Object> wall = (Map<String, Object>) m.get("processStartToFirstResponseMs");
                md.append("| ")
                        .append(mode)
                        .append(" | ")
                        .append(wall.get("median"))
                        .append(" ms | ")
                        .append(wall.get("p90"))
                        .append(" ms | ")
                        .append(((Map<String, Object>) m.get("initMs")).get("median"))
                        .append(" ms | ")
                        .append(((Map<String, Object>) m.get("firstRequestMs")).get("median"))
                        .append(" ms | ")
                        .append(((Map<String, Object>) m.get("heapInUseMb")).get("median"))
                        .append(" MB | ")
                        .append(((Map<String, Object>) m.get("residentSetMb")).get("median"))
                        .append(" MB | ")
                        .append(m.getOrDefault("classesLoaded", "—"))
                        .append(" |\n");
            }
            md.append("\nRatio Cairn / plain (median, process start to first response): **")
                    .append(cold.get("ratioCairnToPlain"))
                    .append("x**; Cairn / Node.js: **")
                    .append(cold.get("ratioCairnToNode"))
                    .append("x**. Heap in use after priming, Cairn primed / plain: **")
                    .append(cold.get("ratioHeapCairnPrimedToPlain"))
                    .append("x**. First request, Cairn primed / Node.js: **")
                    .append(cold.get("ratioFirstRequestCairnPrimedToNode"))
                    .append("x**. `cairn-primed` runs the SnapStart priming before the request, so its"
                            + " first-request time is what a restored snapshot still pays in the handler;"
                            + " the heap and resident set after init are what a snapshot taken there holds.\n\n");
        }

        Map<String, Object> hot = (Map<String, Object>) results.get("hot");
        if (hot != null) {
            Map<String, Map<String, Map<String, Object>>> byBackend =
                    (Map<String, Map<String, Map<String, Object>>>) hot.get("benchmarks");
            Map<String, Map<String, Map<String, Object>>> overheads =
                    (Map<String, Map<String, Map<String, Object>>>) hot.get("overhead");
            byBackend.forEach((backend, b) -> {
                Map<String, Map<String, Object>> overhead = overheads.get(backend);
                md.append("## Warm hot path (JMH, sample time, one thread, ")
                        .append(
                                backend.equals("in-memory")
                                        ? "DynamoDB and the search engine answered from memory: Cairn's own CPU"
                                        : "DynamoDB Local in-process, a local OpenSearch node")
                        .append(")\n\n")
                        .append(
                                "| request | Cairn handler median | p99 | allocated per request | bare call median | p99 |"
                                        + " allocated per call | Cairn overhead (median) |\n")
                        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
                for (String[] pair : Bench.HOT_PAIRS) {
                    if (!b.containsKey(pair[0]) || !b.containsKey(pair[1])) {
                        continue;
                    }
                    md.append("| ")
                            .append(pair[2])
                            .append(" | ")
                            .append(b.get(pair[0]).get("medianUs"))
                            .append(" µs | ")
                            .append(b.get(pair[0]).get("p99Us"))
                            .append(" µs | ")
                            .append(bytes(b.get(pair[0])))
                            .append(" | ")
                            .append(b.get(pair[1]).get("medianUs"))
                            .append(" µs | ")
                            .append(b.get(pair[1]).get("p99Us"))
                            .append(" µs | ")
                            .append(bytes(b.get(pair[1])))
                            .append(" | ")
                            .append(overhead.get(pair[0]).get("overheadMedianMs"))
                            .append(" ms |\n");
                }
                if (b.containsKey("health")) {
                    md.append("\n`GET /api/health` through the handler (no AWS call, no token): ")
                            .append(b.get("health").get("medianUs"))
                            .append(" µs median, ")
                            .append(bytes(b.get("health")))
                            .append(" allocated.\n");
                }
                md.append("\n");
            });
        }

        Map<String, Object> load = (Map<String, Object>) results.get("load");
        if (load != null) {
            md.append("## Local stack under load (")
                    .append(load.get("clients"))
                    .append(" clients, ")
                    .append(load.get("seconds"))
                    .append(" s after ")
                    .append(load.get("warmupSeconds"))
                    .append(" s warm-up, loopback)\n\n")
                    .append("Mix: ")
                    .append(load.get("mix"))
                    .append(".\n\n| requests | req/s | p50 | p95 | p99 | max | errors |\n")
                    .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
                    .append("| ")
                    .append(load.get("requests"))
                    .append(" | ")
                    .append(load.get("requestsPerSecond"))
                    .append(" | ")
                    .append(load.get("p50Ms"))
                    .append(" ms | ")
                    .append(load.get("p95Ms"))
                    .append(" ms | ")
                    .append(load.get("p99Ms"))
                    .append(" ms | ")
                    .append(load.get("maxMs"))
                    .append(" ms | ")
                    .append(load.get("errors"))
                    .append(" |\n\n")
                    .append("By kind: ")
                    .append(load.get("byKind"))
                    .append("\n\n");
            Map<String, Object> gets = (Map<String, Object>) load.get("getsOnly");
            if (gets != null) {
                Map<String, Object> cairn = (Map<String, Object>) gets.get("cairn");
                Map<String, Object> plain = (Map<String, Object>) gets.get("plain");
                Map<String, Object> sameReads = (Map<String, Object>) gets.get("plainSameReads");
                md.append("Gets only, the same clients against Cairn and against the plain handler behind an emulation"
                                + " of its own on the same stack; \"plain, same reads\" also reads the caller's profile"
                                + " as Cairn's revocation check does:\n\n")
                        .append("| handler | requests | req/s | p50 | p99 | errors |\n")
                        .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
                for (var row : List.of(
                        Map.entry("Cairn", cairn),
                        Map.entry("plain, same reads", sameReads),
                        Map.entry("plain", plain))) {
                    md.append("| ")
                            .append(row.getKey())
                            .append(" | ")
                            .append(row.getValue().get("requests"))
                            .append(" | ")
                            .append(row.getValue().get("requestsPerSecond"))
                            .append(" | ")
                            .append(row.getValue().get("p50Ms"))
                            .append(" ms | ")
                            .append(row.getValue().get("p99Ms"))
                            .append(" ms | ")
                            .append(row.getValue().get("errors"))
                            .append(" |\n");
                }
                md.append("\nThroughput, Cairn / plain: **")
                        .append(gets.get("throughputCairnToPlain"))
                        .append("x**; p99, Cairn / plain: **")
                        .append(gets.get("p99CairnToPlain"))
                        .append("x**. Throughput, Cairn / plain with the same reads: **")
                        .append(gets.get("throughputCairnToPlainSameReads"))
                        .append("x**; p99: **")
                        .append(gets.get("p99CairnToPlainSameReads"))
                        .append("x**. The profile read alone takes the plain handler to **")
                        .append(gets.get("throughputPlainSameReadsToPlain"))
                        .append("x** of its throughput.\n\n");
            }
        }

        Map<String, Object> relevance = (Map<String, Object>) results.get("relevance");
        if (relevance != null) {
            relevance(md, relevance);
        }

        Map<String, Object> workers = (Map<String, Object>) results.get("workers");
        if (workers != null) {
            workers(md, workers);
        }

        Map<String, Object> sizes = (Map<String, Object>) results.get("sizes");
        if (sizes != null) {
            md.append("## Sizes and build\n\n| measure | value |\n| --- | ---: |\n");
            sizes.forEach(
                    (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            if (cold != null) {
                md.append("| classes loaded on the cold path (cairn) | ")
                        .append(((Map<String, Object>) cold.get("cairn")).get("classesLoaded"))
                        .append(" |\n");
            }
            md.append("\n");
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void workers(StringBuilder md, Map<String, Object> workers) {
        Map<String, Map<String, Object>> byWorker = (Map<String, Map<String, Object>>) workers.get("workers");
        md.append("## Worker functions (")
                .append(workers.get("runs"))
                .append(" cold starts each, the Lambda flags of the memory each was first measured with)\n\n")
                .append("| worker | event | measured at | init | first event | heap after init | resident set"
                        + " after init | classes loaded | warm wall | warm CPU, handler thread | warm CPU,"
                        + " process | peak heap | peak resident set |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        byWorker.forEach((worker, m) -> {
            Map<String, Object> warm = (Map<String, Object>) m.get("warm");
            md.append("| ")
                    .append(worker)
                    .append(" | ")
                    .append(m.get("what"))
                    .append(" | ")
                    .append(m.get("memoryMbToday"))
                    .append(" MB | ")
                    .append(((Map<String, Object>) m.get("initMs")).get("median"))
                    .append(" ms | ")
                    .append(((Map<String, Object>) m.get("firstInvocationMs")).get("median"))
                    .append(" ms | ")
                    .append(m.get("heapInUseAfterInitMb"))
                    .append(" MB | ")
                    .append(m.get("residentSetAfterInitMb"))
                    .append(" MB | ")
                    .append(m.get("classesLoaded"))
                    .append(" | ")
                    .append(((Map<String, Object>) warm.get("wallMs")).get("median"))
                    .append(" ms | ")
                    .append(((Map<String, Object>) warm.get("threadCpuMs")).get("median"))
                    .append(" ms | ")
                    .append(((Map<String, Object>) warm.get("processCpuMs")).get("median"))
                    .append(" ms | ")
                    .append(m.get("peakHeapMb"))
                    .append(" MB | ")
                    .append(m.get("peakResidentSetMb"))
                    .append(" MB |\n");
        });
        Map<String, Object> sizing = (Map<String, Object>) workers.get("sizing");
        Map<String, Object> prices = (Map<String, Object>) sizing.get("prices");
        md.append("\nWarm medians over every warm invocation of every run. Photo: ")
                .append(workers.get("photo"))
                .append(".\n\nBy memory size (Lambda's CPU share is memory / ")
                .append((long) WorkerSizing.MB_PER_VCPU)
                .append(" MB of one vCPU; the CPU part stretches below one vCPU, waiting does not), at ")
                .append(java.math.BigDecimal.valueOf((double) prices.get("gbSecondUsd"))
                        .toPlainString())
                .append(" USD per GB-second (arm64) and ")
                .append(String.format("%.2f", (double) prices.get("requestUsd") * 1_000_000))
                .append(" USD per million requests (prices of ")
                .append(prices.get("date"))
                .append("): warm duration / USD per million invocations / first event\n\n| worker |");
        WorkerSizing.SIZES.forEach(size -> md.append(" ").append(size).append(" MB |"));
        md.append("\n| --- |");
        WorkerSizing.SIZES.forEach(size -> md.append(" ---: |"));
        md.append("\n");
        byWorker.keySet().forEach(worker -> {
            md.append("| ").append(worker).append(" |");
            for (Map<String, Object> row : (List<Map<String, Object>>) sizing.get(worker)) {
                md.append(" ")
                        .append(row.get("warmMs"))
                        .append(" ms / ")
                        .append(row.get("usdPerMillion"))
                        .append(" / ")
                        .append(row.get("firstInvocationMs"))
                        .append(" ms |");
            }
            md.append("\n");
        });
        md.append("\n");
    }

    @SuppressWarnings("unchecked")
    private static void relevance(StringBuilder md, Map<String, Object> relevance) {
        md.append("## Search relevance (").append(RelevanceBench.BLUEPRINT).append(" on the local stack)\n\n");
        if (relevance.containsKey("notMeasured")) {
            md.append("Not measured: ").append(relevance.get("notMeasured")).append("\n\n");
            return;
        }
        md.append(relevance.get("recipes"))
                .append(" recipes created through `POST /api/recipes` in ")
                .append(relevance.get("loadSeconds"))
                .append(" s, ")
                .append(relevance.get("visibleToSearcher"))
                .append(" of them readable by the searcher, all in the index (by ")
                .append(relevance.get("indexedBy"))
                .append(") ")
                .append(relevance.get("indexWaitSeconds"))
                .append(" s after the last create; ")
                .append(relevance.get("queries"))
                .append(" judged queries through `GET /api/recipes/search`.\n\n")
                .append("| queries | n | precision@5 | nDCG@10 |\n| --- | ---: | ---: | ---: |\n");
        Map<String, Map<String, Object>> subsets = (Map<String, Map<String, Object>>) relevance.get("subsets");
        subsets.forEach((name, s) -> md.append("| ")
                .append(name)
                .append(" | ")
                .append(s.get("queries"))
                .append(" | ")
                .append(s.get("precisionAt5"))
                .append(" | ")
                .append(s.get("ndcgAt10"))
                .append(" |\n"));
        md.append("\nResults the searcher may not read (must be 0): **")
                .append(relevance.get("leaks"))
                .append("**.\n\n");
        List<Map<String, Object>> lows = (List<Map<String, Object>>) relevance.get("lows");
        if (!lows.isEmpty()) {
            md.append("Lowest queries (first five results with their grades):\n\n")
                    .append("| query | filters | P@5 | nDCG@10 | first results |\n| --- | --- | ---: | ---: | --- |\n");
            for (Map<String, Object> low : lows) {
                md.append("| `")
                        .append(low.get("q"))
                        .append("` | ")
                        .append(low.get("filters"))
                        .append(" | ")
                        .append(low.get("precisionAt5"))
                        .append(" | ")
                        .append(low.get("ndcgAt10"))
                        .append(" | ")
                        .append(String.join("; ", (List<String>) low.get("top5")))
                        .append(" |\n");
            }
            md.append("\n");
        }
        Map<String, Object> latency = (Map<String, Object>) relevance.get("latency");
        md.append("Latency, one request at a time through the local stack (")
                .append(latency.get("rounds"))
                .append(" of each, interleaved, after ")
                .append(latency.get("warmup"))
                .append(
                        " warm-up rounds):\n\n| request | p50 | p95 | p99 | max |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (String[] kind : new String[][] {
            {"search", "`GET /api/recipes/search` (limit 20, judged queries in turn)"},
            {"getById", "`GET /api/recipes/{id}` (one GetItem)"}
        }) {
            Map<String, Object> l = (Map<String, Object>) latency.get(kind[0]);
            md.append("| ")
                    .append(kind[1])
                    .append(" | ")
                    .append(l.get("p50Ms"))
                    .append(" ms | ")
                    .append(l.get("p95Ms"))
                    .append(" ms | ")
                    .append(l.get("p99Ms"))
                    .append(" ms | ")
                    .append(l.get("maxMs"))
                    .append(" ms |\n");
        }
        md.append("\n");
    }
}
