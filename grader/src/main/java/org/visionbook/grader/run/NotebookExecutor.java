package org.visionbook.grader.run;

/**
 * Runs one notebook top to bottom in its own JVM: the grader's only way to execute student code.
 * Implementations must enforce every limit in the request and leave no process behind.
 */
@FunctionalInterface
public interface NotebookExecutor {

    /**
     * Executes {@code request.notebook()} and returns how it ended. A notebook that fails, loops or
     * exits early is a normal result, not an exception.
     */
    ExecutionResult execute(ExecutionRequest request) throws InterruptedException;

    /** What runs the notebooks, in one line; part of the grading cache key. */
    default String describe() {
        return getClass().getName();
    }
}
