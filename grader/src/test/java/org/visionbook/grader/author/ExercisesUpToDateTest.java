package org.visionbook.grader.author;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visionbook.grader.notebook.Notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's exercises/ is exactly what {@code generate} makes from solutions/, byte for
 * byte, and holds nothing else. Tagged {@code course-notebooks} (run by default; see grader/pom.xml);
 * it fails, rather than passes, when solutions/ or exercises/ is missing.
 */
@Tag("course-notebooks")
class ExercisesUpToDateTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void exercisesAreExactlyWhatGenerateMakesFromSolutions() throws Exception {
        Path solutions = ROOT.resolve("solutions");
        Path exercises = ROOT.resolve("exercises");
        assertTrue(Files.isDirectory(solutions), "no solutions/ folder at " + solutions);
        List<Path> sources = ExerciseGenerator.notebooksIn(solutions);
        for (Path solution : sources) {
            Path exercise = exercises.resolve(solution.getFileName());
            assertTrue(Files.exists(exercise), exercise + " is missing: run `visionbook generate`");
            String expected = ExerciseGenerator.studentVersion(Notebook.read(solution), solution.toString()).toJsonText();
            assertEquals(expected, Files.readString(exercise), exercise + " is out of date: run `visionbook generate`");
        }
        try (Stream<Path> s = Files.list(exercises)) {
            List<String> extra = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
                    .filter(n -> !Files.exists(solutions.resolve(n))).toList();
            assertEquals(List.of(), extra, "exercises without a solution (exercises/ is generated, never edited by hand)");
        }
    }
}
