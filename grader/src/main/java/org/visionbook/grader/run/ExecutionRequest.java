package org.visionbook.grader.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One notebook to execute.
 *
 * @param notebook         the notebook to run, inside the working directory (a runner runs a
 *                         notebook with its folder as working directory, as Jupyter does)
 * @param executedNotebook where the runner writes the notebook with its outputs: the same file
 *                         name, in another folder
 * @param workingDirectory the process's working directory: a fresh temporary directory
 * @param limits           time, memory and output limits
 */
public record ExecutionRequest(Path notebook, Path executedNotebook, Path workingDirectory, ExecutionLimits limits) {
    public ExecutionRequest {
        Objects.requireNonNull(notebook, "notebook");
        Objects.requireNonNull(executedNotebook, "executedNotebook");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(limits, "limits");
        if (!notebook.getFileName().equals(executedNotebook.getFileName())
                || notebook.toAbsolutePath().getParent().equals(executedNotebook.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("the executed notebook must have the notebook's file name in another folder: "
                    + notebook + " -> " + executedNotebook);
        }
        if (!workingDirectory.toAbsolutePath().equals(notebook.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("the notebook must sit in the working directory: " + notebook + " in " + workingDirectory);
        }
    }
}
