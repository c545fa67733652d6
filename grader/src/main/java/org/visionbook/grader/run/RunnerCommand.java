package org.visionbook.grader.run;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line that runs one notebook in a fresh JVM: JVM options, the runner's main class
 * and its arguments (placeholders filled in per run), the class path, and the limits.
 *
 * <p>Placeholders, in {@link #jvmOptions()} and {@link #arguments()}: {@code {notebook}} (the
 * notebook to run, in the working directory), {@code {output}} (the executed notebook to write)
 * and {@code {outputDir}} (its folder; the file keeps the notebook's name), {@code {workDir}},
 * {@code {cellTimeoutSeconds}}, {@code {maxOutputBytes}}.
 */
public record RunnerCommand(String mainClass, List<String> jvmOptions, List<String> arguments, String classPath) {

    /**
     * THE place where the grader meets the kernel module's headless runner (the same evaluation
     * engine as the Jupyter kernel): {@code visionbook run NOTEBOOK --output DIR --allow-errors
     * --timeout SECONDS}, with the cell output cap as the engine's system property. The runner must:
     * read the notebook before running any cell; run every code cell in order in one engine in this
     * JVM (the notebook sits in the working directory, so it runs in-process); keep going after a
     * cell fails; stop a cell that runs past the timeout and go on; cap each cell's output; keep cell
     * ids; and write nbformat 4.5 outputs to {@code DIR/NOTEBOOK}.
     */
    public static final RunnerCommand DEFAULT = new RunnerCommand(
            "org.visionbook.kernel.Main",
            List.of("-Dvisionbook.maxOutputBytes={maxOutputBytes}"),
            List.of("run", "{notebook}", "--output", "{outputDir}", "--allow-errors", "--timeout", "{cellTimeoutSeconds}"),
            null);

    public RunnerCommand {
        Objects.requireNonNull(mainClass, "mainClass");
        jvmOptions = List.copyOf(jvmOptions);
        arguments = List.copyOf(arguments);
    }

    /** The same command with a different main class (tests use a stand-in). */
    public RunnerCommand withMainClass(String main) {
        return new RunnerCommand(main, jvmOptions, arguments, classPath);
    }

    /** The same command with an explicit class path (default: this JVM's own). */
    public RunnerCommand withClassPath(String cp) {
        return new RunnerCommand(mainClass, jvmOptions, arguments, cp);
    }

    /**
     * The class path the child JVM gets: the configured one, else this JVM's, with every entry
     * made absolute (the child runs in another working directory).
     */
    public String effectiveClassPath() {
        String cp = classPath != null ? classPath : System.getProperty("java.class.path");
        List<String> absolute = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                absolute.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, absolute);
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
        // the serial GC keeps the thread count down when --jobs runs several JVMs side by side
        cmd.add("-XX:+UseSerialGC");
        // C1 only, as in the kernel: less CPU per submission (bench/README.md, "JVM flags")
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        jvmOptions.forEach(o -> cmd.add(fill(o, request)));
        cmd.add("-cp");
        cmd.add(effectiveClassPath());
        cmd.add(mainClass);
        arguments.forEach(a -> cmd.add(fill(a, request)));
        return cmd;
    }

    private static String fill(String template, ExecutionRequest r) {
        return template.replace("{notebook}", r.notebook().toString())
                .replace("{outputDir}", r.executedNotebook().getParent().toString())
                .replace("{output}", r.executedNotebook().toString())
                .replace("{workDir}", r.workingDirectory().toString())
                .replace("{cellTimeoutSeconds}", Long.toString(Math.max(1, r.limits().cellTimeout().toSeconds())))
                .replace("{maxOutputBytes}", Long.toString(r.limits().outputBytes()));
    }
}
