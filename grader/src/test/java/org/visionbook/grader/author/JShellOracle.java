package org.visionbook.grader.author;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A compile-and-run oracle for tests: evaluates cells in JShell (in this JVM) and reports compile
 * errors and exceptions. Tests use it to prove that a stub compiles and throws the right message.
 */
final class JShellOracle implements AutoCloseable {

    private final JShell shell = JShell.builder().executionEngine("local").build();

    JShellOracle() {
        // the test class path holds the toolkit, so cells may use the check API
        shell.addToClasspath(System.getProperty("java.class.path"));
    }

    /** The outcome of one cell: compile errors, or the message of the first exception. */
    record Outcome(List<String> compileErrors, String exceptionMessage) {
        boolean compiled() {
            return compileErrors.isEmpty();
        }
    }

    Outcome eval(String cell) {
        List<String> errors = new ArrayList<>();
        String exception = null;
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            String snippet = info.source() != null ? info.source() : remaining;
            remaining = info.source() != null ? info.remaining() : "";
            for (SnippetEvent e : shell.eval(snippet)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    errors.add(shell.diagnostics(e.snippet()).map(Diag::getCode).collect(Collectors.joining(","))
                            + " in: " + snippet.strip());
                }
                if (e.exception() != null && exception == null) {
                    exception = e.exception() instanceof EvalException ee ? ee.getMessage() : String.valueOf(e.exception().getMessage());
                }
            }
            if (!errors.isEmpty() || exception != null) {
                break;
            }
        }
        return new Outcome(errors, exception);
    }

    @Override
    public void close() {
        shell.close();
    }
}
