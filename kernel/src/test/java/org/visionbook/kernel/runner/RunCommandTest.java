package org.visionbook.kernel.runner;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    PrintStream err() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, String... cells) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, NotebookFiles.toJson(NotebookRunnerTest.notebook(cells)));
        return file;
    }

    @Test
    void outputDirLeavesTheInputUntouchedAndReportsProgress(@TempDir Path dir) throws Exception {
        Path input = write(dir, "nb.ipynb", "System.out.println(\"hi\");", "1 + 1");
        String before = Files.readString(input);
        RunCommand.Arguments args = RunCommand.parse(List.of(input.toString(), "--output", dir.resolve("out").toString()));
        int status = RunCommand.runHere(List.of(input.toAbsolutePath()), args, out(), err());
        assertEquals(0, status, err.toString());
        assertEquals(before, Files.readString(input));
        JsonObject result = NotebookFiles.read(dir.resolve("out/nb.ipynb"));
        assertEquals("2", NotebookFiles.text(result.getAsJsonArray("cells").get(2).getAsJsonObject()
                .getAsJsonArray("outputs").get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain")));
        String progress = out.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("cell 1/2") && progress.contains("cell 2/2") && progress.contains("done"), progress);
    }

    @Test
    void inplaceKeepsTheNotebookWhenACellFailsAndWritesTheFailedRunBesideIt(@TempDir Path dir) throws Exception {
        Path input = write(dir, "fails.ipynb", "int x = \"no\";");
        String before = Files.readString(input);
        RunCommand.Arguments args = RunCommand.parse(List.of(input.toString(), "--inplace"));
        int status = RunCommand.runHere(List.of(input.toAbsolutePath()), args, out(), err());
        assertEquals(1, status);
        assertEquals(before, Files.readString(input), "a failed run must not overwrite the user's notebook");
        String failed = Files.readString(dir.resolve("fails.failed.ipynb"));
        assertTrue(failed.contains("\"ename\": \"CompileError\""), failed);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left next to the notebook");
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(
                "FAILED at cell 2 of 2 (code cell 1, In [1]): \"int x = \"no\";\" with CompileError"), out.toString());
        assertFalse(Files.exists(dir.resolve("fails.partial.ipynb")), "the progress file is gone once the run ends");
    }

    @Test
    void inplaceRewritesTheNotebookAfterACleanRun(@TempDir Path dir) throws Exception {
        Path input = write(dir, "works.ipynb", "6 * 7");
        RunCommand.Arguments args = RunCommand.parse(List.of(input.toString(), "--inplace"));
        assertEquals(0, RunCommand.runHere(List.of(input.toAbsolutePath()), args, out(), err()));
        assertTrue(Files.readString(input).contains("42"), Files.readString(input));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(input), files.toList(), "no progress or temporary file is left");
        }
    }

    @Test
    void writtenNotebooksHonourTheUmaskAndAReplacedFileKeepsItsPermissions(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "made the ordinary way");
        Path input = write(dir, "nb.ipynb", "1 + 1");
        RunCommand.Arguments args = RunCommand.parse(List.of(input.toString(), "--output", dir.resolve("out").toString()));
        assertEquals(0, RunCommand.runHere(List.of(input.toAbsolutePath()), args, out(), err()), err.toString());
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("out/nb.ipynb"))),
                "a new notebook gets the permissions of any new file (the umask applies)");

        Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rw-r-----"));
        RunCommand.Arguments inplace = RunCommand.parse(List.of(input.toString(), "--inplace"));
        assertEquals(0, RunCommand.runHere(List.of(input.toAbsolutePath()), inplace, out(), err()), err.toString());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(input)),
                "a notebook written in place keeps its permissions");
    }

    @Test
    void aRunKilledFromOutsideLeavesTheOutputsOfTheCellsBeforeAndTheUsersNotebookUntouched(@TempDir Path dir) throws Exception {
        Path input = write(dir, "slow.ipynb", "System.out.println(\"before the kill\");", "Thread.sleep(600_000);");
        String before = Files.readString(input);
        Path partial = dir.resolve("slow.partial.ipynb");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.visionbook.kernel.Main", "run", input.toString(), "--inplace");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(partial) && NotebookFiles.read(partial).getAsJsonArray("cells").get(2).getAsJsonObject()
                    .getAsJsonObject("metadata").has(NotebookRunner.RUNNING_KEY))) {
                assertTrue(p.isAlive(), "the runner ended early: " + Files.readString(dir.resolve("log.txt")));
                assertTrue(System.nanoTime() < deadline, "no progress saved within 120 s: " + Files.readString(dir.resolve("log.txt")));
                Thread.sleep(100);
            }
        } finally {
            p.destroyForcibly().waitFor();
        }
        assertEquals(before, Files.readString(input), "the user's notebook is never replaced by a partial run");
        JsonObject saved = NotebookFiles.read(partial);
        JsonObject first = saved.getAsJsonArray("cells").get(1).getAsJsonObject();
        assertEquals("before the kill\n", NotebookFiles.text(first.getAsJsonArray("outputs").get(0).getAsJsonObject().get("text")));
        JsonObject second = saved.getAsJsonArray("cells").get(2).getAsJsonObject();
        assertEquals(2, second.get("execution_count").getAsInt());
        assertTrue(second.getAsJsonObject("metadata").getAsJsonObject(NotebookRunner.RUNNING_KEY).get("running").getAsBoolean());
    }

    @Test
    void aMalformedNotebookIsReportedByNameAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.ipynb");
        Files.writeString(broken, "not json");
        RunCommand.Arguments args = RunCommand.parse(List.of(broken.toString(), "--output", dir.resolve("out").toString()));
        assertEquals(1, RunCommand.runHere(List.of(broken.toAbsolutePath()), args, out(), err()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("broken.ipynb"), err.toString());
        assertFalse(Files.exists(dir.resolve("out/broken.ipynb")));
        assertEquals("not json", Files.readString(broken));
    }

    @Test
    void badArgumentsAreExplained(@TempDir Path dir) throws Exception {
        Path nb = write(dir, "a.ipynb", "1");
        assertThrows(IllegalArgumentException.class, () -> RunCommand.parse(List.of(nb.toString())));
        assertThrows(IllegalArgumentException.class, () -> RunCommand.parse(List.of(nb.toString(), "--inplace", "--output", "x")));
        assertThrows(IllegalArgumentException.class, () -> RunCommand.parse(List.of("missing.ipynb", "--inplace")));
        assertThrows(IllegalArgumentException.class, () -> RunCommand.parse(List.of(nb.toString(), "--inplace", "--timeout", "soon")));
        assertEquals(2, RunCommand.main(List.of(nb.toString()), out(), err()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: visionbook run"));
    }

    @Test
    void notebooksInAnotherFolderRunWithThatFolderAsWorkingDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data.txt"), "read relative to the notebook");
        Path nb = write(dir, "reads.ipynb", "Files.readString(Path.of(\"data.txt\"))");
        int status = RunCommand.main(List.of(nb.toString(), "--inplace"), out(), err());
        assertEquals(0, status, err.toString());
        assertTrue(Files.readString(nb).contains("read relative to the notebook"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("cell 1/1"), "the child's progress is passed on");
    }
}
