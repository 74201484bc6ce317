package parley.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One default {@link BrokerStack} per test class: {@code @ExtendWith(BrokerStackExtension.class)}, then take a
 * {@code BrokerStack} parameter in {@code @BeforeAll}, a constructor or a test method. The stack starts on
 * first use and stops when the class is done (JUnit closes AutoCloseable values of its store).
 */
public final class BrokerStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrokerStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BrokerStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) classContext = classContext.getParent().orElseThrow();
        return classContext.getStore(NAMESPACE)
                .computeIfAbsent(BrokerStack.class, key -> BrokerStack.start(), BrokerStack.class);
    }
}
