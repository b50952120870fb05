package dev.cairn.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The Lambda entry point of the HTTP API: API Gateway HTTP API (payload format 2.0) events in,
 * Micronaut routes them, proxy responses out. The local stack runs this same class.
 */
public class ApiHandler extends APIGatewayV2HTTPEventFunction {

    /** Used by the Lambda runtime: configuration comes from the function's environment. */
    public ApiHandler() {
        super();
    }

    /** Used by the local stack and tests, which build the context with their own endpoints. */
    public ApiHandler(ApplicationContext context) {
        super(context);
    }
}
