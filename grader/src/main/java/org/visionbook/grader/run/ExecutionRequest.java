package org.visionbook.grader.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One notebook to execute.
 *
 * @param notebook         the notebook to run (read by the runner before the first cell)
 * @param executedNotebook where the runner writes the notebook with its outputs
 * @param workingDirectory the process's working directory: a fresh, empty temporary directory
 * @param limits           time, memory and output limits
 */
public record ExecutionRequest(Path notebook, Path executedNotebook, Path workingDirectory, ExecutionLimits limits) {
    public ExecutionRequest {
        Objects.requireNonNull(notebook, "notebook");
        Objects.requireNonNull(executedNotebook, "executedNotebook");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(limits, "limits");
    }
}
