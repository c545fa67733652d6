package org.visionbook.grader.grade;

/** How grading a submission went, as the gradebook's status column says it. */
public enum Status {
    /** It ran to the end; every graded cell has a score. */
    GRADED("graded"),
    /** Not gradable (bad JSON, wrong kernel, an edited locked cell, a missing cell): 0 points. */
    INVALID("invalid"),
    /** It ran past the total time limit and was killed; cells not reached score 0. */
    TIMED_OUT("timeout"),
    /** It stopped before its end (System.exit, a crash); cells not reached score 0. */
    STOPPED("stopped"),
    /** The grader could not run it (runner or harness failure): see the reason. */
    ERROR("error");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The more serious of two statuses, for a student with several notebooks. */
    public Status worse(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
