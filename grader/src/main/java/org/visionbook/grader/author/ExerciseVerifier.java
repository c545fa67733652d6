package org.visionbook.grader.author;

import org.visionbook.grader.grade.AssignmentNotebook;
import org.visionbook.grader.grade.CellScore;
import org.visionbook.grader.grade.GradingSetupException;
import org.visionbook.grader.grade.NotebookGrader;
import org.visionbook.grader.grade.Status;
import org.visionbook.grader.notebook.Notebook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Proves an exercise is fair before it is released: every cell of the solution runs without an
 * error and every graded test passes on it, and every graded test fails on the generated stub (a
 * test that passes on the stub would give points for nothing). Both runs use the grading harness,
 * exactly as {@code grade} will.
 */
public final class ExerciseVerifier {

    private ExerciseVerifier() {
    }

    /** The defects found, each naming the notebook and the exercise; empty if the exercise is sound. */
    public static List<String> verify(AssignmentNotebook assignment, NotebookGrader grader)
            throws IOException, InterruptedException, GradingSetupException {
        List<String> defects = new ArrayList<>();
        String name = assignment.fileName();
        NotebookGrader.Graded solution = grader.grade(assignment, assignment.solution(), Map.of());
        if (solution.result().status() == Status.ERROR) {
            throw new GradingSetupException("cannot check " + name + ": " + solution.result().reason(), true);
        }
        if (solution.result().status() != Status.GRADED) {
            defects.add(name + ": the solution does not run to its end: " + solution.result().reason());
        }
        solution.cellErrors().forEach((cell, error) -> defects.add(name + ": cell " + cell + " raises an error on the solution: " + error));
        for (CellScore c : solution.result().cells()) {
            if (!c.full()) {
                defects.add(name + ": test cell " + c.gradeId() + " fails on the solution: " + c.summary());
            }
        }
        if (!defects.isEmpty()) {
            return defects;
        }
        Notebook stub = assignment.student();
        NotebookGrader.Graded exercise = grader.grade(assignment, stub, Map.of());
        for (CellScore c : exercise.result().cells()) {
            if (c.points() >= c.maxPoints()) {
                defects.add(name + ": exercise " + c.gradeId() + " passes on the stub: its tests do not test the answer");
            }
        }
        return defects;
    }
}
