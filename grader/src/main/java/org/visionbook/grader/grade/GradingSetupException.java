package org.visionbook.grader.grade;

/**
 * The instructor's side is broken, not a student's: a solution whose own tests fail, a runner
 * that does not start, an unreadable solutions folder. Grading stops with this message.
 */
public class GradingSetupException extends Exception {

    private final boolean runnerFailure;

    public GradingSetupException(String message) {
        this(message, false);
    }

    /** {@code runnerFailure}: the notebook runner or the harness did not start, the solution itself may be fine. */
    public GradingSetupException(String message, boolean runnerFailure) {
        super(message);
        this.runnerFailure = runnerFailure;
    }

    public boolean runnerFailure() {
        return runnerFailure;
    }
}
