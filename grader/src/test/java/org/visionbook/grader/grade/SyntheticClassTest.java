package org.visionbook.grader.grade;

import org.junit.jupiter.api.Test;
import org.visionbook.grader.run.NotebookExecutor;
import org.visionbook.grader.run.ProcessNotebookExecutor;
import org.visionbook.grader.run.RunnerCommand;
import org.visionbook.grader.run.StandInRunner;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The synthetic class with the test stand-in runner ({@link StandInRunner}), so the grader's whole
 * path - validation, injection, separate JVMs, limits, signed results, scoring, gradebook,
 * feedback, cache - is tested before the kernel's runner exists. {@link SyntheticClassWithRunnerTest}
 * runs the same contract with the real runner.
 */
class SyntheticClassTest extends SyntheticClassContract {

    @Override
    NotebookExecutor executor() {
        return new ProcessNotebookExecutor(RunnerCommand.DEFAULT.withMainClass(StandInRunner.class.getName()));
    }

    /** The stand-in saves after every cell but marks no running cell. */
    @Override
    boolean marksTheRunningCell() {
        return false;
    }

    @Test
    void theCommittedSubmissionsAreTheOnesTheBuilderMakes() throws Exception {
        for (Map.Entry<String, String> e : SyntheticClass.submissions().entrySet()) {
            assertEquals(e.getValue(), java.nio.file.Files.readString(SyntheticClass.SUBMISSIONS.resolve(e.getKey())),
                    e.getKey() + " is out of date: run SyntheticClass.main from the grader folder");
        }
    }
}
