package dev.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's pricing model applied to the workers' measurements: what one warm invocation would take
 * and cost at each memory size, so that a size can be chosen from measured duration × price.
 *
 * <p>Lambda gives CPU in proportion to memory: one vCPU at {@value #MB_PER_VCPU} MB. Below that a
 * single thread gets a share of one core, so the CPU part of an invocation stretches by {@code
 * 1769 / memory} while the time spent waiting on DynamoDB, S3, OpenSearch or a hook does not move;
 * at one vCPU and above the handler's thread has a core, as on the two cores the measurement ran
 * on, and takes the measured wall time. The CPU part is the whole process's CPU time (the handler's
 * thread, the HTTP clients' threads, the garbage collector and the JIT compiler), since they all
 * share the function's CPU. Duration is billed by the millisecond at a constant price per
 * GB-second, plus a price per request.
 */
final class WorkerSizing {
    static final double MB_PER_VCPU = 1769;

    /** The memory sizes to compare. */
    static final List<Integer> SIZES = List.of(256, 512, 768, 1024, 1536, 1769, 2048, 3008);

    private WorkerSizing() {}

    /** {@code lambda.armGbSecond} and {@code lambda.request} of the cost report's price list. */
    record Prices(double gbSecondUsd, double requestUsd, String date) {
        static Prices read(Path repo) throws IOException {
            String prices = Files.readString(repo.resolve("infra/src/main/resources/cost/prices.json"));
            return new Prices(
                    number(prices, "\"lambda.armGbSecond\":\\s*\\{\"usd\":\\s*([0-9.]+)"),
                    number(prices, "\"lambda.request\":\\s*\\{\"usd\":\\s*([0-9.]+)") / 1_000_000,
                    text(prices, "\"date\":\\s*\"([^\"]+)\""));
        }

        private static double number(String json, String pattern) {
            return Double.parseDouble(text(json, pattern));
        }

        private static String text(String json, String pattern) {
            Matcher m = Pattern.compile(pattern).matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("prices.json has no match for " + pattern);
            }
            return m.group(1);
        }
    }

    /** Duration in ms of a warm invocation at {@code memoryMb}, from its measured wall and CPU time. */
    static double warmMs(double wallMs, double cpuMs, int memoryMb) {
        double share = memoryMb / MB_PER_VCPU;
        if (share >= 1) {
            return wallMs;
        }
        double cpu = Math.min(cpuMs, wallMs);
        return (wallMs - cpu) + cpu / share;
    }

    /** What a million invocations of {@code durationMs} cost at {@code memoryMb}: duration and requests. */
    static double usdPerMillion(double durationMs, int memoryMb, Prices prices) {
        double billedSeconds = Math.ceil(durationMs) / 1000;
        return 1_000_000 * (billedSeconds * memoryMb / 1024 * prices.gbSecondUsd() + prices.requestUsd());
    }

    /** Per worker, each size's warm duration and cost, and its first invocation stretched the same way. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> table(Map<String, Object> byWorker, Prices prices) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put(
                "prices",
                Map.of("gbSecondUsd", prices.gbSecondUsd(), "requestUsd", prices.requestUsd(), "date", prices.date()));
        byWorker.forEach((worker, value) -> {
            Map<String, Object> m = (Map<String, Object>) value;
            Map<String, Object> warm = (Map<String, Object>) m.get("warm");
            double wall = (double) ((Map<String, Object>) warm.get("wallMs")).get("median");
            // The process's CPU, or the handler thread's where the process's coarse clock shows less.
            double cpu = Math.max((double) ((Map<String, Object>) warm.get("processCpuMs")).get("median"), (double)
                    ((Map<String, Object>) warm.get("threadCpuMs")).get("median"));
            double first = (double) ((Map<String, Object>) m.get("firstInvocationMs")).get("median");
            double peakRss = (double) m.get("peakResidentSetMb");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int size : SIZES) {
                Map<String, Object> row = new LinkedHashMap<>();
                double ms = warmMs(wall, cpu, size);
                row.put("memoryMb", size);
                row.put("vcpu", Math.round(size / MB_PER_VCPU * 100) / 100.0);
                row.put("warmMs", Math.round(ms * 100) / 100.0);
                row.put("usdPerMillion", Math.round(usdPerMillion(ms, size, prices) * 100) / 100.0);
                // The first invocation is class loading and interpreted code: CPU, stretched alike.
                row.put("firstInvocationMs", Stats.round(warmMs(first, first, size)));
                row.put("peakResidentSetShare", Math.round(peakRss / size * 100) / 100.0);
                rows.add(row);
            }
            table.put(worker, rows);
        });
        return table;
    }
}
