package org.visionbook.grader.grade;

import com.fasterxml.jackson.databind.JsonNode;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Notebook;
import org.visionbook.grader.notebook.NotebookFormatException;
import org.visionbook.grader.run.ExecutionLimits;
import org.visionbook.grader.run.ExecutionRequest;
import org.visionbook.grader.run.ExecutionResult;
import org.visionbook.grader.run.NotebookExecutor;
import org.visionbook.toolkit.check.ResultProtocol;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Grades one notebook: injects the harness and hidden tests, runs it in its own JVM, reads the
 * signed results and scores each graded cell. Points for a cell are its points times the share of
 * check weight that passed; the share's denominator is at least the weight the solution's own run
 * reported, so checks a crash skipped count as failed.
 */
public final class NotebookGrader {

    /** An executed notebook larger than this is not read back (its outputs are not shown). */
    static final long MAX_EXECUTED_BYTES = 64L << 20;

    private final NotebookExecutor executor;
    private final ExecutionLimits limits;

    public NotebookGrader(NotebookExecutor executor, ExecutionLimits limits) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ExecutionLimits limits() {
        return limits;
    }

    /**
     * A graded notebook, its feedback section, and the errors any cell raised in the run (cell id
     * to message), which {@code generate} uses to check solutions.
     */
    public record Graded(NotebookResult result, String feedbackHtml, Map<String, String> cellErrors) {
    }

    /**
     * The result for a notebook that could not be graded at all; {@code visible} is the notebook
     * as handed in if it could be read (shown in the feedback), else null.
     */
    public static Graded invalid(AssignmentNotebook assignment, String fileName, Status status, String reason, Notebook visible) {
        List<CellScore> zeros = assignment.graded().stream()
                .map(g -> new CellScore(g.gradeId(), 0, g.points(), reason, List.of())).toList();
        NotebookResult r = new NotebookResult(fileName, status, reason, zeros, List.of());
        return new Graded(r, FeedbackPage.section(r, visible, null), Map.of());
    }

    /**
     * The total check weight of each graded cell when the solution runs: the denominators of
     * partial credit. Fails if any graded cell does not pass on the solution.
     */
    public Map<String, Double> referenceWeights(AssignmentNotebook assignment)
            throws GradingSetupException, IOException, InterruptedException {
        Graded g = grade(assignment, assignment.solution(), Map.of());
        NotebookResult r = g.result();
        if (r.status() == Status.ERROR) {
            throw new GradingSetupException("cannot grade: " + r.reason(), true);
        }
        if (r.status() != Status.GRADED) {
            throw new GradingSetupException("the solution " + assignment.fileName() + " does not run to its end: " + r.reason());
        }
        Map<String, Double> weights = new HashMap<>();
        for (CellScore c : r.cells()) {
            if (!c.full()) {
                throw new GradingSetupException("the solution " + assignment.fileName() + " fails its own test cell "
                        + c.gradeId() + ": " + c.summary() + failedDetails(c));
            }
            weights.put(c.gradeId(), Math.max(1, c.checks().stream().mapToDouble(CheckResult::weight).sum()));
        }
        return weights;
    }

    private static String failedDetails(CellScore c) {
        return c.checks().stream().filter(k -> !k.passed()).map(k -> "\n  " + k.label() + ": " + k.detail())
                .collect(Collectors.joining());
    }

    /** Runs and scores a valid submission ({@code notebook} has cell ids). */
    public Graded grade(AssignmentNotebook assignment, Notebook notebook, Map<String, Double> reference)
            throws IOException, InterruptedException {
        // real paths: the runner compares the notebook's folder with its working directory
        Path harness = Files.createTempDirectory("visionbook-grade-").toRealPath();
        Path work = Files.createTempDirectory("visionbook-work-").toRealPath();
        try {
            String key = ResultProtocol.newKey();
            Path keyFile = harness.resolve("key");
            Files.writeString(keyFile, key);
            ownerOnly(keyFile);
            Path results = Files.createFile(harness.resolve("results.log"));
            // the notebook runs from the working directory (the harness deletes it once read);
            // the runner writes the executed copy, same name, into the private folder
            Path injectedFile = work.resolve("notebook.ipynb");
            Path executedFile = Files.createDirectory(harness.resolve("executed")).resolve("notebook.ipynb");
            HarnessInjector.Injected injected = HarnessInjector.inject(notebook, assignment, keyFile, results, injectedFile);
            injected.notebook().write(injectedFile);
            ExecutionResult run;
            RunRecords records;
            // opened before the run: the harness removes the file's name once it has opened it
            try (FileChannel resultsReader = FileChannel.open(results, StandardOpenOption.READ)) {
                run = executor.execute(new ExecutionRequest(injectedFile, executedFile, work, limits));
                records = RunRecords.read(resultsReader, ResultProtocol.parseKey(key));
            }
            List<String> notes = new ArrayList<>();
            Notebook executed = readExecuted(executedFile, notes);
            return score(assignment, notebook, injected, run, records, executed, reference, notes);
        } finally {
            deleteQuietly(harness);
            deleteQuietly(work);
        }
    }

