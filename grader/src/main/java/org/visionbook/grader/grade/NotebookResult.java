package org.visionbook.grader.grade;

import java.util.List;

/**
 * One submitted notebook, graded.
 *
 * @param reason why it was not graded normally (invalid, stopped, ...), or empty
 * @param notes  things worth knowing that cost no points (output cut at the cap, ...)
 */
public record NotebookResult(String notebook, Status status, String reason, List<CellScore> cells, List<String> notes) {
    public NotebookResult {
        cells = List.copyOf(cells);
        notes = List.copyOf(notes);
    }

    public double points() {
        return cells.stream().mapToDouble(CellScore::points).sum();
    }
}
