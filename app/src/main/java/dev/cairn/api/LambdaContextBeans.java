package dev.cairn.api;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Micronaut registers each invocation's Lambda {@link Context} (and its logger, client context and
 * identity) as singletons, and each registration scans every bean definition with the lookup cache
 * cleared: measured at over 90% of a warm request (scripts/bench, docs/performance.md). Nothing
 * in Cairn injects them, so invocations register nothing.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
final class LambdaContextBeans implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context context) {
        // Deliberately nothing: see the class comment.
    }
}
