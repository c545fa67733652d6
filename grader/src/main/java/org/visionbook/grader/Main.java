package org.visionbook.grader;

import org.visionbook.grader.author.AuthoringException;
import org.visionbook.grader.author.ExerciseGenerator;
import org.visionbook.grader.author.ExerciseVerifier;
import org.visionbook.grader.grade.Assignment;
import org.visionbook.grader.grade.AssignmentNotebook;
import org.visionbook.grader.grade.Grader;
import org.visionbook.grader.grade.GradingSetupException;
import org.visionbook.grader.grade.NotebookGrader;
import org.visionbook.grader.grade.Status;
import org.visionbook.grader.grade.StudentResult;
import org.visionbook.grader.notebook.NotebookFormatException;
import org.visionbook.grader.run.ExecutionLimits;
import org.visionbook.grader.run.NotebookExecutor;
import org.visionbook.grader.run.ProcessNotebookExecutor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The grader's command line:
 *
 * <pre>
 * generate [--solutions DIR] [--exercises DIR] [--no-run]
 * grade --solutions DIR|FILE --submissions DIR --out DIR [--jobs N] [limits]
 * </pre>
 *
 * Exit codes: 0 done; 1 {@code generate} found defective exercises; 2 usage error; 3 a solution
 * notebook is broken; 4 an I/O error or a runner that does not start.
 */
public final class Main {

    public static final int OK = 0;
    public static final int DEFECTS = 1;
    public static final int USAGE = 2;
    public static final int AUTHORING = 3;
    public static final int FAILURE = 4;

    static final String USAGE_TEXT = """
            usage:
              generate [--solutions DIR] [--exercises DIR] [--no-run]
                  Writes the student version of every solutions/*.ipynb into exercises/ (same bytes for
                  the same input), then runs each solution and its stub with the grading harness: every
                  test must pass on the solution and every graded test must fail on the stub.
                  --no-run writes the exercises only. Defaults: solutions/ and exercises/.
              grade --solutions DIR|FILE --submissions DIR --out DIR [--jobs N]
                    [--cell-timeout SECONDS] [--timeout SECONDS] [--heap SIZE] [--off-heap SIZE] [--max-output SIZE]
                  Grades every submission (STUDENT.ipynb, or a folder STUDENT/ with notebooks named as the
                  solutions), each in its own JVM; writes OUT/gradebook.csv and OUT/feedback/STUDENT.html.
                  A re-run grades only what changed. Defaults: 1 job, 120 s a cell, 900 s a notebook,
                  1g heap, 2g off-heap, 1m output.
            exit codes: 0 done, 1 defective exercises, 2 usage error, 3 broken solution notebook, 4 I/O or runner failure
            """;

    private final NotebookExecutor executor;
    private final PrintStream out;
    private final PrintStream err;

    Main(NotebookExecutor executor, PrintStream out, PrintStream err) {
        this.executor = executor;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new Main(ProcessNotebookExecutor.standard(), System.out, System.err).run(args);
        System.exit(code);
    }

