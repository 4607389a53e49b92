package br.com.vetric.support;

import br.com.vetric.platform.Tenancy;
import java.lang.reflect.Method;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Test code (arranging rows, asserting on tables, calling a module's facade directly, Awaitility's conditions) runs
 * as VETRIC's staff would: seeing every condominium. Registered for every test (junit-platform.properties). The application's own entry
 * points (requests, the poller, listeners, schedulers) run on their own threads and set their own scope, which is
 * what the suite proves; the isolation tests ask for no scope or one condominium explicitly.
 */
public class TestCodeSeesEveryCondominium implements InvocationInterceptor {

    private static final String REASON = "test code arranges and checks every condominium's rows";

    static {
        // Awaitility evaluates conditions on its own threads: they are test code too
        // (a thread per evaluation, made by the test's thread, so it inherits what Spring's test support gives it)
        Awaitility.pollExecutorService(Executors.newThreadPerTaskExecutor(work -> {
            Thread t = new Thread(() -> Tenancy.acrossAll(REASON, work), "awaitility-every-condominium");
            t.setDaemon(true);
            return t;
        }));
    }

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        proceed(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        proceed(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        proceed(invocation);
    }

    @Override
    public void interceptAfterEachMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        proceed(invocation);
    }

    @Override
    public void interceptBeforeAllMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        proceed(invocation);
    }

    @Override
    public void interceptAfterAllMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        proceed(invocation);
    }

    private static void proceed(Invocation<Void> invocation) throws Throwable {
        Throwable[] thrown = new Throwable[1];
        Tenancy.acrossAll(REASON, () -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        if (thrown[0] != null) {
            throw thrown[0];
        }
    }
}
