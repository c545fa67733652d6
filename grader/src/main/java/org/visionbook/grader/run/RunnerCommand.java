package org.visionbook.grader.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line that runs one notebook in a fresh JVM: the runner's main class, its arguments
 * (with placeholders filled in per run), the class path and the JVM's limits.
 *
 * <p>Placeholders in {@link #arguments()}: {@code {notebook}} (input), {@code {output}} (the
 * executed notebook to write), {@code {workDir}}, {@code {cellTimeoutSeconds}},
 * {@code {maxOutputBytes}}.
 */
public record RunnerCommand(String mainClass, List<String> arguments, String classPath) {

    /**
     * THE place where the grader meets the kernel module's headless runner (the same evaluation
     * engine as the Jupyter kernel). The runner must: read the notebook before running any cell;
     * run every code cell in order in one JShell; keep going after a cell fails; stop a cell that
     * runs past the cell timeout and go on; cap each cell's output; keep cell ids; and write nbformat
     * 4.5 outputs (stream, display_data, execute_result, error) to the output path - ideally after
     * every cell, so a run cut short still shows what happened.
     */
    public static final RunnerCommand DEFAULT = new RunnerCommand(
            "org.visionbook.kernel.NotebookRunner",
            List.of("--allow-errors",
                    "--cell-timeout", "{cellTimeoutSeconds}",
                    "--max-output-bytes", "{maxOutputBytes}",
                    "--output", "{output}",
                    "{notebook}"),
            null);

    public RunnerCommand {
        Objects.requireNonNull(mainClass, "mainClass");
        arguments = List.copyOf(arguments);
    }

    /** The same command with a different main class (tests use a stand-in). */
    public RunnerCommand withMainClass(String main) {
        return new RunnerCommand(main, arguments, classPath);
    }

    /** The same command with an explicit class path (default: this JVM's own). */
    public RunnerCommand withClassPath(String cp) {
        return new RunnerCommand(mainClass, arguments, cp);
    }

    /**
     * The class path the child JVM gets: the configured one, else this JVM's, with every entry
     * made absolute (the child runs in another working directory).
     */
    public String effectiveClassPath() {
        String cp = classPath != null ? classPath : System.getProperty("java.class.path");
        List<String> absolute = new ArrayList<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                absolute.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, absolute);
    }

    /** The full command line for {@code request}. */
    public List<String> commandLine(ExecutionRequest request) {
        ExecutionLimits l = request.limits();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + l.heapBytes());
        cmd.add("-Dorg.bytedeco.javacpp.maxbytes=" + l.offHeapBytes());
        cmd.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + l.physicalBytes());
        cmd.add("-XX:MaxDirectMemorySize=" + l.offHeapBytes());
        // one GC thread and no JIT tiers beyond C1 would save CPU, but students' training cells
        // need the full JIT; the serial GC keeps the thread count down when --jobs runs several
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(effectiveClassPath());
        cmd.add(mainClass);
        for (String a : arguments) {
            cmd.add(a.replace("{notebook}", request.notebook().toString())
                    .replace("{output}", request.executedNotebook().toString())
                    .replace("{workDir}", request.workingDirectory().toString())
                    .replace("{cellTimeoutSeconds}", Long.toString(Math.max(1, l.cellTimeout().toSeconds())))
                    .replace("{maxOutputBytes}", Long.toString(l.outputBytes())));
        }
        return cmd;
    }
}