    /** A usage error: the message and the usage go to stderr, exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    int run(String... args) {
        try {
            if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
                (args.length == 0 ? err : out).print(USAGE_TEXT);
                return args.length == 0 ? USAGE : OK;
            }
            Map<String, String> options = options(args);
            return switch (args[0]) {
                case "generate" -> generate(options);
                case "grade" -> grade(options);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (GradingSetupException e) {
            err.println("error: " + e.getMessage());
            return e.runnerFailure() ? FAILURE : AUTHORING;
        } catch (AuthoringException | NotebookFormatException e) {
            err.println("error: " + e.getMessage());
            return AUTHORING;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return FAILURE;
        }
    }

    private static final Set<String> FLAGS = Set.of("--no-run");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "generate", Set.of("--solutions", "--exercises", "--no-run"),
            "grade", Set.of("--solutions", "--submissions", "--out", "--jobs", "--cell-timeout", "--timeout", "--heap",
                    "--off-heap", "--max-output"));

    private static Map<String, String> options(String[] args) throws UsageException {
        Set<String> allowed = ALLOWED.get(args[0]);
        if (allowed == null) {
            throw new UsageException("unknown command '" + args[0] + "'");
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!allowed.contains(a)) {
                throw new UsageException(args[0] + ": unknown option '" + a + "'");
            }
            if (FLAGS.contains(a)) {
                o.put(a, "true");
            } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageException(args[0] + ": " + a + " needs a value");
            } else if (o.put(a, args[++i]) != null) {
                throw new UsageException(args[0] + ": " + a + " given twice");
            }
        }
        return o;
    }

    private int generate(Map<String, String> o)
            throws UsageException, IOException, AuthoringException, NotebookFormatException, InterruptedException, GradingSetupException {
        Path solutions = Path.of(o.getOrDefault("--solutions", "solutions"));
        Path exercises = Path.of(o.getOrDefault("--exercises", "exercises"));
        if (!Files.isDirectory(solutions)) {
            throw new UsageException("generate: " + solutions + " is not a folder of solution notebooks");
        }
        List<ExerciseGenerator.Generated> written = ExerciseGenerator.generate(solutions, exercises);
        for (ExerciseGenerator.Generated g : written) {
            out.println((g.changed() ? "wrote     " : "unchanged ") + g.exercise());
        }
        if (o.containsKey("--no-run")) {
            return OK;
        }
        NotebookGrader grader = new NotebookGrader(executor, ExecutionLimits.defaults());
        List<String> defects = new ArrayList<>();
        for (ExerciseGenerator.Generated g : written) {
            out.println("checking  " + g.solution() + " (solution and stub)");
            defects.addAll(ExerciseVerifier.verify(AssignmentNotebook.load(g.solution()), grader));
        }
        defects.forEach(d -> err.println("defect: " + d));
        return defects.isEmpty() ? OK : DEFECTS;
    }

    private int grade(Map<String, String> o)
            throws UsageException, IOException, AuthoringException, NotebookFormatException, GradingSetupException, InterruptedException {
        Path solutions = Path.of(required(o, "--solutions"));
        Path submissions = Path.of(required(o, "--submissions"));
        Path outDir = Path.of(required(o, "--out"));
        for (Path p : List.of(solutions, submissions)) {
            if (!Files.exists(p)) {
                throw new UsageException("grade: " + p + " does not exist");
            }
        }
        int jobs = positiveInt(o, "--jobs", 1);
        ExecutionLimits limits = ExecutionLimits.defaults();
        try {
            if (o.containsKey("--cell-timeout")) {
                limits = limits.withCellTimeout(Duration.ofSeconds(positiveInt(o, "--cell-timeout", 0)));
            }
            if (o.containsKey("--timeout")) {
                limits = limits.withTotalTimeout(Duration.ofSeconds(positiveInt(o, "--timeout", 0)));
            }
            if (o.containsKey("--heap")) {
                limits = limits.withHeapBytes(ExecutionLimits.parseSize(o.get("--heap")));
            }
            if (o.containsKey("--off-heap")) {
                limits = limits.withOffHeapBytes(ExecutionLimits.parseSize(o.get("--off-heap")));
            }
            if (o.containsKey("--max-output")) {
                limits = limits.withOutputBytes(ExecutionLimits.parseSize(o.get("--max-output")));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("grade: " + e.getMessage());
        }
        Assignment assignment = Assignment.load(solutions);
        Grader.Report report = new Grader(assignment, executor, limits, jobs).grade(submissions, outDir);
        for (StudentResult s : report.students()) {
            out.printf(Locale.ROOT, "%-24s %6.2f / %-6.2f %-8s %s%n", s.student(), s.total(), assignment.maxPoints(),
                    s.status().label(), s.reason());
        }
        out.printf(Locale.ROOT, "%d submissions (%d graded, %d unchanged) in %.1f s; gradebook: %s%n",
                report.students().size(), report.graded(), report.reused(), report.elapsed().toMillis() / 1000.0, report.gradebook());
        boolean runnerBroken = !report.students().isEmpty()
                && report.students().stream().allMatch(s -> s.status() == Status.ERROR);
        return runnerBroken ? FAILURE : OK;
    }

    private static String required(Map<String, String> o, String name) throws UsageException {
        String v = o.get(name);
        if (v == null) {
            throw new UsageException("grade: " + name + " is required");
        }
        return v;
    }

    private static int positiveInt(Map<String, String> o, String name, int dflt) throws UsageException {
        String v = o.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number >= 1, got '" + v + "'");
        }
    }
}
