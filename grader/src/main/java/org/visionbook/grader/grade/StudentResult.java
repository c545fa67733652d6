package org.visionbook.grader.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A student's row of the gradebook, with everything behind it. */
public record StudentResult(String student, Status status, List<NotebookResult> notebooks) {

    public StudentResult {
        notebooks = List.copyOf(notebooks);
    }

    public double total() {
        return Math.round(notebooks.stream().mapToDouble(NotebookResult::points).sum() * 100) / 100.0;
    }

    public Optional<CellScore> cell(String gradeId) {
        return notebooks.stream().flatMap(n -> n.cells().stream()).filter(c -> c.gradeId().equals(gradeId)).findFirst();
    }

    /**
     * Why the student did not get full marks, in one line: a notebook that could not be graded
     * normally, then each cell that lost points, then notes.
     */
    public String reason() {
        List<String> parts = new ArrayList<>();
        boolean several = notebooks.size() > 1;
        for (NotebookResult n : notebooks) {
            String prefix = several ? n.notebook() + ": " : "";
            if (!n.reason().isEmpty()) {
                parts.add(prefix + n.reason());
            }
            for (CellScore c : n.cells()) {
                if (!c.full() && n.status() != Status.INVALID) {
                    parts.add(prefix + c.gradeId() + ": " + c.summary());
                }
            }
            n.notes().forEach(note -> parts.add(prefix + note));
        }
        return String.join("; ", parts);
    }
}
