package org.visionbook.kernel.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.kernel.engine.Engine;
import org.visionbook.kernel.engine.EngineConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookRunnerTest {

    static Engine engine;
    static final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        engine = Engine.start(EngineConfig.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** A notebook with the given code cells (and a markdown cell first), as nbformat 4.5 JSON. */
    static JsonObject notebook(String... codeCells) {
        JsonObject nb = new JsonObject();
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        nb.add("metadata", new JsonObject());
        JsonArray cells = new JsonArray();
        JsonObject md = new JsonObject();
        md.addProperty("cell_type", "markdown");
        md.addProperty("id", "intro");
        md.add("metadata", new JsonObject());
        md.addProperty("source", "# Title");
        cells.add(md);
        int i = 0;
        for (String code : codeCells) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.addProperty("id", "c" + (++i));
            cell.add("metadata", new JsonObject());
            cell.addProperty("source", code);
            cell.add("outputs", new JsonArray());
            cell.add("execution_count", null);
            cells.add(cell);
        }
        nb.add("cells", cells);
        return nb;
    }

    static NotebookRunner.Report run(JsonObject nb, boolean allowErrors, Duration timeout) {
        return NotebookRunner.execute(nb, "test.ipynb", engine, new NotebookRunner.Options(allowErrors,
                Optional.ofNullable(timeout), new PrintStream(progress, true, StandardCharsets.UTF_8)));
    }

    static JsonArray outputs(JsonObject nb, int cell) {
        return nb.getAsJsonArray("cells").get(cell).getAsJsonObject().getAsJsonArray("outputs");
    }

    @Test
    void runsCodeCellsInOrderAndRecordsStreamsResultsAndDisplaysAsJupyterDoes() {
        JsonObject nb = notebook(
                "System.out.print(\"a\");\nSystem.out.println(\"b\");\nint x = 2;",
                "String id = display(\"shown\");\nupdateDisplay(id, \"updated\");\nx * 21",
                "   ");
        NotebookRunner.Report report = run(nb, false, null);
        assertTrue(report.succeeded());
        assertEquals(2, report.executed());

        JsonArray first = outputs(nb, 1);
        assertEquals(1, first.size(), "consecutive prints are one stream output");
        assertEquals("ab\n", first.get(0).getAsJsonObject().get("text").getAsString());

        JsonArray second = outputs(nb, 2);
        assertEquals("display_data", second.get(0).getAsJsonObject().get("output_type").getAsString());
        assertEquals("updated", second.get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString());
        JsonObject result = second.get(1).getAsJsonObject();
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals("42", result.getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(2, result.get("execution_count").getAsInt());

        JsonObject blank = nb.getAsJsonArray("cells").get(3).getAsJsonObject();
        assertTrue(blank.get("execution_count").isJsonNull(), "blank cells are not executed, as in nbclient");
        assertEquals("java", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
        assertEquals("java", nb.getAsJsonObject("metadata").getAsJsonObject("language_info").get("name").getAsString());
    }

    @Test
    void stopsAtTheFirstErrorAndLeavesLaterCellsUnexecuted() {
        JsonObject nb = notebook("int ok = 1;", "throw new IllegalStateException(\"boom\");", "System.out.println(\"never\");");
        NotebookRunner.Report report = run(nb, false, null);
        assertFalse(report.succeeded());
        assertEquals(Optional.of(3), report.failedCell());
        JsonObject error = outputs(nb, 2).get(0).getAsJsonObject();
        assertEquals("error", error.get("output_type").getAsString());
        assertEquals("IllegalStateException", error.get("ename").getAsString());
        assertEquals("boom", error.get("evalue").getAsString());
        assertEquals(0, outputs(nb, 3).size());
        assertTrue(nb.getAsJsonArray("cells").get(3).getAsJsonObject().get("execution_count").isJsonNull());
    }

    @Test
    void theFailingCellIsNamedByItsPositionItsCodeCellNumberItsExecutionCountAndItsFirstLine() {
        JsonObject nb = notebook("int a = 1;", "  ", "\n// the culprit\nint b = a / 0;");
        NotebookRunner.Report report = run(nb, false, null);
        NotebookRunner.CellPosition at = report.failedAt().orElseThrow();
        assertEquals(new NotebookRunner.CellPosition(4, 4, 3, 2, "// the culprit"), at);
        assertEquals("cell 4 of 4 (code cell 3, In [2]): \"// the culprit\"", at.describe());
        assertEquals(Optional.of(4), report.failedCell());
    }

    @Test
    void checkpointsShowEachCellStartingRunningAndEndingAndTheFinishedNotebookHasNoRunningMark() {
        JsonObject nb = notebook("System.out.println(\"first\");",
                "System.out.println(\"working\");\nThread.sleep(" + (NotebookRunner.CHECKPOINT_INTERVAL.toMillis() * 2 + 500) + ");",
                "42");
        JsonObject stale = new JsonObject();
        stale.addProperty("output_type", "stream");
        stale.addProperty("name", "stdout");
        stale.addProperty("text", "from an earlier run");
        nb.getAsJsonArray("cells").get(3).getAsJsonObject().getAsJsonArray("outputs").add(stale);
        List<JsonObject> snapshots = new java.util.concurrent.CopyOnWriteArrayList<>();
        NotebookRunner.Report report = NotebookRunner.execute(nb, "test.ipynb", engine, new NotebookRunner.Options(false,
                Optional.empty(), new PrintStream(progress, true, StandardCharsets.UTF_8), snapshots::add));
        assertTrue(report.succeeded());
        assertTrue(snapshots.stream().anyMatch(s -> running(s, 2) && !running(s, 1) && text(s, 1).equals("first\n")
                        && text(s, 2).equals("working\n")),
                "while cell 2 sleeps, a snapshot holds cell 1's output and what cell 2 printed so far, cell 2 marked running");
        assertTrue(snapshots.stream().noneMatch(s -> NotebookFiles.toJson(s).contains("from an earlier run")),
                "no snapshot shows outputs of an earlier run");
        JsonObject last = snapshots.get(snapshots.size() - 1);
        assertEquals(NotebookFiles.toJson(nb), NotebookFiles.toJson(last), "the last snapshot is the finished notebook");
        for (int cell = 1; cell <= 3; cell++) {
            assertFalse(nb.getAsJsonArray("cells").get(cell).getAsJsonObject().getAsJsonObject("metadata")
                    .has(NotebookRunner.RUNNING_KEY), "no running mark is left on cell " + cell);
        }
        int firstRunning3 = -1;
        for (int i = 0; i < snapshots.size(); i++) {
            if (running(snapshots.get(i), 3)) {
                firstRunning3 = i;
                break;
            }
        }
        assertTrue(firstRunning3 > 0 && outputs(snapshots.get(firstRunning3), 3).isEmpty()
                && snapshots.get(firstRunning3).getAsJsonArray("cells").get(3).getAsJsonObject().get("execution_count").getAsInt() == 3,
                "a cell is saved as running, with its execution count, before it runs");
    }

    @Test
    void aCheckpointThatFailsIsReportedOnceAndTheRunGoesOn() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JsonObject nb = notebook("1", "2");
        NotebookRunner.Report report = NotebookRunner.execute(nb, "test.ipynb", engine, new NotebookRunner.Options(false,
                Optional.empty(), new PrintStream(log, true, StandardCharsets.UTF_8), s -> {
                    throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
                }));
        assertTrue(report.succeeded());
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("progress could not be saved", -1).length - 1, text);
        assertTrue(text.contains("disk full"), text);
    }

    private static boolean running(JsonObject nb, int cell) {
        JsonObject metadata = nb.getAsJsonArray("cells").get(cell).getAsJsonObject().getAsJsonObject("metadata");
        return metadata.has(NotebookRunner.RUNNING_KEY)
                && metadata.getAsJsonObject(NotebookRunner.RUNNING_KEY).has("running");
    }

    private static String text(JsonObject nb, int cell) {
        JsonArray out = outputs(nb, cell);
        return out.isEmpty() ? "" : NotebookFiles.text(out.get(0).getAsJsonObject().get("text"));
    }

    @Test
    void goesOnAfterErrorsWhenAllowed() {
        JsonObject nb = notebook("int[] a = new int[1];\na[5] = 1;", "System.out.println(\"still runs\");");
        NotebookRunner.Report report = run(nb, true, null);
        assertEquals("ArrayIndexOutOfBoundsException", report.error().orElseThrow().name());
        assertEquals("still runs\n", outputs(nb, 2).get(0).getAsJsonObject().get("text").getAsString());
    }

    @Test
    void aCellThatRunsPastTheTimeoutIsStoppedAndReportedAsATimeout() {
        JsonObject nb = notebook("Thread.sleep(60_000);");
        NotebookRunner.Report report = run(nb, false, Duration.ofMillis(500));
        assertEquals("CellTimeout", report.error().orElseThrow().name());
        assertTrue(report.error().orElseThrow().message().contains("code cell 1"));
    }

    @Test
    void anOlderNotebookGetsCellIdsAndBecomesNbformat45() {
        JsonObject nb = notebook("1");
        nb.addProperty("nbformat_minor", 4);
        nb.getAsJsonArray("cells").forEach(c -> c.getAsJsonObject().remove("id"));
        run(nb, false, null);
        assertEquals(5, nb.get("nbformat_minor").getAsInt());
        nb.getAsJsonArray("cells").forEach(c -> assertTrue(c.getAsJsonObject().get("id").getAsString().matches("[0-9a-f]{8}")));
    }

    @Test
    void writesJupytersLayoutSortedKeysSplitLinesOneSpaceIndent() {
        JsonObject nb = notebook("System.out.println(\"one\");\nSystem.out.println(\"two\");");
        run(nb, false, null);
        String json = NotebookFiles.toJson(nb);
        assertTrue(json.contains("\n \"cells\": [\n"), json);
        assertTrue(json.indexOf("\"cells\"") < json.indexOf("\"metadata\""));
        assertTrue(json.contains("\"one\\n\",\n"), json);
        assertTrue(json.endsWith("}\n"));
        JsonObject back = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("System.out.println(\"one\");\n", back.getAsJsonArray("cells").get(1).getAsJsonObject()
                .getAsJsonArray("source").get(0).getAsString());
    }

    @Test
    void aMalformedNotebookIsRefusedWithItsNameAndTheProblem(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.ipynb");
        Files.writeString(broken, "{\"cells\": [");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NotebookFiles.read(broken));
        assertTrue(e.getMessage().contains("broken.ipynb") && e.getMessage().contains("invalid JSON"), e.getMessage());

        Path v3 = dir.resolve("old.ipynb");
        Files.writeString(v3, "{\"nbformat\": 3, \"worksheets\": []}");
        e = assertThrows(IllegalArgumentException.class, () -> NotebookFiles.read(v3));
        assertTrue(e.getMessage().contains("old.ipynb") && e.getMessage().contains("nbformat 4"), e.getMessage());
    }

    @Test
    void splitsLinesAsPythonDoes() {
        assertEquals(List.of("a\n", "b\r\n", "c"), NotebookFiles.splitKeepingEnds("a\nb\r\nc"));
        assertEquals(List.of(), NotebookFiles.splitKeepingEnds(""));
    }
}