    private Graded score(AssignmentNotebook assignment, Notebook notebook, HarnessInjector.Injected injected,
                         ExecutionResult run, RunRecords records, Notebook executed, Map<String, Double> reference,
                         List<String> notes) {
        Map<String, Cell> ranById = new HashMap<>();
        Map<String, String> cellErrors = new HashMap<>();
        if (executed != null) {
            for (Cell c : executed.cells()) {
                c.id().ifPresent(id -> ranById.put(id, c));
                firstError(c).ifPresent(e -> cellErrors.put(c.id().orElse("?"), e));
            }
        }
        Status status;
        String reason;
        if (run.termination() == ExecutionResult.Termination.FAILED_TO_START) {
            status = Status.ERROR;
            reason = "the notebook runner could not start: " + run.problem();
        } else if (!records.started()) {
            status = Status.ERROR;
            String why = Optional.ofNullable(cellErrors.get(HarnessInjector.PRELUDE_ID))
                    .orElse(lastLines(run.stderr().isBlank() ? run.stdout() : run.stderr()));
            reason = "the grading harness did not start (exit code " + run.exitCode() + ")" + (why.isEmpty() ? "" : ": " + why);
        } else if (run.termination() == ExecutionResult.Termination.TIMED_OUT) {
            status = Status.TIMED_OUT;
            reason = "the run passed the total time limit (" + limits.totalTimeout().toSeconds() + " s) and was stopped";
        } else if (!records.ended()) {
            status = Status.STOPPED;
            reason = "the notebook stopped before its end (exit code " + run.exitCode()
                    + (run.exitCode() == 0 ? "; did a cell call System.exit?" : "") + ")" + memoryHint(run);
        } else {
            status = Status.GRADED;
            reason = "";
        }
        if (executed != null && status != Status.GRADED && executed.cells().stream().anyMatch(FeedbackPage::wasRunning)) {
            notes.add("the outputs shown are those the runner saved before the run was stopped");
        }
        if (run.outputTruncated()) {
            notes.add("output cut at " + limits.outputBytes() + " bytes (" + run.outputBytes() + " printed)");
        }
        if (records.rejected() > 0) {
            notes.add("ignored " + records.rejected() + " result line(s) without a valid signature");
        }
        List<CellScore> scores = new ArrayList<>();
        for (AssignmentNotebook.GradedCell g : assignment.graded()) {
            scores.add(scoreCell(g, notebook, injected.nonces().get(g.gradeId()), records, ranById, status, reference));
        }
        NotebookResult result = new NotebookResult(assignment.fileName(), status, reason, scores, notes);
        return new Graded(result, FeedbackPage.section(result, notebook, executed), cellErrors);
    }

