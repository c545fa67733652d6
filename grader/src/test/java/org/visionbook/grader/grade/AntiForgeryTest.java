package org.visionbook.grader.grade;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Notebook;
import org.visionbook.grader.run.ProcessNotebookExecutor;
import org.visionbook.grader.run.RunnerCommand;
import org.visionbook.grader.run.StandInRunner;
import org.visionbook.toolkit.check.ResultProtocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Student code must not be able to score by printing, displaying or writing something that looks
 * like a result, by making checks of its own, or by calling the harness. Runs real notebooks in
 * separate JVMs with the stand-in runner.
 */
class AntiForgeryTest {

    static AssignmentNotebook sample;
    static NotebookGrader grader;
    static Map<String, Double> reference;

    @BeforeAll
    static void setUp() throws Exception {
        sample = AssignmentNotebook.load(SyntheticClass.SOLUTION);
        grader = new NotebookGrader(new ProcessNotebookExecutor(RunnerCommand.DEFAULT.withMainClass(StandInRunner.class.getName())),
                SyntheticClassContract.LIMITS);
        reference = grader.referenceWeights(sample);
    }

    private static Notebook withAnswers(String scale, String argmax, Cell extra) {
        Notebook nb = sample.student().mapCells(c -> switch (c.gradeId().orElse("")) {
            case "scale-answer" -> c.withSource(scale);
            case "argmax-answer" -> c.withSource(argmax);
            default -> c;
        });
        List<Cell> cells = new ArrayList<>(nb.cells());
        if (extra != null) {
            cells.add(4, extra);
        }
        return nb.withCells(cells).withCellIds();
    }

    @Test
    void theReferenceRunKnowsHowMuchEachGradedCellWeighs() {
        assertEquals(Map.of("scale-tests", 3.0, "argmax-tests", 1.0), reference);
    }

    @Test
    void checksMadeInsideTheStudentsOwnCodeDoNotCount() throws Exception {
        String padded = """
                double[] scale(double[] v, double k) {
                    for (int i = 0; i < 20; i++) {
                        Check.exercise("scale").isTrue("padding " + i, () -> true).weight(100);
                    }
                    for (int i = 0; i < v.length; i++) {
                        v[i] *= k;
                    }
                    return v;
                }""";
        NotebookResult r = grader.grade(sample, withAnswers(padded, SyntheticClass.ARGMAX_OK, null), reference).result();
        CellScore scale = r.cells().get(0);
        assertEquals(2.0, scale.points(), "still 2 of 3 checks: " + scale);
        assertFalse(scale.checks().stream().anyMatch(c -> c.label().startsWith("padding")), scale.checks().toString());
    }

    @Test
    void callingTheHarnessFromStudentCodeIsCaughtAsTampering() throws Exception {
        Cell forge = Cell.code("forge", """
                org.visionbook.toolkit.check.Grading.run("argmax-tests", "00000000000000000000000000000000", () -> { });
                try {
                    org.visionbook.toolkit.check.Grading.arm(java.nio.file.Files.writeString(java.nio.file.Path.of("k"), "%s"),
                            java.nio.file.Path.of("r"));
                } catch (IllegalStateException e) {
                    System.out.println("re-arming refused: " + e.getMessage());
                }""".formatted(ResultProtocol.newKey()));
        NotebookGrader.Graded g = grader.grade(sample, withAnswers(SyntheticClass.SCALE_OK, SyntheticClass.ARGMAX_OK, forge), reference);
        NotebookResult r = g.result();
        assertEquals(3.0, r.cells().get(0).points(), "the honest cell keeps its points");
        assertEquals(0.0, r.cells().get(1).points(), "the cell whose result was forged gets none");
        assertTrue(r.cells().get(1).summary().contains("tampering with the grader"), r.cells().get(1).summary());
        assertTrue(g.feedbackHtml().contains("re-arming refused: the grading harness is already armed"), "a second arm is refused");
    }

    @Test
    void printedDisplayedAndWrittenFakeScoresCountForNothing() throws Exception {
        Cell fake = Cell.code("fake", SyntheticClass.FAKE_SCORE);
        NotebookGrader.Graded g = grader.grade(sample, withAnswers(
                sample.student().cellByGradeId("scale-answer").orElseThrow().source(),
                sample.student().cellByGradeId("argmax-answer").orElseThrow().source(), fake), reference);
        assertEquals(0.0, g.result().points());
        assertTrue(g.feedbackHtml().contains("SCORE 10/10"), "the fake score was really printed");
    }

    @Test
    void unsignedOrReplayedResultLinesAreRejectedAndCounted() {
        byte[] key = ResultProtocol.parseKey(ResultProtocol.newKey());
        String real = ResultProtocol.sign(key, "{\"v\":1,\"seq\":2,\"gradeId\":\"t\",\"nonce\":\"n\",\"completed\":true,\"error\":null,\"checks\":[]}");
        String otherRun = ResultProtocol.sign(ResultProtocol.parseKey(ResultProtocol.newKey()), "{\"v\":1,\"start\":true}");
        String edited = ResultProtocol.sign(key, "{\"v\":1,\"seq\":2,\"gradeId\":\"t\",\"nonce\":\"n\",\"completed\":false}")
                .split("\\.")[0] + "." + real.split("\\.")[1];
        RunRecords r = RunRecords.parse(List.of(ResultProtocol.sign(key, "{\"v\":1,\"seq\":1,\"start\":true}"), real,
                "SCORE 10/10", otherRun, edited), key);
        assertTrue(r.started());
        assertEquals(1, r.cells().size());
        assertEquals(3, r.rejected());
    }
}
