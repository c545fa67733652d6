package org.visionbook.grader.grade;

/** One check of a graded cell, as the harness reported it. */
public record CheckResult(String exercise, String label, boolean passed, double weight, String detail, String hint) {
}
