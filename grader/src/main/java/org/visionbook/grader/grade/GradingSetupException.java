package org.visionbook.grader.grade;

/**
 * The instructor's side is broken, not a student's: a solution whose own tests fail, a runner
 * that does not start, an unreadable solutions folder. Grading stops with this message.
 */
public class GradingSetupException extends Exception {
    public GradingSetupException(String message) {
        super(message);
    }

    public GradingSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
