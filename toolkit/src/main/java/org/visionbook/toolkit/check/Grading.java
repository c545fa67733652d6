package org.visionbook.toolkit.check;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The harness the grader injects into a submission before running it; nothing a student calls.
 *
 * <p>The grader adds a first cell that calls {@link #arm}, and wraps each graded test cell (its
 * visible and hidden tests) in {@link #run}. Every {@link Check} the test code itself creates is
 * counted for that cell; checks made by the student's code are not (they may print, but they do
 * not score). When the cell ends - normally or by an exception, a failed check or a stop - one
 * signed record with every check's outcome goes to the results file (see {@link ResultProtocol}).
 *
 * <p>What this does not stop: code that deliberately reaches into this class by reflection, or
 * reads the process's own memory. That is tampering with the grader, visible in the submission.
 */
public final class Grading {

    /** A graded test cell's code. */
    @FunctionalInterface
    public interface TestBody {
        void run() throws Throwable;
    }

    private static final Object LOCK = new Object();
    private static byte[] key;
    private static FileOutputStream results;
    private static long sequence;
    private static volatile Cell current;

    private Grading() {
    }

    /**
     * Starts grading: reads the run's key from {@code keyFile}, opens {@code resultsFile} for
     * appending and records the start of the run, then deletes the key file, the results file's
     * name (the grader reads it through a handle it opened before the run, so no other process
     * finds it by name) and any {@code forget} files (the injected notebook, whose nonces student
     * code must not read). Can be called once per JVM.
     */
    public static void arm(Path keyFile, Path resultsFile, Path... forget) {
        synchronized (LOCK) {
            if (key != null) {
                throw new IllegalStateException("the grading harness is already armed");
            }
            try {
                byte[] k = ResultProtocol.parseKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
                Files.delete(keyFile);
                results = new FileOutputStream(resultsFile.toFile(), true);
                key = k;
                append("{\"v\":" + ResultProtocol.VERSION + ",\"seq\":" + (++sequence) + ",\"start\":true}", "the start of the run");
                forgetQuietly(resultsFile);
                for (Path p : forget) {
                    forgetQuietly(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the grading harness: " + e.getMessage(), e);
            }
        }
    }

    private static void forgetQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a file system that will not delete an open file (Windows): the name stays, the signatures still hold
        }
    }

    /** True once {@link #arm} has run in this JVM. */
    public static boolean isArmed() {
        synchronized (LOCK) {
            return key != null;
        }
    }

    /**
     * Runs a graded test cell and records its outcome under {@code gradeId} and {@code nonce},
     * then rethrows whatever the cell threw, so the notebook shows it as usual.
     */
    public static void run(String gradeId, String nonce, TestBody body) {
        Objects.requireNonNull(body, "body");
        Cell cell = new Cell(gradeId, nonce, body.getClass().getNestHost());
        current = cell;
        Throwable thrown = null;
        try {
            body.run();
        } catch (Throwable t) {
            thrown = t;
        } finally {
            current = null;
            write(cell, thrown);
        }
        if (thrown != null) {
            Grading.<RuntimeException>rethrow(thrown);
        }
    }

    /**
     * Marks that the notebook ran to its end (the grader adds this as the last cell). A run without
     * this record stopped early: an exit, a crash or a kill.
     */
    public static void finish() {
        synchronized (LOCK) {
            if (key != null) {
                append("{\"v\":" + ResultProtocol.VERSION + ",\"seq\":" + (++sequence) + ",\"end\":true}", "the end of the run");
            }
        }
    }

    /** Counts {@code check} for the running cell if the cell's own code made it. */
    static void attach(Check check, Class<?> caller) {
        Cell cell = current;
        if (cell != null && caller != null && caller.getNestHost() == cell.host) {
            synchronized (cell.checks) {
                cell.checks.add(check);
            }
        }
    }

    private static void write(Cell cell, Throwable thrown) {
        synchronized (LOCK) {
            if (key == null) {
                return;
            }
            StringBuilder sb = new StringBuilder("{");
            sb.append("\"v\":").append(ResultProtocol.VERSION);
            sb.append(",\"seq\":").append(++sequence);
            sb.append(",\"gradeId\":").append(ResultProtocol.json(cell.gradeId));
            sb.append(",\"nonce\":").append(ResultProtocol.json(cell.nonce));
            sb.append(",\"completed\":").append(thrown == null);
            sb.append(",\"error\":").append(thrown == null ? "null" : ResultProtocol.json(Check.thrown(thrown)));
            sb.append(",\"checks\":[");
            boolean first = true;
            List<Check> checks;
            synchronized (cell.checks) {
                checks = new ArrayList<>(cell.checks);
            }
            for (Check c : checks) {
                for (Outcome o : c.outcomes()) {
                    sb.append(first ? "" : ",").append("{\"exercise\":").append(ResultProtocol.json(c.exerciseId()))
                            .append(",\"label\":").append(ResultProtocol.json(o.label()))
                            .append(",\"passed\":").append(o.passed())
                            .append(",\"weight\":").append(ResultProtocol.json(o.weight()))
                            .append(",\"detail\":").append(ResultProtocol.json(cut(o.detail())))
                            .append(",\"hint\":").append(ResultProtocol.json(o.hint())).append('}');
                    first = false;
                }
            }
            sb.append("]}");
            append(sb.toString(), cell.gradeId);
        }
    }

    private static void append(String json, String what) {
        try {
            results.write((ResultProtocol.sign(key, json) + "\n").getBytes(StandardCharsets.US_ASCII));
            results.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result of " + what + ": " + e.getMessage(), e);
        }
    }

    private static String cut(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 4000) + " [...]";
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void rethrow(Throwable t) throws T {
        throw (T) t;
    }

    /** For tests of this package: forget the key, as a fresh JVM would. */
    static void reset() {
        synchronized (LOCK) {
            key = null;
            sequence = 0;
            current = null;
            if (results != null) {
                try {
                    results.close();
                } catch (IOException ignored) {
                    // a test's temporary file; nothing to keep
                }
                results = null;
            }
        }
    }

    private static final class Cell {
        final String gradeId;
        final String nonce;
        final Class<?> host;
        final List<Check> checks = new ArrayList<>();

        Cell(String gradeId, String nonce, Class<?> host) {
            this.gradeId = Objects.requireNonNull(gradeId, "gradeId");
            this.nonce = Objects.requireNonNull(nonce, "nonce");
            this.host = host;
        }
    }
}
