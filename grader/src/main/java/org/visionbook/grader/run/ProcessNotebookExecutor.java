package org.visionbook.grader.run;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a notebook with {@link RunnerCommand} in a child JVM: fresh working directory, heap and
 * off-heap caps, stdin closed, stdout and stderr drained and capped, and the whole process tree
 * killed when the total timeout passes or the runner ends and leaves children behind.
 */
public final class ProcessNotebookExecutor implements NotebookExecutor {

    private static final long POLL_MILLIS = 100;

    private final RunnerCommand command;

    public ProcessNotebookExecutor(RunnerCommand command) {
        this.command = Objects.requireNonNull(command, "command");
    }

    /** An executor for the kernel module's runner ({@link RunnerCommand#DEFAULT}). */
    public static ProcessNotebookExecutor standard() {
        return new ProcessNotebookExecutor(RunnerCommand.DEFAULT);
    }

    public RunnerCommand command() {
        return command;
    }

    @Override
    public String describe() {
        return command.mainClass() + " " + String.join(" ", command.arguments());
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) throws InterruptedException {
        List<String> cmd = command.commandLine(request);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(request.workingDirectory().toFile());
        pb.environment().put("VISIONBOOK_GRADING", "1");
        long start = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return ExecutionResult.failedToStart("cannot start " + cmd.get(0) + ": " + e.getMessage());
        }
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // no stdin is fine
        }
        BoundedCapture out = new BoundedCapture(process.getInputStream(), request.limits().outputBytes());
        BoundedCapture err = new BoundedCapture(process.getErrorStream(), request.limits().outputBytes());
        Thread outThread = daemon(out, "grader-stdout");
        Thread errThread = daemon(err, "grader-stderr");
        boolean timedOut = false;
        try {
            long deadline = start + request.limits().totalTimeout().toNanos();
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(seen::add);
                if (System.nanoTime() > deadline) {
                    timedOut = true;
                    break;
                }
            }
        } finally {
            // children the runner started (or a student's cell did) must not outlive the run
            killTree(process, seen);
        }
        outThread.join(5_000);
        errThread.join(5_000);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int exit = timedOut ? -1 : process.exitValue();
        return new ExecutionResult(timedOut ? ExecutionResult.Termination.TIMED_OUT : ExecutionResult.Termination.EXITED,
                exit, elapsed, out.text(), err.text(), out.total() + err.total(), out.truncated() || err.truncated(), "");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Kills the process and every descendant seen during the run, children first. */
    static void killTree(Process process, Set<ProcessHandle> seen) throws InterruptedException {
        process.descendants().forEach(seen::add);
        for (ProcessHandle h : seen) {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
            h.destroyForcibly();
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle h : seen) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
                // best effort: a process that will not die within 5 s after SIGKILL is the kernel's business
            }
        }
    }
}
