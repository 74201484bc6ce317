package parley.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link RabbitCluster} for the whole test run: booting three nodes takes ~30-90 s, so every test class
 * that takes a {@code RabbitCluster} parameter shares it; it stops when the run ends (JUnit closes
 * AutoCloseable values of the root store).
 */
public final class RabbitClusterExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RabbitClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RabbitCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The run's cluster, started on first use. */
    public static RabbitCluster shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RabbitCluster.class, key -> RabbitCluster.start(), RabbitCluster.class);
    }
}
