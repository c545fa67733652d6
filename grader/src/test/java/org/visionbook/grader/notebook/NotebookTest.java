package org.visionbook.grader.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookTest {

    static final Path SAMPLE = Path.of("src/test/resources/sample/solutions/sample.ipynb");

    @TempDir
    Path dir;

    @Test
    void aNotebookWrittenByJupytersFormatterComesBackByteForByte() throws Exception {
        String original = Files.readString(SAMPLE);
        assertEquals(original, Notebook.read(SAMPLE).toJsonText());
    }

    @Test
    void unknownFieldsAndMetadataAreKept() throws Exception {
        String json = """
                {"cells": [{"cell_type": "code", "execution_count": 3, "id": "a", "metadata": {"tags": ["x"], "vendor": {"k": 1.5}},
                  "outputs": [{"output_type": "stream", "name": "stdout", "text": ["one\\n", "two"]}], "source": "1 + 1",
                  "attachments": {}}],
                 "metadata": {"kernelspec": {"name": "java"}, "custom": [1, 2]}, "nbformat": 4, "nbformat_minor": 5, "extra": true}
                """;
        Notebook nb = Notebook.parse(json, "test");
        ObjectNode out = nb.toJson();
        assertTrue(out.get("extra").asBoolean());
        assertEquals(2, out.get("metadata").get("custom").size());
        ObjectNode cell = (ObjectNode) out.get("cells").get(0);
        assertEquals("x", cell.get("metadata").get("tags").get(0).asText());
        assertEquals(1.5, cell.get("metadata").get("vendor").get("k").asDouble());
        assertTrue(cell.has("attachments"));
        assertEquals("one\ntwo", nb.cells().get(0).outputs().get(0).get("text").asText(), "stream text lists are joined");
        assertEquals(nb, Notebook.parse(nb.toJsonText(), "again"), "write then read gives the same notebook");
    }

    @Test
    void malformedJsonIsReportedWithFileLineAndColumn() {
        NotebookFormatException e = assertThrows(NotebookFormatException.class,
                () -> Notebook.parse("{\"cells\": [\n  {\"cell_type\": \"code\",,}]}", "alice.ipynb"));
        assertTrue(e.getMessage().startsWith("alice.ipynb: not valid JSON at line 2"), e.getMessage());
    }

    @Test
    void structuralProblemsNameTheCell() {
        String badType = "{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"\"},"
                + " {\"cell_type\": \"python\", \"metadata\": {}, \"source\": \"\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        NotebookFormatException e = assertThrows(NotebookFormatException.class, () -> Notebook.parse(badType, "nb"));
        assertTrue(e.getMessage().contains("nb: cell 1: cell_type must be code, markdown or raw"), e.getMessage());

        String noOutputs = "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"\", \"execution_count\": null}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        e = assertThrows(NotebookFormatException.class, () -> Notebook.parse(noOutputs, "nb"));
        assertTrue(e.getMessage().contains("cell 0: a code cell needs an outputs array"), e.getMessage());

        e = assertThrows(NotebookFormatException.class, () -> Notebook.parse("{\"nbformat\": 3, \"cells\": []}", "old"));
        assertTrue(e.getMessage().contains("not an nbformat 4 notebook"), e.getMessage());
    }

    @Test
    void badNbgraderMetadataIsRefused() {
        String json = "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {\"nbgrader\": {\"grade\": true, \"grade_id\": \"t\", \"points\": 0}},"
                + " \"source\": \"\", \"execution_count\": null, \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        NotebookFormatException e = assertThrows(NotebookFormatException.class, () -> Notebook.parse(json, "nb"));
        assertTrue(e.getMessage().contains("graded cell t needs points > 0"), e.getMessage());
    }

    @Test
    void cellsWithoutIdsGetStableIdsFromTheirGradeIdOrPosition() throws Exception {
        String json = "{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"a\"},"
                + "{\"cell_type\": \"code\", \"metadata\": {\"nbgrader\": {\"grade_id\": \"my ex\", \"solution\": true}}, \"source\": \"\","
                + " \"execution_count\": null, \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 4}";
        Notebook nb = Notebook.parse(json, "nb").withCellIds();
        assertEquals(List.of("cell-0", "my-ex"), nb.cells().stream().map(c -> c.id().orElseThrow()).toList());
        assertEquals(5, nb.formatMinor());
    }

    @Test
    void writingIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        Path target = dir.resolve("out.ipynb");
        Files.writeString(target, "old content");
        Notebook.read(SAMPLE).write(target);
        assertEquals(Files.readString(SAMPLE), Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void floatsAreWrittenAsPythonWritesThem() {
        assertEquals("1.0", NotebookJson.pythonFloat(1.0));
        assertEquals("0.5", NotebookJson.pythonFloat(0.5));
        assertEquals("0.0001", NotebookJson.pythonFloat(1e-4));
        assertEquals("1e-05", NotebookJson.pythonFloat(1e-5));
        assertEquals("1e+16", NotebookJson.pythonFloat(1e16));
        assertEquals("1234567.0", NotebookJson.pythonFloat(1234567.0));
        assertEquals("-2.5e-07", NotebookJson.pythonFloat(-2.5e-7));
    }

    @Test
    void linesKeepTheirEnds() {
        assertEquals(List.of("a\n", "b\r\n", "c"), NotebookJson.splitLines("a\nb\r\nc"));
        assertEquals(List.of(), NotebookJson.splitLines(""));
    }
}
