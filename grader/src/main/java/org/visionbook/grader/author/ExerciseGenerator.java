package org.visionbook.grader.author;

import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.CellType;
import org.visionbook.grader.notebook.Nbgrader;
import org.visionbook.grader.notebook.Notebook;
import org.visionbook.grader.notebook.NotebookFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes the student version of a solution notebook: solution regions become stubs, hidden tests
 * disappear, outputs and execution counts are cleared. Deterministic: the same solution always
 * gives byte-identical exercises.
 */
public final class ExerciseGenerator {

    /** What markdown answer cells say in the student version (nbgrader's wording). */
    public static final String YOUR_ANSWER_HERE = "YOUR ANSWER HERE";

    private ExerciseGenerator() {
    }

    /**
     * Checks a solution notebook's authoring: java kernel, unique grade ids, markers only where they
     * belong. Returns the notebook with a stable id on every cell (nbformat 4.5).
     */
    public static Notebook checkedSolution(Notebook solution, String origin) throws AuthoringException {
        String kernel = solution.kernelName().orElse(null);
        if (!Notebook.JAVA_KERNEL.equals(kernel)) {
            throw new AuthoringException(origin + ": the kernelspec must be '" + Notebook.JAVA_KERNEL + "', got " + kernel);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Cell> cells = solution.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            String where = origin + ": cell " + i + c.gradeId().map(g -> " (" + g + ")").orElse("");
            if (c.gradeId().isPresent()) {
                Integer before = seen.putIfAbsent(c.gradeId().get(), i);
                if (before != null) {
                    throw new AuthoringException(where + ": grade_id " + c.gradeId().get() + " is also used by cell " + before);
                }
            }
            boolean isSolution = c.nbgrader().map(Nbgrader::solution).orElse(false);
            if (!isSolution && Markers.contains(c.source(), Markers.Kind.SOLUTION)) {
                throw new AuthoringException(where + ": has " + Markers.BEGIN_SOLUTION
                        + " but is not a solution cell (metadata nbgrader.solution: true); the solution would reach students");
            }
            Markers.find(Markers.lines(c.source()), where);
        }
        return solution.withCellIds();
    }

    /** The student version of a solution notebook. */
    public static Notebook studentVersion(Notebook solution, String origin) throws AuthoringException {
        Notebook checked = checkedSolution(solution, origin);
        List<Cell> out = new ArrayList<>();
        List<Cell> cells = checked.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            String where = origin + ": cell " + i + c.gradeId().map(g -> " (" + g + ")").orElse("");
            String source = StubWriter.removeHiddenTests(c.source(), where);
            if (c.nbgrader().map(Nbgrader::solution).orElse(false)) {
                String exercise = c.gradeId().orElseThrow();
                source = c.type() == CellType.CODE
                        ? StubWriter.stubCode(source, exercise, where)
                        : YOUR_ANSWER_HERE;
            }
            out.add(c.withSource(source).cleared());
        }
        return checked.withCells(out);
    }

    /** One generated exercise: the solution it came from and the file written. */
    public record Generated(Path solution, Path exercise, boolean changed) {
    }

    /**
     * Writes the student version of every {@code *.ipynb} in {@code solutions} into
     * {@code exercises}, under the same name. Files whose content is already right are left alone.
     */
    public static List<Generated> generate(Path solutions, Path exercises)
            throws IOException, AuthoringException, NotebookFormatException {
        List<Generated> done = new ArrayList<>();
        for (Path solution : notebooksIn(solutions)) {
            Notebook student = studentVersion(Notebook.read(solution), solution.toString());
            Path target = exercises.resolve(solution.getFileName().toString());
            String text = student.toJsonText();
            boolean changed = !Files.exists(target) || !Files.readString(target).equals(text);
            if (changed) {
                student.write(target);
            }
            done.add(new Generated(solution, target, changed));
        }
        return done;
    }

    /** The notebooks directly inside {@code dir}, sorted by name; fails if there are none. */
    public static List<Path> notebooksIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such directory");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> list = s.filter(p -> p.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(p))
                    .sorted().toList();
            if (list.isEmpty()) {
                throw new IOException(dir + ": holds no .ipynb notebooks");
            }
            return list;
        }
    }
}
