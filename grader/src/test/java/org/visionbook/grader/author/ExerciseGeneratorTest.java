package org.visionbook.grader.author;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Nbgrader;
import org.visionbook.grader.notebook.Notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExerciseGeneratorTest {

    static final Path SOLUTIONS = Path.of("src/test/resources/sample/solutions");

    @TempDir
    Path dir;

    private static Notebook sample() throws Exception {
        return Notebook.read(SOLUTIONS.resolve("sample.ipynb"));
    }

    /** The sample with an output and an execution count, as a solution looks after the instructor ran it. */
    private static Notebook ranSample() throws Exception {
        Notebook nb = sample();
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("output_type", "stream").put("name", "stdout").put("text", "printed\n");
        return nb.mapCells(c -> c.isCode() ? c.withOutputs(List.of(out), 7) : c);
    }

    @Test
    void generateIsDeterministicByteForByte() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        ExerciseGenerator.generate(SOLUTIONS, a);
        ExerciseGenerator.generate(SOLUTIONS, b);
        assertArrayEquals(Files.readAllBytes(a.resolve("sample.ipynb")), Files.readAllBytes(b.resolve("sample.ipynb")));
        List<ExerciseGenerator.Generated> again = ExerciseGenerator.generate(SOLUTIONS, a);
        assertFalse(again.get(0).changed(), "an up-to-date exercise is not rewritten");
        Notebook ran = ranSample();
        assertEquals(ExerciseGenerator.studentVersion(sample(), "x").toJsonText(),
                ExerciseGenerator.studentVersion(ran, "x").toJsonText(), "outputs in the solution do not change the exercise");
    }

    @Test
    void theStudentVersionHasStubsNoHiddenTestsAndNoOutputs() throws Exception {
        Notebook student = ExerciseGenerator.studentVersion(ranSample(), "sample.ipynb");
        String all = student.toJsonText();
        assertFalse(all.contains("SOLUTION"), "no solution markers");
        assertFalse(all.contains("HIDDEN"), "no hidden-test markers");
        assertFalse(all.contains("handles an empty array"), "the hidden test is gone");
        assertFalse(all.contains("out[i] = v[i] * k"), "the solution is gone");
        assertTrue(all.contains("exercise scale-answer: not implemented yet"));
        for (Cell c : student.cells()) {
            assertTrue(c.outputs().isEmpty(), c + " has outputs");
            assertTrue(c.executionCount().isEmpty(), c + " has an execution count");
        }
        Cell tests = student.cellByGradeId("scale-tests").orElseThrow();
        assertEquals(Nbgrader.tests("scale-tests", 3), tests.nbgrader().orElseThrow(), "nbgrader metadata is kept");
        assertTrue(tests.source().contains(".hint(\"make a new array for the result\")\n    .done();"), tests.source());
    }

    @Test
    void inTheStudentVersionAStubbedExerciseFailsWithItsNameAndTheCellsCompile() throws Exception {
        Notebook student = ExerciseGenerator.studentVersion(sample(), "sample.ipynb");
        try (JShellOracle jshell = new JShellOracle()) {
            for (Cell c : student.cells()) {
                if (!c.isCode()) {
                    continue;
                }
                JShellOracle.Outcome o = jshell.eval(c.source());
                assertTrue(o.compiled(), c + " does not compile: " + o.compileErrors());
                if (c.gradeId().orElseThrow().equals("argmax-tests")) {
                    assertEquals("exercise argmax-answer: not implemented yet", o.exceptionMessage());
                }
                if (c.gradeId().orElseThrow().equals("scale-tests")) {
                    assertTrue(o.exceptionMessage().contains("scale: 2 of 2 checks failed"), o.exceptionMessage());
                }
            }
        }
    }

    @Test
    void aSolutionMarkerOutsideASolutionCellIsRefused() throws Exception {
        Notebook nb = sample().mapCells(c -> c.gradeId().orElse("").equals("setup")
                ? c.withSource("// BEGIN SOLUTION\nint leak = 1;\n// END SOLUTION\n") : c);
        AuthoringException e = assertThrows(AuthoringException.class, () -> ExerciseGenerator.studentVersion(nb, "s.ipynb"));
        assertTrue(e.getMessage().contains("s.ipynb: cell 1 (setup)") && e.getMessage().contains("not a solution cell"), e.getMessage());
    }

    @Test
    void duplicateGradeIdsAreRefused() throws Exception {
        Notebook nb = sample().mapCells(c -> c.gradeId().orElse("").equals("argmax-tests")
                ? c.withNbgrader(Nbgrader.tests("scale-tests", 2)) : c);
        AuthoringException e = assertThrows(AuthoringException.class, () -> ExerciseGenerator.studentVersion(nb, "s.ipynb"));
        assertTrue(e.getMessage().contains("grade_id scale-tests is also used by cell 4"), e.getMessage());
    }

    @Test
    void aNotebookForAnotherKernelIsRefused() throws Exception {
        String python = sample().toJsonText().replace("\"name\": \"java\"", "\"name\": \"python3\"");
        AuthoringException e = assertThrows(AuthoringException.class,
                () -> ExerciseGenerator.studentVersion(Notebook.parse(python, "p.ipynb"), "p.ipynb"));
        assertTrue(e.getMessage().contains("kernelspec must be 'java', got python3"), e.getMessage());
    }

    @Test
    void aSolutionsFolderWithoutNotebooksIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        var e = assertThrows(java.io.IOException.class, () -> ExerciseGenerator.generate(dir.resolve("empty"), dir.resolve("out")));
        assertTrue(e.getMessage().contains("holds no .ipynb notebooks"), e.getMessage());
    }
}
