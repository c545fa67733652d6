package org.visionbook.grader.grade;

import java.util.List;

/**
 * The score of one graded cell.
 *
 * @param summary "passed", or why points were lost, in a few words
 * @param checks  the cell's checks, as reported by the harness (empty if it never reported)
 */
public record CellScore(String gradeId, double points, double maxPoints, String summary, List<CheckResult> checks) {
    public CellScore {
        checks = List.copyOf(checks);
    }

    public boolean full() {
        return points >= maxPoints;
    }
}
