package org.visionbook.grader.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessNotebookExecutorTest {

    static final RunnerCommand STAND_IN = RunnerCommand.DEFAULT.withMainClass(StandInRunner.class.getName());

    @TempDir
    Path dir;

    private ExecutionRequest request(ExecutionLimits limits, String... cells) throws Exception {
        Notebook nb = Notebook.empty();
        List<Cell> list = new java.util.ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            list.add(Cell.code("c" + i, cells[i]));
        }
        Path work = Files.createDirectories(dir.resolve("work")).toRealPath();
        Path in = work.resolve("in.ipynb");
        nb.withCells(list).write(in);
        return new ExecutionRequest(in, Files.createDirectories(dir.resolve("out")).resolve("in.ipynb"), work, limits);
    }

    /** Generous times: these tests are about what happens, not how fast, on a machine that may be busy. */
    private static ExecutionLimits quick() {
        return ExecutionLimits.defaults().withHeapBytes(256L << 20).withCellTimeout(Duration.ofSeconds(60))
                .withTotalTimeout(Duration.ofSeconds(600));
    }

    @Test
    void theCommandLineCarriesEveryLimitAndFillsThePlaceholders() throws Exception {
        ExecutionRequest r = request(quick().withOffHeapBytes(512L << 20).withOutputBytes(4096), "1");
        List<String> cmd = STAND_IN.commandLine(r);
        List<String> shown = cmd.stream().filter(a -> !a.contains(java.io.File.pathSeparator)).toList();
        assertTrue(cmd.contains("-Xmx" + (256L << 20)), shown.toString());
        assertTrue(cmd.contains("-Dorg.bytedeco.javacpp.maxbytes=" + (512L << 20)), shown.toString());
        assertTrue(cmd.contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + ((256L + 512 + 512) << 20)), shown.toString());
        assertTrue(cmd.contains("-Dvisionbook.maxOutputBytes=4096"), shown.toString());
        assertTrue(cmd.contains("-XX:+UseSerialGC") && cmd.contains("-XX:TieredStopAtLevel=1"), shown.toString());
        assertEquals(List.of(StandInRunner.class.getName(), "run", r.notebook().toString(), "--output",
                r.executedNotebook().getParent().toString(), "--allow-errors", "--timeout", "60"),
                cmd.subList(cmd.indexOf(StandInRunner.class.getName()), cmd.size()));
        assertFalse(cmd.stream().anyMatch(a -> a.contains("{")), "no placeholder left: " + shown);
    }

    @Test
    void aNotebookRunsInItsOwnProcessAndItsOutputsComeBack() throws Exception {
        ExecutionRequest r = request(quick(), "System.out.println(\"cwd \" + java.nio.file.Path.of(\"\").toAbsolutePath());",
                "int x = 6 * 7;", "x");
        ExecutionResult result = new ProcessNotebookExecutor(STAND_IN).execute(r);
        assertEquals(ExecutionResult.Termination.EXITED, result.termination(), result.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        Notebook executed = Notebook.read(r.executedNotebook());
        String printed = executed.cells().get(0).outputs().get(0).get("text").asText();
        assertEquals("cwd " + r.workingDirectory(), printed.strip(), "runs in the temporary working directory");
        assertEquals("42", executed.cells().get(2).outputs().get(0).path("data").path("text/plain").asText());
    }

    @Test
    void theTotalTimeoutKillsAnInfiniteLoopAndTheProcessesItStarted() throws Exception {
        // a tiny main (no JShell) so the loop surely starts well before the timeout, even on a busy machine
        ExecutionRequest r = request(quick().withTotalTimeout(Duration.ofSeconds(20)), "1");
        RunnerCommand spinner = new RunnerCommand(SpawnAndSpin.class.getName(), java.util.List.of(), java.util.List.of("{workDir}"), null);
        ExecutionResult result = new ProcessNotebookExecutor(spinner).execute(r);
        assertEquals(ExecutionResult.Termination.TIMED_OUT, result.termination(), result.toString());
        Path pidFile = r.workingDirectory().resolve("child.pid");
        assertTrue(Files.exists(pidFile), "the spinner never started its child: " + result);
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the grandchild 'sleep' must be killed");
    }

    /** Starts a child process, writes its pid, then spins forever. */
    public static final class SpawnAndSpin {
        public static void main(String[] args) throws Exception {
            Process child = new ProcessBuilder("sleep", "300").start();
            Files.writeString(Path.of(args[0]).resolve("child.pid"), Long.toString(child.pid()));
            long n = 0;
            while (n >= 0) {
                n++;
            }
        }
    }

    @Test
    void aCellPastTheCellTimeoutIsStoppedAndTheNextCellStillRuns() throws Exception {
        ExecutionRequest r = request(quick().withCellTimeout(Duration.ofSeconds(10)), "while (true) { }", "\"after\"");
        ExecutionResult result = new ProcessNotebookExecutor(STAND_IN).execute(r);
        assertEquals(ExecutionResult.Termination.EXITED, result.termination());
        Notebook executed = Notebook.read(r.executedNotebook());
        assertEquals("error", executed.cells().get(0).outputs().get(0).get("output_type").asText());
        assertEquals("\"after\"", executed.cells().get(1).outputs().get(0).path("data").path("text/plain").asText());
    }

    @Test
    void outputBeyondTheCapIsDroppedButCounted() throws Exception {
        ExecutionRequest r = request(quick().withOutputBytes(64 * 1024),
                "var raw = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);",
                "for (int i = 0; i < 50_000; i++) raw.print(\"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789\\n\");",
                "raw.flush();");
        ExecutionResult result = new ProcessNotebookExecutor(STAND_IN).execute(r);
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.outputTruncated());
        assertTrue(result.outputBytes() >= 5_000_000, "all output is counted: " + result.outputBytes());
        assertTrue(result.stdout().length() < 64 * 1024 + 200, "kept: " + result.stdout().length());
        assertTrue(result.stdout().contains("bytes of output dropped"), "the cut is marked");
    }

    @Test
    void aMissingRunnerClassEndsWithAnExitCodeAndTheJvmsMessage() throws Exception {
        ExecutionRequest r = request(quick(), "1");
        ExecutionResult result = new ProcessNotebookExecutor(STAND_IN.withMainClass("org.example.NoSuchRunner")).execute(r);
        assertEquals(ExecutionResult.Termination.EXITED, result.termination());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("org.example.NoSuchRunner"), result.stderr());
    }
}
