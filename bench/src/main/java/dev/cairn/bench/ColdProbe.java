package dev.cairn.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.ApiHandler;
import io.micronaut.function.aws.proxy.MockLambdaContext;

/**
 * One cold start, in a fresh JVM started by {@link ColdStart}: builds the handler as the Lambda
 * runtime would (no-argument constructor, configuration from the environment), answers one {@code
 * GET /api/guitars/{id}}, prints one line and exits. Modes: {@code plain} (the baseline), {@code
 * cairn}, and {@code cairn-primed} (SnapStart priming runs first, as before a snapshot, and the
 * first-request time is what a restored function would still pay in the handler).
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
        long initialised = System.nanoTime();
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(Events.request("GET", path, null, null, token, sub), new MockLambdaContext());
        long answered = System.nanoTime();
        if (response.getStatusCode() != 200) {
            System.err.println("Unexpected answer " + response.getStatusCode() + ": " + response.getBody());
            System.exit(1);
        }
        System.out.printf(
                "COLD %s init_ms=%.1f first_request_ms=%.1f%n",
                mode, (primedAt - start) / 1e6, (answered - initialised) / 1e6);
        System.out.flush();
        System.exit(0);
    }
}
