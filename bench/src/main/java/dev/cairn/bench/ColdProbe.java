package dev.cairn.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.ApiHandler;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, in a fresh JVM started by {@link ColdStart}: builds the handler as the Lambda
 * runtime would (no-argument constructor, configuration from the environment), answers one {@code
 * GET /api/guitars/{id}}, prints one line and exits. Modes: {@code plain} (the baseline), {@code
 * cairn}, and {@code cairn-primed} (SnapStart priming runs first, as before a snapshot, and the
 * first-request time is what a restored function would still pay in the handler).
 *
 * <p>Between init and the request it records what a SnapStart snapshot taken there would have to
 * hold, since a restore cannot run here: the heap in use after a full collection and the process's
 * resident set. Neither is counted in the init or first-request times.
 */
public final class ColdProbe {
    private ColdProbe() {}

    public static void main(String[] args) {
        String mode = args[0];
        String path = System.getenv("CAIRN_BENCH_PATH");
        String token = System.getenv("CAIRN_BENCH_TOKEN");
        String sub = System.getenv("CAIRN_BENCH_SUB");
        long start = System.nanoTime();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
        long primedAt;
        if (mode.equals("plain")) {
            handler = new PlainGuitarHandler();
            primedAt = System.nanoTime();
        } else {
            ApiHandler api = new ApiHandler();
            if (mode.equals("cairn-primed")) {
                api.snapStart().prime();
            }
            handler = api;
            primedAt = System.nanoTime();
        }
        Runtime runtime = Runtime.getRuntime();
        runtime.gc();
        long heapInUse = runtime.totalMemory() - runtime.freeMemory();
        long resident = residentSetBytes();
        long initialised = System.nanoTime();
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(Events.request("GET", path, null, null, token, sub), new MockLambdaContext());
        long answered = System.nanoTime();
        if (response.getStatusCode() != 200) {
            System.err.println("Unexpected answer " + response.getStatusCode() + ": " + response.getBody());
            System.exit(1);
        }
        System.out.printf(
                "COLD %s init_ms=%.1f first_request_ms=%.1f heap_mb=%.1f rss_mb=%.1f%n",
                mode,
                (primedAt - start) / 1e6,
                (answered - initialised) / 1e6,
                heapInUse / 1048576.0,
                resident / 1048576.0);
        System.out.flush();
        System.exit(0);
    }

    /** {@code VmRSS} of {@code /proc/self/status} in bytes, or -1 where there is no procfs. */
    private static long residentSetBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
