package org.markpoint.ui;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running stack for every browser test class of the run: started by the first class that asks for it, stopped
 * when the test run ends (JUnit closes what the root store holds). Starting the stack is most of a browser test's
 * time on a small machine; the tests use fresh learner ids, so they do not see each other's data.
 */
final class SharedStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningStack.class, key -> {
            try {
                return RunningStack.start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ParameterResolutionException("interrupted while starting the stack", e);
            } catch (IOException e) {
                throw new ParameterResolutionException("could not start the stack", e);
            }
        }, RunningStack.class);
    }
}
