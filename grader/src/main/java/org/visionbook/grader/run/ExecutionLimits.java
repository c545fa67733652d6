package org.visionbook.grader.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What one notebook run may use. Small immutable value; change one limit with a {@code with...}
 * method.
 *
 * @param cellTimeout  longest a single cell may run; the runner stops the cell and goes on
 * @param totalTimeout longest the whole run may take; then the process tree is killed
 * @param heapBytes    Java heap ({@code -Xmx})
 * @param offHeapBytes ND4J's native memory ({@code -Dorg.bytedeco.javacpp.maxbytes}); the
 *                     process's physical memory cap is heap + off-heap + 512 MiB
 * @param outputBytes  output kept per stream (stdout, stderr) and per cell; the rest is dropped
 */
public record ExecutionLimits(Duration cellTimeout, Duration totalTimeout, long heapBytes, long offHeapBytes,
                              long outputBytes) {

    private static final long MIB = 1024L * 1024;

    public ExecutionLimits {
        Objects.requireNonNull(cellTimeout, "cellTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        if (cellTimeout.isNegative() || cellTimeout.isZero() || totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: cell " + cellTimeout + ", total " + totalTimeout);
        }
        if (heapBytes < 64 * MIB || offHeapBytes < 64 * MIB) {
            throw new IllegalArgumentException("heap and off-heap need at least 64 MiB each, got " + heapBytes + " and " + offHeapBytes);
        }
        if (outputBytes < 1024) {
            throw new IllegalArgumentException("the output cap must be at least 1 KiB, got " + outputBytes);
        }
    }

    /** Two minutes a cell, fifteen a notebook, 1 GiB heap, 2 GiB off-heap, 1 MiB of output. */
    public static ExecutionLimits defaults() {
        return new ExecutionLimits(Duration.ofMinutes(2), Duration.ofMinutes(15), 1024 * MIB, 2048 * MIB, MIB);
    }

    public ExecutionLimits withCellTimeout(Duration d) {
        return new ExecutionLimits(d, totalTimeout, heapBytes, offHeapBytes, outputBytes);
    }

    public ExecutionLimits withTotalTimeout(Duration d) {
        return new ExecutionLimits(cellTimeout, d, heapBytes, offHeapBytes, outputBytes);
    }

    public ExecutionLimits withHeapBytes(long b) {
        return new ExecutionLimits(cellTimeout, totalTimeout, b, offHeapBytes, outputBytes);
    }

    public ExecutionLimits withOffHeapBytes(long b) {
        return new ExecutionLimits(cellTimeout, totalTimeout, heapBytes, b, outputBytes);
    }

    public ExecutionLimits withOutputBytes(long b) {
        return new ExecutionLimits(cellTimeout, totalTimeout, heapBytes, offHeapBytes, b);
    }

    /** The physical memory cap handed to JavaCPP: heap, off-heap and room for the JVM itself. */
    public long physicalBytes() {
        return heapBytes + offHeapBytes + 512 * MIB;
    }

    /** Parses sizes such as {@code 512m}, {@code 2g}, {@code 1048576}. */
    public static long parseSize(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k")) {
            unit = 1024;
        } else if (t.endsWith("m")) {
            unit = MIB;
        } else if (t.endsWith("g")) {
            unit = 1024 * MIB;
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (write e.g. 512m or 2g)");
        }
    }

    /** A stable one-line description, part of the grading cache key. */
    public String describe() {
        return "cell=" + cellTimeout.toMillis() + "ms total=" + totalTimeout.toMillis() + "ms heap=" + heapBytes
                + " offheap=" + offHeapBytes + " output=" + outputBytes;
    }
}
