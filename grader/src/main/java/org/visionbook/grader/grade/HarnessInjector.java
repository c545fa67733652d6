package org.visionbook.grader.grade;

import org.visionbook.grader.author.StubWriter;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Nbgrader;
import org.visionbook.grader.notebook.Notebook;
import org.visionbook.toolkit.check.ResultProtocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prepares a validated submission for its graded run: a first cell that arms the harness (reads
 * and deletes the run's key), the solution's locked cells with their hidden tests back in, each
 * graded test cell wrapped so its result is signed under a fresh nonce, and a last cell that
 * marks the end of the run.
 */
public final class HarnessInjector {

    public static final String PRELUDE_ID = "visionbook-grading-prelude";
    public static final String POSTLUDE_ID = "visionbook-grading-postlude";

    private static final String GRADING = "org.visionbook.toolkit.check.Grading";
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");

    private HarnessInjector() {
    }

    /** The notebook to run and the nonce each graded cell must report under. */
    public record Injected(Notebook notebook, Map<String, String> nonces) {
    }

    /**
     * @param keyFile     where the grader wrote this run's key (the prelude deletes it)
     * @param resultsFile where signed results go
     * @param forget      the injected notebook's own path (the prelude deletes it too)
     */
    public static Injected inject(Notebook submission, AssignmentNotebook assignment, Path keyFile, Path resultsFile,
                                  Path forget) {
        Map<String, String> nonces = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.code(PRELUDE_ID, "// visionbook grader: start the grading harness\n" + GRADING + ".arm("
                + path(keyFile) + ", " + path(resultsFile) + ", " + path(forget) + ");\n"));
        for (Cell c : submission.cells()) {
            Optional<Nbgrader> nb = c.nbgrader();
            Optional<Cell> solution = nb.flatMap(n -> assignment.solutionCell(n.gradeId()));
            if (nb.isEmpty() || solution.isEmpty() || !solution.get().nbgrader().orElseThrow().mustStayUnchanged()) {
                cells.add(c);
                continue;
            }
            Nbgrader meta = solution.get().nbgrader().orElseThrow();
            String source = solution.get().source();
            if (meta.isAutogradedTest() && solution.get().isCode()) {
                String nonce = ResultProtocol.newNonce();
                nonces.put(meta.gradeId(), nonce);
                source = wrap(meta.gradeId(), nonce, source);
            }
            cells.add(c.withSource(source));
        }
        cells.add(Cell.code(POSTLUDE_ID, "// visionbook grader: the notebook ran to its end\n" + GRADING + ".finish();\n"));
        return new Injected(submission.withCells(cells), nonces);
    }

    /**
     * A test cell's code inside {@code Grading.run(id, nonce, () -> { ... })}. Imports move above,
     * since they cannot stand inside a lambda.
     */
    static String wrap(String gradeId, String nonce, String source) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            (IMPORT.matcher(line).matches() ? imports : body).append(line).append('\n');
        }
        return imports + GRADING + ".run(" + StubWriter.javaString(gradeId) + ", " + StubWriter.javaString(nonce) + ", () -> {\n"
                + body.toString().stripTrailing() + "\n});\n";
    }

    private static String path(Path p) {
        return "java.nio.file.Path.of(" + StubWriter.javaString(p.toAbsolutePath().toString()) + ")";
    }
}
