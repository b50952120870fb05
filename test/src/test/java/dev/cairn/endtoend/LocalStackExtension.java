package dev.cairn.endtoend;

import dev.cairn.local.LocalCairn;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack per blueprint for the whole test run, started by the first test class that asks
 * for it ({@link StackBlueprint}) and stopped when the run ends: test classes share it as clients
 * share a real backend, each with its own users.
 */
public final class LocalStackExtension implements ParameterResolver {
    static final String DEFAULT_BLUEPRINT = "guitar-collection";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCairn.class || type == ApiClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String blueprint = context.getRequiredTestClass().isAnnotationPresent(StackBlueprint.class)
                ? context.getRequiredTestClass()
                        .getAnnotation(StackBlueprint.class)
                        .value()
                : DEFAULT_BLUEPRINT;
        Running running =
                context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(blueprint, Running::new, Running.class);
        return parameter.getParameter().getType() == ApiClient.class ? running.client : running.stack;
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final LocalCairn stack;
        final ApiClient client;

        Running(String blueprint) {
            stack = LocalCairn.start(LocalCairn.Options.forTests(blueprint));
            client = new ApiClient(stack);
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
