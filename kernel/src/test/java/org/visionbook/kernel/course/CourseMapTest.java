package org.visionbook.kernel.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visionbook.kernel.runner.NotebookFiles;

/**
 * The course map in README.md and the one in chapter 00 tell the truth about the repository: a
 * chapter is marked {@code ready} exactly when its notebook {@code notebooks/NN-name.ipynb} is
 * there, both maps list the same chapters in the same state, and chapter 00's exercises column says
 * {@code yes} exactly when {@code exercises/NN-name.ipynb} is there. Adding a chapter means flipping
 * its row in both maps; nothing here names a chapter.
 */
class CourseMapTest {

    /** A course-map row: | NN | ... | state | (README) or | NN | ... | state | exercises | (chapter 00). */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d\\d)\\s*\\|(.*)\\|\\s*$");
    private static final Set<String> STATES = Set.of("ready", "planned");

    private static Path root;

    @BeforeAll
    static void locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null
                && !(Files.isDirectory(dir.resolve("notebooks")) && Files.isRegularFile(dir.resolve("README.md")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("no notebooks/ folder next to a README.md in " + Path.of("").toAbsolutePath() + " or above it");
        }
        root = dir;
    }

    private record Row(String number, List<String> cells) {
        String last(int fromEnd) {
            return cells.get(cells.size() - 1 - fromEnd).trim();
        }
    }

    /** The rows of the first table whose rows start with a two-digit chapter number. */
    private static Map<String, Row> courseMap(String text, String where) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                List<String> cells = List.of(m.group(2).split("\\|", -1));
                if (rows.put(m.group(1), new Row(m.group(1), cells)) != null) {
                    fail(where + ": chapter " + m.group(1) + " has two rows in the course map");
                }
            }
        }
        assertFalse(rows.isEmpty(), where + " has no course map (rows like '| 04 | ... | ready |')");
        return rows;
    }

    private static Optional<Path> chapterFile(String folder, String number) throws IOException {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(number + "-.+\\.ipynb")).findFirst();
        }
    }

    private static Map<String, String> notebooks() throws IOException {
        Map<String, String> byNumber = new TreeMap<>();
        try (Stream<Path> files = Files.list(root.resolve("notebooks"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d-.+\\.ipynb"))
                    .forEach(n -> byNumber.put(n.substring(0, 2), n));
        }
        return byNumber;
    }

    private static String chapter00Text() throws IOException {
        Path welcome = chapterFile("notebooks", "00")
                .orElseThrow(() -> new AssertionError("notebooks/00-*.ipynb is missing"));
        JsonObject nb = NotebookFiles.read(welcome);
        StringBuilder text = new StringBuilder();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if ("markdown".equals(c.get("cell_type").getAsString())) {
                text.append(NotebookFiles.text(c.get("source"))).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void readmeMarksAChapterReadyExactlyWhenItsNotebookIsThere() throws IOException {
        Map<String, Row> map = courseMap(Files.readString(root.resolve("README.md")), "README.md");
        checkReadyRows(map, "README.md", 0);
        for (Row row : map.values()) {
            if (row.last(0).equals("ready")) {
                String slug = row.cells().get(0).trim();
                String file = notebooks().get(row.number());
                assertEquals(row.number() + "-" + slug + ".ipynb", file, "README.md's row " + row.number()
                        + " names chapter '" + slug + "' but the notebook is " + file);
            }
        }
    }

    @Test
    void chapter00MarksReadyChaptersAndExercisesExactlyAsTheRepositoryHasThem() throws IOException {
        Map<String, Row> map = courseMap(chapter00Text(), "notebooks/00 (markdown)");
        checkReadyRows(map, "chapter 00's course map", 1);
        List<String> wrong = new ArrayList<>();
        for (Row row : map.values()) {
            String marked = row.last(0);
            if (!marked.equals("yes") && !marked.equals("no")) {
                wrong.add(row.number() + ": exercises column says '" + marked + "', not yes or no");
                continue;
            }
            boolean present = chapterFile("exercises", row.number()).isPresent();
            if (present != marked.equals("yes")) {
                wrong.add(row.number() + ": exercises column says " + marked + " but exercises/" + row.number()
                        + "-*.ipynb is "
                        + (present ? "there" : "missing"));
            }
        }
        assertTrue(wrong.isEmpty(), "chapter 00's course map: " + wrong);
    }

    @Test
    void bothMapsListTheSameChaptersInTheSameState() throws IOException {
        Map<String, Row> readme = courseMap(Files.readString(root.resolve("README.md")), "README.md");
        Map<String, Row> welcome = courseMap(chapter00Text(), "chapter 00");
        assertEquals(readme.keySet(), welcome.keySet(), "the chapters listed in README.md and in chapter 00");
        for (String n : readme.keySet()) {
            assertEquals(readme.get(n).last(0), welcome.get(n).last(1), "state of chapter " + n
                    + " in README.md and chapter 00");
        }
    }

    /** Every row's state (column {@code fromEnd} from the right) is known, and ready means its notebook is there. */
    private static void checkReadyRows(Map<String, Row> map, String where, int fromEnd) throws IOException {
        Map<String, String> present = notebooks();
        List<String> wrong = new ArrayList<>();
        for (Row row : map.values()) {
            String state = row.last(fromEnd);
            if (!STATES.contains(state)) {
                wrong.add(row.number() + ": state '" + state + "' is not one of " + STATES);
            } else if (state.equals("ready") != present.containsKey(row.number())) {
                wrong.add(row.number() + ": marked " + state + " but notebooks/" + row.number() + "-*.ipynb is "
                        + (present.containsKey(row.number()) ? "there" : "missing"));
            }
        }
        for (String n : present.keySet()) {
            if (!map.containsKey(n)) {
                wrong.add(n + ": notebooks/" + present.get(n) + " is there but has no row");
            }
        }
        assertTrue(wrong.isEmpty(), where + ": " + wrong);
    }
}
