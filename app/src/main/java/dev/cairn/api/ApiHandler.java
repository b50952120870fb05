package dev.cairn.api;

import dev.cairn.api.snapstart.SnapStartPriming;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The Lambda entry point of the HTTP API: API Gateway HTTP API (payload format 2.0) events in,
 * Micronaut routes them, proxy responses out. The local stack runs this same class.
 */
public class ApiHandler extends APIGatewayV2HTTPEventFunction {
    /** Held here: CRaC keeps registered resources only weakly. */
    private final SnapStartPriming snapStart;

    /** Used by the Lambda runtime: configuration comes from the function's environment. */
    public ApiHandler() {
        super();
        this.snapStart = SnapStartPriming.register(this);
    }

    /** Used by the local stack and tests, which build the context with their own endpoints. */
    public ApiHandler(ApplicationContext context) {
        super(context);
        this.snapStart = SnapStartPriming.register(this);
    }

    /** What runs before a SnapStart snapshot and after each restore; benchmarks call it directly. */
    public SnapStartPriming snapStart() {
        return snapStart;
    }
}
