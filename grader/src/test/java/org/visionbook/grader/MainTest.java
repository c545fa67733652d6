package org.visionbook.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.grader.notebook.Notebook;
import org.visionbook.grader.run.ProcessNotebookExecutor;
import org.visionbook.grader.run.RunnerCommand;
import org.visionbook.grader.run.StandInRunner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    static final Path SOLUTIONS = Path.of("src/test/resources/sample/solutions");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int runWith(String mainClass, String... args) {
        var executor = new ProcessNotebookExecutor(RunnerCommand.DEFAULT.withMainClass(mainClass));
        return new Main(executor, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private int run(String... args) {
        return runWith(StandInRunner.class.getName(), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutArgumentsItPrintsUsageAndExitsWithTwo() {
        assertEquals(Main.USAGE, run());
        assertTrue(err().contains("usage:"), err());
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        assertEquals(Main.USAGE, run("publish"));
        assertTrue(err().contains("unknown command 'publish'"), err());
        assertEquals(Main.USAGE, run("grade", "--solutions", "s", "--submissions", "x"));
        assertTrue(err().contains("grade: --out is required"), err());
        assertEquals(Main.USAGE, run("grade", "--verbose"));
        assertTrue(err().contains("grade: unknown option '--verbose'"), err());
        assertEquals(Main.USAGE, run("grade", "--solutions"));
        assertTrue(err().contains("--solutions needs a value"), err());
        assertEquals(Main.USAGE, run("grade", "--solutions", SOLUTIONS.toString(), "--submissions", SOLUTIONS.toString(),
                "--out", dir.toString(), "--jobs", "0"));
        assertTrue(err().contains("--jobs must be a whole number >= 1, got '0'"), err());
        assertEquals(Main.USAGE, run("grade", "--solutions", SOLUTIONS.toString(), "--submissions", SOLUTIONS.toString(),
                "--out", dir.toString(), "--heap", "lots"));
        assertTrue(err().contains("not a size: 'lots'"), err());
        assertEquals(Main.USAGE, run("grade", "--solutions", "no/such/dir", "--submissions", ".", "--out", dir.toString()));
        assertTrue(err().contains("grade: no/such/dir does not exist"), err());
    }

    @Test
    void generateWithoutRunningWritesExercisesAndLeavesUpToDateOnesAlone() throws Exception {
        Path exercises = dir.resolve("exercises");
        assertEquals(Main.OK, run("generate", "--solutions", SOLUTIONS.toString(), "--exercises", exercises.toString(), "--no-run"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("wrote     " + exercises.resolve("sample.ipynb")));
        assertEquals(Main.OK, run("generate", "--solutions", SOLUTIONS.toString(), "--exercises", exercises.toString(), "--no-run"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("unchanged " + exercises.resolve("sample.ipynb")));
    }

    @Test
    void generateRunsTheSolutionAndTheStubAndPassesASoundExercise() {
        int code = run("generate", "--solutions", SOLUTIONS.toString(), "--exercises", dir.resolve("ex").toString());
        assertEquals(Main.OK, code, err());
    }

    @Test
    void generateReportsAnExerciseWhoseTestsPassOnTheStub() throws Exception {
        Path solutions = Files.createDirectories(dir.resolve("solutions"));
        Notebook weak = Notebook.read(SOLUTIONS.resolve("sample.ipynb")).mapCells(c -> c.gradeId().orElse("").equals("argmax-tests")
                ? c.withSource("System.out.println(\"looks fine\");") : c);
        weak.write(solutions.resolve("weak.ipynb"));
        int code = run("generate", "--solutions", solutions.toString(), "--exercises", dir.resolve("ex").toString());
        assertEquals(Main.DEFECTS, code, err());
        assertTrue(err().contains("defect: weak.ipynb: exercise argmax-tests passes on the stub"), err());
    }

    @Test
    void generateReportsASolutionThatFailsItsOwnTests() throws Exception {
        Path solutions = Files.createDirectories(dir.resolve("solutions"));
        Notebook wrong = Notebook.read(SOLUTIONS.resolve("sample.ipynb")).mapCells(c -> c.gradeId().orElse("").equals("argmax-answer")
                ? c.withSource("int argmax(double[] v) {\n    // BEGIN SOLUTION\n    return 0;\n    // END SOLUTION\n}") : c);
        wrong.write(solutions.resolve("wrong.ipynb"));
        int code = run("generate", "--solutions", solutions.toString(), "--exercises", dir.resolve("ex").toString());
        assertEquals(Main.DEFECTS, code, err());
        assertTrue(err().contains("defect: wrong.ipynb: cell argmax-tests raises an error on the solution: AssertionError: argmax of [1, 5, 2] should be 1"), err());
        assertTrue(err().contains("defect: wrong.ipynb: test cell argmax-tests fails on the solution"), err());
    }

    @Test
    void gradeWithARunnerThatDoesNotStartFailsClearlyWithFour() {
        int code = runWith("org.example.NoSuchRunner", "grade", "--solutions", SOLUTIONS.toString(),
                "--submissions", "src/test/resources/sample/submissions", "--out", dir.resolve("out").toString());
        assertEquals(Main.FAILURE, code);
        assertTrue(err().contains("org.example.NoSuchRunner"), err());
    }
}
