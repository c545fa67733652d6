package org.visionbook.grader.run;

import java.time.Duration;

/**
 * How a notebook process ended and what it printed (capped).
 *
 * @param termination     how it ended
 * @param exitCode        the process's exit code; -1 if it was killed or never started
 * @param elapsed         wall-clock time
 * @param stdout          what it printed on stdout, cut to the output cap (start and end kept)
 * @param stderr          the same for stderr
 * @param outputBytes     how many bytes it printed in all, kept or not
 * @param outputTruncated true if some output was dropped
 * @param problem         why it could not start, or empty
 */
public record ExecutionResult(Termination termination, int exitCode, Duration elapsed, String stdout, String stderr,
                              long outputBytes, boolean outputTruncated, String problem) {

    /** How a run ended. */
    public enum Termination {
        /** The process ended by itself (exit code says how). */
        EXITED,
        /** It ran past the total timeout; the process tree was killed. */
        TIMED_OUT,
        /** The process could not be started. */
        FAILED_TO_START
    }

    public static ExecutionResult failedToStart(String problem) {
        return new ExecutionResult(Termination.FAILED_TO_START, -1, Duration.ZERO, "", "", 0, false, problem);
    }
}
