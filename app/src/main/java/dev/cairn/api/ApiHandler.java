package dev.cairn.api;

import dev.cairn.api.snapstart.SnapStartPriming;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
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

    /**
     * Micronaut's Lambda context without its eager singletons: a cold start builds only what its
     * request needs (measured: 8,733 classes loaded before the first answer with them, fewer
     * without; docs/performance.md). SnapStart's priming builds the rest before the snapshot
     * ({@link SnapStartPriming#prime()}). {@code eagerInitSingletons(false)} on Micronaut's own
     * builder would not do it: once set, the flag cannot be cleared.
     */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return lambdaContext();
    }

    /** The environments and configuration eagerness of Micronaut's LambdaApplicationContextBuilder. */
    static ApplicationContextBuilder lambdaContext() {
        return ApplicationContext.builder(Environment.FUNCTION, "lambda").eagerInitConfiguration(true);
    }

    /** What runs before a SnapStart snapshot and after each restore; benchmarks call it directly. */
    public SnapStartPriming snapStart() {
        return snapStart;
    }
}
