package org.visionbook.grader.grade;

import org.junit.jupiter.api.Tag;
import org.visionbook.grader.run.NotebookExecutor;
import org.visionbook.grader.run.ProcessNotebookExecutor;

import java.util.Map;
import java.util.TreeMap;

/**
 * The synthetic class with the kernel module's headless runner ({@code RunnerCommand.DEFAULT}).
 * Tagged {@code needs-runner}: run by default; exclude it with
 * {@code -Dgrader.excludedGroups=needs-runner}. Without the kernel module's runner it fails (the
 * runner class is missing), it never passes silently.
 */
@Tag("needs-runner")
class SyntheticClassWithRunnerTest extends SyntheticClassContract {

    @Override
    NotebookExecutor executor() {
        return ProcessNotebookExecutor.standard();
    }

    /**
     * The kernel's engine turns {@code System.exit} in a cell into an exception in that cell
     * (its ExitRewriter), so the notebook runs on and the exiting student's argmax tests pass.
     */
    @Override
    Map<String, Expected> expected() {
        Map<String, Expected> e = new TreeMap<>(EXPECTED);
        e.put("system-exit", new Expected(3, 2, "graded"));
        return e;
    }
}
