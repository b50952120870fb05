package dev.cairn.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack for the whole test run, started by the first test class that asks for it and
 * stopped when the run ends: test classes share it as clients share a real backend, each with its
 * own users.
 */
public final class LocalStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCairn.class || type == ApiClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class);
        return parameter.getParameter().getType() == ApiClient.class ? running.client : running.stack;
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final LocalCairn stack = LocalCairn.start(LocalCairn.Options.forTests("guitar-collection"));
        final ApiClient client = new ApiClient(stack);

        @Override
        public void close() {
            stack.close();
        }
    }
}
