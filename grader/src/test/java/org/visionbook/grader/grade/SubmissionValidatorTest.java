package org.visionbook.grader.grade;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Nbgrader;
import org.visionbook.grader.notebook.Notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class SubmissionValidatorTest {

    static AssignmentNotebook sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        sample = AssignmentNotebook.load(Path.of("src/test/resources/sample/solutions/sample.ipynb"));
    }

    private static String reason(Notebook submitted) {
        return assertInstanceOf(SubmissionValidator.Invalid.class, SubmissionValidator.validate(submitted, sample)).reason();
    }

    private static Notebook edit(String gradeId, String newSource) {
        return sample.student().mapCells(c -> c.gradeId().orElse("").equals(gradeId) ? c.withSource(newSource) : c);
    }

    @Test
    void theReleasedVersionWithAnswersFilledInIsValid() {
        Notebook answered = edit("scale-answer", "double[] scale(double[] v, double k) { return v; }");
        assertInstanceOf(SubmissionValidator.Valid.class, SubmissionValidator.validate(answered, sample));
    }

    @Test
    void extraCellsAndWhitespaceOnlyChangesAreAccepted() {
        Cell locked = sample.student().cellByGradeId("scale-tests").orElseThrow();
        List<Cell> cells = new ArrayList<>(sample.student().withCellIds().cells());
        cells.add(2, Cell.code("my-scratch", "System.out.println(\"trying things\");"));
        Notebook nb = sample.student().withCells(cells).mapCells(c -> c.equals(locked)
                ? c.withSource(locked.source().replace("\n", "\r\n") + "   \n\n") : c);
        assertInstanceOf(SubmissionValidator.Valid.class, SubmissionValidator.validate(nb, sample));
    }

    @Test
    void anEditedLockedCellIsInvalid() {
        assertEquals("graded cell scale-tests was changed (locked cells must stay as released)",
                reason(edit("scale-tests", "Check.exercise(\"scale\").done();")));
        assertEquals("locked cell setup was changed (locked cells must stay as released)",
                reason(edit("setup", "import java.util.*;")));
    }

    @Test
    void unlockingATestCellInItsMetadataDoesNotHelp() {
        Notebook nb = sample.student().mapCells(c -> c.gradeId().orElse("").equals("argmax-tests")
                ? c.withNbgrader(Nbgrader.answer("argmax-tests")).withSource("// nothing to see") : c);
        assertEquals("graded cell argmax-tests was changed (locked cells must stay as released)", reason(nb));
    }

    @Test
    void aMissingCellIsInvalid() {
        Notebook nb = sample.student().withCells(sample.student().cells().stream()
                .filter(c -> !c.gradeId().orElse("").equals("argmax-tests")).toList());
        assertEquals("graded cell argmax-tests is missing", reason(nb));
    }

    @Test
    void aDuplicatedCellIsInvalid() {
        List<Cell> cells = new ArrayList<>(sample.student().cells());
        cells.add(cells.get(4).withId("copy"));
        assertEquals("cell scale-tests appears twice", reason(sample.student().withCells(cells)));
    }

    @Test
    void theWrongKernelIsInvalid() throws Exception {
        Notebook python = Notebook.parse(sample.student().toJsonText().replace("\"name\": \"java\"", "\"name\": \"python3\""), "x");
        assertEquals("the notebook's kernel is python3, expected java", reason(python));
    }

    @Test
    void malformedJsonIsInvalidWithWhereItBroke() throws Exception {
        String text = sample.student().toJsonText();
        Path file = Files.writeString(dir.resolve("bob.ipynb"), text.substring(0, text.length() / 2));
        var v = assertInstanceOf(SubmissionValidator.Invalid.class, SubmissionValidator.validate(file, sample));
        assertEquals(true, v.reason().startsWith("not valid JSON at line "), v.reason());
    }

    @Test
    void aFileThatIsNotUtf8IsInvalid() throws Exception {
        Path file = Files.write(dir.resolve("carol.ipynb"), new byte[]{'{', (byte) 0xff, '}'});
        var v = assertInstanceOf(SubmissionValidator.Invalid.class, SubmissionValidator.validate(file, sample));
        assertEquals("not valid JSON: the file is not UTF-8 text", v.reason());
    }
}
