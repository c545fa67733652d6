package org.visionbook.kernel.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that runs user code. Cells run here, not on the thread that received the request,
 * so an interrupt can reach them: first {@link Thread#interrupt()} (enough for {@code sleep}, I/O
 * waits and loops that check the flag), then, after a grace period, {@link Thread#stop()} for code
 * that ignores it. The thread lives across cells (thread-locals and ND4J's per-thread state survive);
 * if a stop kills it, the next cell gets a fresh one.
 */
final class CellWorker implements AutoCloseable {

    /** Every thread a cell starts is in this group (or below it): see {@link ExitGuard}. */
    static final ThreadGroup CELLS = new ThreadGroup("visionbook-cells");

    private final long graceMillis;
    private final Runnable threadSetup;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "visionbook-interrupt-timer");
        t.setDaemon(true);
        return t;
    });
    private final SynchronousQueue<Task> handoff = new SynchronousQueue<>();
    private volatile Thread thread;
    private volatile Task running;
    private volatile ClassLoader contextLoader;
    private volatile boolean cancelled;

    CellWorker(long graceMillis) {
        this(graceMillis, () -> { });
    }

    /** {@code threadSetup} runs first on every new worker thread (per-thread native settings). */
    CellWorker(long graceMillis, Runnable threadSetup) {
        this.graceMillis = graceMillis;
        this.threadSetup = threadSetup;
    }

    /** The class loader user code sees as its context loader (JShell's snippet loader). */
    void contextLoader(ClassLoader loader) {
        this.contextLoader = loader;
        Thread t = thread;
        if (t != null) {
            t.setContextClassLoader(loader);
        }
    }

    /** What a run ended with: a value, a throwable, or a forced stop. */
    record Result(Object value, Throwable failure, boolean stopped) {
    }

    /** A new cell starts: earlier interrupts no longer apply. */
    void beginCell() {
        cancelled = false;
    }

    /**
     * Runs {@code body} on the worker thread and waits for it. After {@link #interrupt()} (until the
     * next {@link #beginCell()}) nothing more runs: the result is "stopped" at once.
     */
    Result run(Callable<?> body) throws InterruptedException {
        if (cancelled) {
            return new Result(null, null, true);
        }
        Task task = new Task(body);
        Thread worker = ensureThread();
        handoff.put(task);
        while (!task.done.await(50, TimeUnit.MILLISECONDS)) {
            if (!worker.isAlive()) {
                return new Result(null, null, true);
            }
            long stoppedAt = task.stopRequestedAt;
            if (stoppedAt > 0 && System.nanoTime() - stoppedAt > TimeUnit.SECONDS.toNanos(5)) {
                // The thread would not die (stuck in native code): abandon it, start afresh next time.
                thread = null;
                return new Result(null, null, true);
            }
        }
        boolean stopped = task.stopRequestedAt > 0
                && (task.failure instanceof ThreadDeath || task.failure != null && task.failure.getCause() instanceof ThreadDeath);
        return new Result(task.value, task.failure, stopped);
    }

    /** True when a task is running now. */
    boolean busy() {
        return running != null;
    }

    /**
     * Interrupts the running task; if it is still running after the grace period, stops its thread.
     * Tasks of the same cell that have not started yet will not run. Returns immediately.
     */
    void interrupt() {
        cancelled = true;
        Task task = running;
        Thread t = thread;
        if (task == null || t == null) {
            return;
        }
        task.interruptRequested = true;
        t.interrupt();
        timer.schedule(() -> {
            if (running == task && task.done.getCount() > 0) {
                task.stopRequestedAt = System.nanoTime();
                stop(t);
            }
        }, graceMillis, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        try {
            t.stop();
        } catch (UnsupportedOperationException newerJdk) {
            // Java 20+ cannot stop threads: an interrupt is all there is.
            t.interrupt();
        }
    }

    private synchronized Thread ensureThread() {
        Thread t = thread;
        if (t != null && t.isAlive()) {
            return t;
        }
        t = new Thread(CELLS, this::loop, "visionbook-cell");
        t.setDaemon(true);
        if (contextLoader != null) {
            t.setContextClassLoader(contextLoader);
        }
        thread = t;
        t.start();
        return t;
    }

    private void loop() {
        threadSetup.run();
        for (;;) {
            Task task = null;
            try {
                task = handoff.take();
                Thread.interrupted();
                running = task;
                if (cancelled) {
                    // Interrupted between hand-off and start (interrupt() reads `running` after setting the flag).
                    task.stopRequestedAt = System.nanoTime();
                    task.failure = new ThreadDeath();
                    continue;
                }
                task.value = task.body.call();
            } catch (InterruptedException e) {
                if (task != null) {
                    task.failure = e;
                }
            } catch (Throwable e) {
                if (task != null) {
                    task.failure = e;
                }
            } finally {
                running = null;
                Thread.interrupted();
                if (task != null) {
                    task.done.countDown();
                }
            }
            if (thread != Thread.currentThread()) {
                return;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    private static final class Task {
        final Callable<?> body;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Object value;
        volatile Throwable failure;
        volatile boolean interruptRequested;
        volatile long stopRequestedAt;

        Task(Callable<?> body) {
            this.body = body;
        }
    }
}
