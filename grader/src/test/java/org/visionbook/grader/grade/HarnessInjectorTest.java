package org.visionbook.grader.grade;

import org.junit.jupiter.api.Test;
import org.visionbook.grader.notebook.Cell;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarnessInjectorTest {

    @Test
    void theHarnessArmsFirstWrapsEachGradedCellWithItsHiddenTestsAndMarksTheEnd() throws Exception {
        AssignmentNotebook sample = AssignmentNotebook.load(Path.of("src/test/resources/sample/solutions/sample.ipynb"));
        HarnessInjector.Injected injected = HarnessInjector.inject(sample.student().withCellIds(), sample,
                Path.of("/h/key"), Path.of("/h/results"), Path.of("/h/nb.ipynb"));
        List<Cell> cells = injected.notebook().cells();
        assertEquals(HarnessInjector.PRELUDE_ID, cells.get(0).id().orElseThrow());
        assertTrue(cells.get(0).source().contains("Grading.arm(java.nio.file.Path.of(\"/h/key\")"), cells.get(0).source());
        assertEquals(HarnessInjector.POSTLUDE_ID, cells.get(cells.size() - 1).id().orElseThrow());
        String tests = injected.notebook().cellByGradeId("scale-tests").orElseThrow().source();
        String nonce = injected.nonces().get("scale-tests");
        assertTrue(tests.startsWith("org.visionbook.toolkit.check.Grading.run(\"scale-tests\", \"" + nonce + "\", () -> {\n"), tests);
        assertTrue(tests.contains("handles an empty array"), "hidden tests are back in");
        assertTrue(tests.endsWith("\n});\n"), tests);
        assertEquals(32, nonce.length());
        assertNotEquals(nonce, injected.nonces().get("argmax-tests"));
        assertEquals(sample.student().cellByGradeId("scale-answer").orElseThrow().source(),
                injected.notebook().cellByGradeId("scale-answer").orElseThrow().source(), "answers are left alone");
    }

    @Test
    void importsMoveAboveTheWrapper() {
        String wrapped = HarnessInjector.wrap("t", "n", "import java.util.List;\nimport static java.lang.Math.*;\nList.of(abs(-1));");
        assertTrue(wrapped.startsWith("import java.util.List;\nimport static java.lang.Math.*;\norg.visionbook"), wrapped);
        assertFalse(wrapped.substring(wrapped.indexOf("() -> {")).contains("import"), wrapped);
    }
}
