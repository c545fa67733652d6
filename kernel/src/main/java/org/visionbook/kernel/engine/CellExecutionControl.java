package org.visionbook.kernel.engine;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * JShell's local (same-JVM) execution, with two changes: snippets run on the {@link CellWorker}
 * (so they can be interrupted), and the value of each snippet is kept as an object, not only as a
 * string, so the engine can render it richly. The original throwable of a failed snippet is kept
 * too (JShell only passes on its name and stack). Classes are loaded with {@code System.exit}
 * redirected to {@link CellExit} ({@link ExitRewriter}).
 */
final class CellExecutionControl extends LocalExecutionControl {

    private final CellWorker worker;
    private volatile Object lastValue;
    private volatile Throwable lastFailure;
    private volatile boolean lastStopped;

    private CellExecutionControl(CellWorker worker) {
        this.worker = worker;
    }

    /** A provider for {@code JShell.builder().executionEngine(...)} that hands out this control. */
    static ExecutionControlProvider provider(CellWorker worker, java.util.function.Consumer<CellExecutionControl> created) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "visionbook-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                ClassLoader before = Thread.currentThread().getContextClassLoader();
                CellExecutionControl control = new CellExecutionControl(worker);
                // JShell's loader delegate makes its snippet class loader the constructing thread's
                // context loader; user code should see the same one.
                worker.contextLoader(Thread.currentThread().getContextClassLoader());
                Thread.currentThread().setContextClassLoader(before);
                created.accept(control);
                return control;
            }
        };
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastFailure = null;
        lastStopped = false;
        CellWorker.Result result = worker.run(() -> doitMethod.invoke(null));
        if (result.stopped()) {
            lastStopped = true;
            throw new StoppedException();
        }
        Throwable failure = result.failure();
        if (failure instanceof InvocationTargetException ite) {
            lastFailure = ite.getCause();
            throw ite;
        }
        if (failure instanceof Exception e) {
            lastFailure = e;
            throw e;
        }
        if (failure != null) {
            lastFailure = failure;
            throw new InvocationTargetException(failure);
        }
        lastValue = result.value();
        // JShell wants a string form; rendering happens later, from the object itself.
        return "";
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(withoutExits(classes));
    }

    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.redefine(withoutExits(classes));
    }

    private static ClassBytecodes[] withoutExits(ClassBytecodes[] classes) {
        ClassBytecodes[] rewritten = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            rewritten[i] = new ClassBytecodes(classes[i].name(), ExitRewriter.rewrite(classes[i].bytecodes()));
        }
        return rewritten;
    }

    @Override
    public void stop() {
        worker.interrupt();
    }

    /** The value of the last snippet run, cleared on read. */
    Object takeValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    /** The throwable of the last failed snippet (not JShell's copy). */
    Throwable lastFailure() {
        return lastFailure;
    }

    boolean lastStopped() {
        return lastStopped;
    }
}