    private CellScore scoreCell(AssignmentNotebook.GradedCell g, Notebook notebook, String nonce, RunRecords records,
                                Map<String, Cell> ranById, Status status, Map<String, Double> reference) {
        List<RunRecords.CellRecord> mine = records.cells().stream().filter(r -> r.gradeId().equals(g.gradeId())).toList();
        if (mine.size() > 1 || mine.stream().anyMatch(r -> !r.nonce().equals(nonce))) {
            return new CellScore(g.gradeId(), 0, g.points(),
                    "its result was reported " + mine.size() + " times or under a wrong nonce: tampering with the grader", List.of());
        }
        if (mine.isEmpty()) {
            Optional<Cell> inNotebook = notebook.cellByGradeId(g.gradeId());
            Cell ran = inNotebook.flatMap(Cell::id).map(ranById::get).orElse(null);
            String error = ran == null ? null : firstError(ran).orElse(null);
            String why;
            if (error != null) {
                boolean compile = error.toLowerCase(java.util.Locale.ROOT).startsWith("compil");
                why = (compile ? "did not compile: " : "did not run: ") + error;
            } else if (ran != null && FeedbackPage.wasRunning(ran)) {
                why = status == Status.TIMED_OUT ? "still running when the run passed the total time limit"
                        : "running when the notebook stopped";
            } else if (status == Status.TIMED_OUT) {
                why = "not reached before the total time limit";
            } else if (status == Status.STOPPED) {
                why = "not reached: the notebook stopped before this cell";
            } else {
                why = "the cell reported no result";
            }
            return new CellScore(g.gradeId(), 0, g.points(), why, List.of());
        }
        RunRecords.CellRecord r = mine.get(0);
        double passed = r.checks().stream().filter(CheckResult::passed).mapToDouble(CheckResult::weight).sum();
        double total = r.checks().stream().mapToDouble(CheckResult::weight).sum();
        double fraction;
        if (r.checks().isEmpty()) {
            fraction = r.completed() ? 1 : 0;
        } else {
            fraction = passed / Math.max(total, reference.getOrDefault(g.gradeId(), total));
        }
        fraction = Math.max(0, Math.min(1, fraction));
        double points = Math.round(g.points() * fraction * 100) / 100.0;
        List<String> failed = r.checks().stream().filter(c -> !c.passed()).map(c -> "'" + c.label() + "'").toList();
        String summary;
        if (points >= g.points()) {
            summary = "passed";
        } else {
            List<String> parts = new ArrayList<>();
            if (!failed.isEmpty()) {
                parts.add("failed " + String.join(", ", failed.size() > 3 ? failed.subList(0, 3) : failed)
                        + (failed.size() > 3 ? " and " + (failed.size() - 3) + " more" : ""));
            }
            boolean ownFailure = r.error() != null && r.error().startsWith("AssertionError") && !failed.isEmpty();
            if (!r.completed() && !ownFailure) {
                parts.add(friendly(r.error()));
            }
            if (parts.isEmpty()) {
                parts.add("some checks did not run");
            }
            summary = String.join("; ", parts);
        }
        return new CellScore(g.gradeId(), points, g.points(), summary, r.checks());
    }

    private String friendly(String error) {
        if (error == null) {
            return "stopped";
        }
        if (error.startsWith("ThreadDeath") || error.contains("CellTimeout")) {
            return "ran past the cell time limit (" + limits.cellTimeout().toSeconds() + " s)";
        }
        if (error.startsWith("AssertionError")) {
            return "a test assertion failed: " + error.substring("AssertionError".length()).replaceFirst("^: ", "");
        }
        return "threw " + error;
    }

    private static String memoryHint(ExecutionResult run) {
        String all = run.stdout() + run.stderr();
        return all.contains("OutOfMemoryError") ? "; it ran out of memory" : "";
    }

    private static Optional<String> firstError(Cell c) {
        for (JsonNode o : c.outputs()) {
            if ("error".equals(o.path("output_type").asText())) {
                String value = o.path("evalue").asText();
                int nl = value.indexOf('\n');
                String first = nl < 0 ? value : value.substring(0, nl);
                if (first.length() > 200) {
                    first = first.substring(0, 200) + "...";
                }
                return Optional.of(o.path("ename").asText().replaceFirst("^.*\\.", "") + ": " + first);
            }
        }
        return Optional.empty();
    }

    private static Notebook readExecuted(Path file, List<String> notes) {
        try {
            if (!Files.exists(file)) {
                notes.add("the run left no executed notebook; outputs are not shown");
                return null;
            }
            if (Files.size(file) > MAX_EXECUTED_BYTES) {
                notes.add("the executed notebook is larger than " + (MAX_EXECUTED_BYTES >> 20) + " MiB; outputs are not shown");
                return null;
            }
            return Notebook.read(file);
        } catch (IOException | NotebookFormatException e) {
            notes.add("the executed notebook could not be read (" + e.getMessage() + "); outputs are not shown");
            return null;
        }
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                sb.append(sb.length() == 0 ? "" : " / ").append(lines[i].strip());
            }
        }
        return sb.toString();
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the temporary directory's own permissions apply
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a temporary directory the student's code made undeletable; the OS cleans /tmp
        }
    }
}
