package org.visionbook.grader.grade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Notebook;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackAndGradebookTest {

    @TempDir
    Path dir;

    private static StudentResult result(String student, double scale, double argmax, Status status) {
        NotebookResult n = new NotebookResult("sample.ipynb", status, status == Status.INVALID ? "graded cell x is missing" : "",
                List.of(new CellScore("scale-tests", scale, 3, scale == 3 ? "passed" : "failed 'a'", List.of()),
                        new CellScore("argmax-tests", argmax, 2, argmax == 2 ? "passed" : "threw X", List.of())), List.of());
        return new StudentResult(student, status, List.of(n));
    }

    @Test
    void theGradebookHasAColumnPerQuestionThenTotalStatusAndReason() throws Exception {
        Assignment assignment = Assignment.load(SyntheticClass.SOLUTION);
        Table t = Gradebook.table(assignment, List.of(result("zoe", 3, 0, Status.GRADED), result("adam", 1.5, 2, Status.GRADED),
                result("max", 0, 0, Status.INVALID)));
        assertEquals(List.of("student", "scale-tests", "argmax-tests", "total", "status", "reason"), t.columnNames());
        assertEquals(List.of("adam", "max", "zoe"), t.stringColumn("student").asList());
        assertEquals(3.5, t.numberColumn("total").getDouble(0));
        assertEquals("invalid", t.stringColumn("status").get(1));
        assertEquals("graded cell x is missing", t.stringColumn("reason").get(1), "an invalid row gives its reason once");
        assertEquals("argmax-tests: threw X", t.stringColumn("reason").get(2));
        Path csv = dir.resolve("gradebook.csv");
        Gradebook.write(t, csv);
        assertEquals("student,scale-tests,argmax-tests,total,status,reason", Files.readAllLines(csv).get(0));
    }

    @Test
    void theFeedbackPageEscapesEverythingFromTheStudent() throws Exception {
        var evil = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        evil.put("output_type", "display_data");
        evil.putObject("data").put("text/html", "<script>steal()</script>").put("text/plain", "<b>plain</b>")
                .put("image/png", "\"><script>x()</script>");
        evil.putObject("metadata");
        Notebook nb = Notebook.empty().withCells(List.of(Cell.code("c1", "String s = \"</pre><script>alert(1)</script>\";")
                .withOutputs(List.of(evil), 1)));
        StudentResult s = result("<img src=x onerror=alert(1)>", 3, 2, Status.GRADED);
        String section = FeedbackPage.section(s.notebooks().get(0), nb, nb);
        String page = FeedbackPage.page(s, 5, List.of(section));
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<img src=x"), page);
        assertTrue(page.contains("&lt;b&gt;plain&lt;/b&gt;"), "HTML output is shown as its plain text");
        assertTrue(page.contains("Total</td><td><b>5 / 5</b>"), page);
    }
}
