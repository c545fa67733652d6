package org.visionbook.grader.grade;

import org.visionbook.grader.author.AuthoringException;
import org.visionbook.grader.author.ExerciseGenerator;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Nbgrader;
import org.visionbook.grader.notebook.Notebook;
import org.visionbook.grader.notebook.NotebookFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One notebook of an assignment: the instructor's solution (with hidden tests), the student
 * version made from it, and the cells that earn points.
 *
 * @param fileName      the notebook's file name; a student's copy must have the same name
 * @param solution      the solution, with cell ids
 * @param student       the student version (what was released)
 * @param graded        the autograded test cells, in notebook order
 * @param solutionBytes the solution file as read (part of the grading cache key)
 */
public record AssignmentNotebook(String fileName, Notebook solution, Notebook student, List<GradedCell> graded,
                                 byte[] solutionBytes) {

    /** An autograded test cell and its points. */
    public record GradedCell(String gradeId, double points) {
    }

    public AssignmentNotebook {
        graded = List.copyOf(graded);
    }

    /** Reads a solution notebook and derives its student version. */
    public static AssignmentNotebook load(Path file) throws IOException, NotebookFormatException, AuthoringException {
        byte[] bytes = Files.readAllBytes(file);
        Notebook raw = Notebook.read(file);
        Notebook solution = ExerciseGenerator.checkedSolution(raw, file.toString());
        Notebook student = ExerciseGenerator.studentVersion(raw, file.toString());
        List<GradedCell> graded = new ArrayList<>();
        for (Cell c : solution.cells()) {
            c.nbgrader().filter(Nbgrader::isAutogradedTest).ifPresent(n -> graded.add(new GradedCell(n.gradeId(), n.points())));
        }
        return new AssignmentNotebook(file.getFileName().toString(), solution, student, graded, bytes);
    }

    /** The solution's cell with this grade id. */
    public Optional<Cell> solutionCell(String gradeId) {
        return solution.cellByGradeId(gradeId);
    }

    /** Points this notebook is worth. */
    public double maxPoints() {
        return graded.stream().mapToDouble(GradedCell::points).sum();
    }
}
