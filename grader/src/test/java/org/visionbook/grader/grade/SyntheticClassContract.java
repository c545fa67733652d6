package org.visionbook.grader.grade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.grader.run.ExecutionLimits;
import org.visionbook.grader.run.NotebookExecutor;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic class, graded end to end: every submission gets exactly its expected points,
 * status and reason, the batch completes, each student gets a feedback page, and a re-run grades
 * only what changed. Subclasses choose what runs the notebooks.
 */
abstract class SyntheticClassContract {

    /** What runs each notebook. */
    abstract NotebookExecutor executor();

    /** What each student must get; a runner may differ where its design says so. */
    Map<String, Expected> expected() {
        return EXPECTED;
    }

    static final ExecutionLimits LIMITS = ExecutionLimits.defaults()
            .withCellTimeout(Duration.ofSeconds(30)) // generous: CI machines are small and busy
            .withTotalTimeout(Duration.ofSeconds(300))
            .withHeapBytes(256L << 20)
            .withOffHeapBytes(256L << 20)
            .withOutputBytes(1L << 20);

    record Expected(double scale, double argmax, String status, String... reasonParts) {
    }

    static final Map<String, Expected> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("full", new Expected(3, 2, "graded")),
            Map.entry("partial", new Expected(2, 2, "graded", "scale-tests: failed 'leaves the input unchanged'")),
            Map.entry("stub", new Expected(0, 0, "graded",
                    "scale-tests: failed 'doubles each value', 'leaves the input unchanged', 'handles an empty array'",
                    "argmax-tests: threw UnsupportedOperationException: exercise argmax-answer: not implemented yet")),
            Map.entry("compile-error", new Expected(0, 2, "graded", "scale-tests: did not compile: ")),
            Map.entry("exception", new Expected(0, 2, "graded",
                    "scale-tests: failed 'doubles each value', 'leaves the input unchanged', 'handles an empty array'")),
            Map.entry("infinite-loop", new Expected(3, 0, "graded", "argmax-tests: ran past the cell time limit (30 s)")),
            Map.entry("system-exit", new Expected(3, 0, "stopped",
                    "the notebook stopped before its end (exit code 0; did a cell call System.exit?)",
                    "argmax-tests: not reached: the notebook stopped before this cell")),
            Map.entry("out-of-memory", new Expected(3, 0, "graded", "argmax-tests: threw OutOfMemoryError: Java heap space")),
            Map.entry("loud-50mb", new Expected(3, 2, "graded")),
            Map.entry("edited-locked-cell", new Expected(0, 0, "invalid",
                    "graded cell scale-tests was changed (locked cells must stay as released)")),
            Map.entry("malformed-json", new Expected(0, 0, "invalid", "not valid JSON at line ")),
            Map.entry("missing-cell", new Expected(0, 0, "invalid", "graded cell argmax-tests is missing")),
            Map.entry("fake-score", new Expected(0, 0, "graded",
                    "scale-tests: failed 'doubles each value'",
                    "argmax-tests: threw UnsupportedOperationException: exercise argmax-answer: not implemented yet"))));

    @TempDir
    Path dir;

    /** True if the runner marks the cell that was running in the progress it saves (the real one does). */
    boolean marksTheRunningCell() {
        return true;
    }

    /** Total time limit of the killed-run test: enough to reach the looping cell on a busy machine. */
    static final Duration KILL_AFTER = Duration.ofSeconds(40);

    @Test
    void aRunKilledAtTheTotalTimeLimitStillShowsTheOutputsOfTheCellsThatRanBeforeTheKill() throws Exception {
        Path submissions = Files.createDirectories(dir.resolve("killed"));
        Files.copy(SyntheticClass.SUBMISSIONS.resolve("infinite-loop.ipynb"), submissions.resolve("infinite-loop.ipynb"));
        // no cell time limit to stop the loop: only the kill at the total limit ends the run
        ExecutionLimits limits = LIMITS.withCellTimeout(Duration.ofHours(1)).withTotalTimeout(KILL_AFTER);
        Grader grader = new Grader(Assignment.load(SyntheticClass.SOLUTION), executor(), limits, 1);

        Grader.Report report = grader.grade(submissions, dir.resolve("killed-out"));

        StudentResult student = report.students().get(0);
        assertEquals("timeout", student.status().label(), student.reason());
        assertEquals(3.0, student.total(), "the scale tests ran and passed before the kill: " + student.reason());
        String page = Files.readString(dir.resolve("killed-out").resolve(Grader.FEEDBACK).resolve("infinite-loop.html"));
        assertTrue(page.contains("scale: all 3 checks passed"),
                "the feedback shows the report the scale tests displayed before the kill: " + page);
        if (marksTheRunningCell()) {
            assertTrue(page.contains("This cell was running when the run was stopped"), page);
            assertTrue(page.contains("the outputs shown are those the runner saved before the run was stopped"), page);
            assertTrue(student.reason().contains("argmax-tests: still running when the run passed the total time limit"),
                    student.reason());
        }
    }

    @Test
    void theSyntheticClassGetsExactlyTheExpectedGradebookAndFeedback() throws Exception {
        Path submissions = dir.resolve("submissions");
        Path out = dir.resolve("out");
        SyntheticClass.copyTo(submissions);
        Assignment assignment = Assignment.load(SyntheticClass.SOLUTION);
        Grader grader = new Grader(assignment, executor(), LIMITS, 2);

        Grader.Report report = grader.grade(submissions, out);

        Map<String, Expected> expected = expected();
        assertEquals(expected.size(), report.students().size());
        Table gradebook = Table.read().usingOptions(CsvReadOptions.builder(out.resolve(Grader.GRADEBOOK).toFile())
                .missingValueIndicator("__none__"));
        assertEquals(List.of("student", "scale-tests", "argmax-tests", "total", "status", "reason"), gradebook.columnNames());
        assertEquals(List.copyOf(expected.keySet()), gradebook.stringColumn("student").asList(), "one row per student, sorted");
        List<org.junit.jupiter.api.function.Executable> checks = new java.util.ArrayList<>();
        for (int row = 0; row < gradebook.rowCount(); row++) {
            String student = gradebook.stringColumn("student").get(row);
            Expected e = expected.get(student);
            double scale = gradebook.numberColumn("scale-tests").getDouble(row);
            double argmax = gradebook.numberColumn("argmax-tests").getDouble(row);
            double total = gradebook.numberColumn("total").getDouble(row);
            String status = gradebook.stringColumn("status").get(row);
            String reason = gradebook.stringColumn("reason").get(row);
            checks.add(() -> assertEquals(e.scale(), scale, student + " scale-tests; reason: " + reason));
            checks.add(() -> assertEquals(e.argmax(), argmax, student + " argmax-tests; reason: " + reason));
            checks.add(() -> assertEquals(e.scale() + e.argmax(), total, student + " total"));
            checks.add(() -> assertEquals(e.status(), status, student + " status; reason: " + reason));
            if (e.reasonParts().length == 0) {
                checks.add(() -> assertEquals("", reason, student + " has full marks and no reason"));
            }
            for (String part : e.reasonParts()) {
                checks.add(() -> assertTrue(reason.contains(part), student + ": reason should contain '" + part + "' but is: " + reason));
            }
            Path page = out.resolve(Grader.FEEDBACK).resolve(student + ".html");
            checks.add(() -> assertTrue(Files.exists(page), "feedback page for " + student));
        }
        assertAll("gradebook", checks);
        String fake = Files.readString(out.resolve(Grader.FEEDBACK).resolve("fake-score.html"));
        assertTrue(fake.contains("SCORE 10/10"), "the fake score is shown as the text it is");
        assertTrue(fake.contains("Total</td><td><b>0 / 5</b>"), "and counts for nothing");
        String loud = Files.readString(out.resolve(Grader.FEEDBACK).resolve("loud-50mb.html"));
        assertTrue(loud.length() < 2_000_000, "50 MB of output does not reach the feedback page: " + loud.length());

        Grader.Report again = grader.grade(submissions, out);
        assertEquals(0, again.graded(), "a re-run with nothing changed grades nothing");
        assertEquals(expected.size(), again.reused());
        assertEquals(Files.readString(out.resolve(Grader.GRADEBOOK)), Files.readString(report.gradebook()));

        Files.copy(submissions.resolve("full.ipynb"), submissions.resolve("partial.ipynb"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Grader.Report third = grader.grade(submissions, out);
        assertEquals(1, third.graded(), "only the changed submission is graded again");
        StudentResult partial = third.students().stream().filter(s -> s.student().equals("partial")).findFirst().orElseThrow();
        assertEquals(5.0, partial.total());
        assertEquals("", partial.reason());
    }
}
