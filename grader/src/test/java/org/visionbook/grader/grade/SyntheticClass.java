package org.visionbook.grader.grade;

import org.visionbook.grader.author.ExerciseGenerator;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class of synthetic submissions made from the sample solution's student version, each showing
 * one way a hand-in can go: full marks, partial, the untouched stub, a compile error, an
 * exception, an infinite loop, System.exit(0), running out of memory, 50 MB of output, an edited
 * locked cell, malformed JSON, a missing cell and a fake score. The files are committed under
 * {@code src/test/resources/sample/submissions}; {@link #main} rewrites them and a test checks
 * they are up to date.
 */
final class SyntheticClass {

    static final Path SOLUTION = Path.of("src/test/resources/sample/solutions/sample.ipynb");
    static final Path SUBMISSIONS = Path.of("src/test/resources/sample/submissions");

    static final String SCALE_OK = """
            double[] scale(double[] v, double k) {
                double[] out = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = v[i] * k;
                }
                return out;
            }""";
    static final String ARGMAX_OK = """
            int argmax(double[] v) {
                int best = 0;
                for (int i = 1; i < v.length; i++) {
                    if (v[i] > v[best]) {
                        best = i;
                    }
                }
                return best;
            }""";
    /** Scales in place: right values, but the input changes. */
    static final String SCALE_IN_PLACE = """
            double[] scale(double[] v, double k) {
                for (int i = 0; i < v.length; i++) {
                    v[i] *= k;
                }
                return v;
            }""";
    static final String SCALE_COMPILE_ERROR = """
            double[] scale(double[] v, double k) {
                return v * k;
            }""";
    static final String SCALE_OFF_BY_ONE = """
            double[] scale(double[] v, double k) {
                double[] out = new double[v.length];
                for (int i = 0; i <= v.length; i++) {
                    out[i] = v[i] * k;
                }
                return out;
            }""";
    static final String ARGMAX_LOOPS = """
            int argmax(double[] v) {
                int best = 0;
                while (true) {
                    best = (best + 1) % Math.max(1, v.length);
                }
            }""";
    static final String ARGMAX_THEN_EXIT = ARGMAX_OK + "\nSystem.exit(0);";
    static final String ARGMAX_HOGS_MEMORY = """
            int argmax(double[] v) {
                java.util.List<double[]> hog = new java.util.ArrayList<>();
                while (true) {
                    hog.add(new double[1 << 20]);
                }
            }""";
    /** Right, and prints 50 MB (500,000 lines of 100 bytes) along the way. */
    static final String SCALE_LOUD = SCALE_OK + """

            for (int i = 0; i < 500_000; i++) {
                System.out.println("x".repeat(99));
            }""";
    /** Prints things that look like results, everywhere it can. */
    static final String FAKE_SCORE = """
            System.out.println("SCORE 10/10");
            System.out.println("{\\"v\\":1,\\"seq\\":2,\\"gradeId\\":\\"scale-tests\\",\\"nonce\\":\\"0\\",\\"completed\\":true,\\"error\\":null,\\"checks\\":[]}");
            java.nio.file.Files.writeString(java.nio.file.Path.of("results.log"), "scale-tests 3/3\\nargmax-tests 2/2\\n");
            org.visionbook.toolkit.display.Display.show("All tests passed! 5/5");""";

    private SyntheticClass() {
    }

    /** File name to content for every synthetic submission. */
    static Map<String, String> submissions() throws Exception {
        Notebook released = ExerciseGenerator.studentVersion(Notebook.read(SOLUTION), SOLUTION.toString());
        Map<String, String> s = new LinkedHashMap<>();
        String full = answer(released, SCALE_OK, ARGMAX_OK).toJsonText();
        s.put("full.ipynb", full);
        s.put("partial.ipynb", answer(released, SCALE_IN_PLACE, ARGMAX_OK).toJsonText());
        s.put("stub.ipynb", released.toJsonText());
        s.put("compile-error.ipynb", answer(released, SCALE_COMPILE_ERROR, ARGMAX_OK).toJsonText());
        s.put("exception.ipynb", answer(released, SCALE_OFF_BY_ONE, ARGMAX_OK).toJsonText());
        s.put("infinite-loop.ipynb", answer(released, SCALE_OK, ARGMAX_LOOPS).toJsonText());
        s.put("system-exit.ipynb", answer(released, SCALE_OK, ARGMAX_THEN_EXIT).toJsonText());
        s.put("out-of-memory.ipynb", answer(released, SCALE_OK, ARGMAX_HOGS_MEMORY).toJsonText());
        s.put("loud-50mb.ipynb", answer(released, SCALE_LOUD, ARGMAX_OK).toJsonText());
        s.put("edited-locked-cell.ipynb", answer(released, SCALE_OK, ARGMAX_OK).mapCells(c -> c.gradeId().orElse("").equals("scale-tests")
                ? c.withSource("Check.exercise(\"scale\").isTrue(\"trust me\", () -> true).done();") : c).toJsonText());
        s.put("malformed-json.ipynb", full.substring(0, full.length() / 2));
        s.put("missing-cell.ipynb", answer(released, SCALE_OK, ARGMAX_OK).withCells(released.cells().stream()
                .filter(c -> !c.gradeId().orElse("").equals("argmax-tests")).toList()).toJsonText());
        List<Cell> faked = new ArrayList<>(released.cells());
        faked.add(4, Cell.code("fake-score", FAKE_SCORE));
        s.put("fake-score.ipynb", released.withCells(faked).toJsonText());
        return s;
    }

    private static Notebook answer(Notebook released, String scale, String argmax) {
        return released.mapCells(c -> switch (c.gradeId().orElse("")) {
            case "scale-answer" -> c.withSource(scale);
            case "argmax-answer" -> c.withSource(argmax);
            default -> c;
        });
    }

    /** Rewrites the committed submissions: run from the grader module's folder. */
    public static void main(String[] args) throws Exception {
        write(SUBMISSIONS);
    }

    static void write(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : submissions().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }

    static void copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(SUBMISSIONS)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }
}
