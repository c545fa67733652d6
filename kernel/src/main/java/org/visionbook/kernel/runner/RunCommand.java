package org.visionbook.kernel.runner;

import com.google.gson.JsonObject;
import org.visionbook.kernel.engine.Engine;
import org.visionbook.kernel.engine.EngineConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code visionbook run FILE... (--inplace | --output DIR) [--allow-errors] [--timeout SECONDS]}.
 *
 * <p>Each notebook runs in a fresh engine with the notebook's folder as working directory, as in
 * Jupyter (relative paths in cells mean the same thing). A JVM cannot change its working directory,
 * so notebooks from another folder run in a child JVM started there; the others run in this one.
 * Exit status: 0 when every notebook ran cleanly, 1 when a cell failed, 2 for bad arguments.
 */
public final class RunCommand {

    public static final String USAGE = """
            usage: visionbook run FILE.ipynb... (--inplace | --output DIR) [--allow-errors] [--timeout SECONDS]
              --inplace         write the executed notebook back over FILE (a failed run goes to
                                FILE.failed.ipynb instead; FILE is left as it was; while it runs,
                                progress is saved to FILE.partial.ipynb, removed at the end)
              --output DIR      write it to DIR/FILE.ipynb instead (the input is left untouched;
                                progress is saved there after every cell)
              --allow-errors    keep going after a failing cell (default: stop at the first error)
              --timeout SECONDS interrupt any cell that runs longer
            Exit status: 0 all cells ran, 1 a cell failed, 2 bad arguments.""";

    /** Parsed arguments. */
    record Arguments(List<Path> files, boolean inplace, Optional<Path> outputDir, boolean allowErrors, Optional<Duration> timeout) {
    }

    private RunCommand() {
    }

    public static int main(List<String> args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("visionbook run: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
        for (Path f : a.files()) {
            Path abs = f.toAbsolutePath().normalize();
            byFolder.computeIfAbsent(abs.getParent(), k -> new ArrayList<>()).add(abs);
        }
        Path here = Path.of("").toAbsolutePath().normalize();
        int status = 0;
        for (Map.Entry<Path, List<Path>> group : byFolder.entrySet()) {
            int s = group.getKey().equals(here)
                    ? runHere(group.getValue(), a, out, err)
                    : runInChild(group.getKey(), group.getValue(), a, out, err);
            status = Math.max(status, s);
        }
        return status;
    }

    static Arguments parse(List<String> args) {
        List<Path> files = new ArrayList<>();
        boolean inplace = false;
        Path outputDir = null;
        boolean allowErrors = false;
        Duration timeout = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--inplace" -> inplace = true;
                case "--allow-errors" -> allowErrors = true;
                case "--output", "-o" -> outputDir = Path.of(value(args, ++i, arg));
                case "--timeout" -> {
                    String v = value(args, ++i, arg);
                    try {
                        timeout = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--timeout wants seconds, got '" + v + "'");
                    }
                    if (timeout.isNegative() || timeout.isZero()) {
                        throw new IllegalArgumentException("--timeout must be positive, got '" + v + "'");
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no notebook given");
        }
        if (inplace == (outputDir != null)) {
            throw new IllegalArgumentException("give exactly one of --inplace and --output DIR");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("no such notebook: " + f.toAbsolutePath());
            }
        }
        Optional<Path> out = Optional.ofNullable(outputDir).map(p -> p.toAbsolutePath().normalize());
        return new Arguments(files, inplace, out, allowErrors, Optional.ofNullable(timeout));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** Runs notebooks of the current folder in this JVM, one fresh engine each. */
    static int runHere(List<Path> files, Arguments a, PrintStream out, PrintStream err) {
        int status = 0;
        for (Path file : files) {
            Path target = a.inplace() ? file : a.outputDir().orElseThrow().resolve(file.getFileName());
            JsonObject nb;
            try {
                nb = NotebookFiles.read(file);
            } catch (IOException | IllegalArgumentException e) {
                err.println("visionbook run: " + e.getMessage());
                status = Math.max(status, 1);
                continue;
            }
            out.println(file + ":");
            // Progress is saved as the run goes, so a run killed from outside (a timeout, an
            // out-of-memory kill) leaves the outputs so far. In place, it goes beside the notebook:
            // the user's file is only ever replaced by a finished run.
            Path progressFile = a.inplace() ? sibling(file, ".partial.ipynb") : target;
            NotebookRunner.Checkpoint checkpoint = snapshot -> {
                try {
                    NotebookFiles.write(snapshot, progressFile);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + progressFile + ": " + e.getMessage(), e);
                }
            };
            NotebookRunner.Report report;
            try (Engine engine = Engine.start(EngineConfig.defaults())) {
                engine.startupProblems().forEach(err::println);
                report = NotebookRunner.execute(nb, file.toString(), engine,
                        new NotebookRunner.Options(a.allowErrors(), a.timeout(), out, checkpoint));
            }
            if (a.inplace() && !report.succeeded() && !a.allowErrors()) {
                // A failed run is not a complete result: the user's notebook stays as it was, and
                // the failed run goes beside it for reading.
                target = sibling(file, ".failed.ipynb");
            }
            try {
                NotebookFiles.write(nb, target);
                if (!progressFile.equals(target)) {
                    Files.deleteIfExists(progressFile);
                }
            } catch (IOException e) {
                err.println("visionbook run: could not write " + target + ": " + e.getMessage());
                status = Math.max(status, 1);
                continue;
            }
            double seconds = report.elapsed().toMillis() / 1000.0;
            if (report.succeeded()) {
                out.printf(Locale.ROOT, "  done: %d code cells in %.1f s -> %s%n", report.executed(), seconds, target);
            } else {
                out.printf(Locale.ROOT, "  FAILED at %s with %s after %.1f s -> %s%n", report.failedAt().orElseThrow().describe(),
                        report.error().orElseThrow().name(), seconds, target);
                status = Math.max(status, 1);
            }
        }
        return status;
    }

    /** {@code dir/NAME.ipynb} becomes {@code dir/NAME<suffix>}. */
    static Path sibling(Path notebook, String suffix) {
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        return notebook.resolveSibling(name + suffix);
    }

    private static Thread copy(java.io.InputStream from, PrintStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ignored) {
                // The child is gone; what it printed so far has been passed on.
            }
            to.flush();
        }, "visionbook-child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Runs notebooks of another folder in a child JVM whose working directory is that folder. */
    static int runInChild(Path folder, List<Path> files, Arguments a, PrintStream out, PrintStream err) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.visionbook.kernel.Main");
        command.add("run");
        files.forEach(f -> command.add(f.toString()));
        if (a.inplace()) {
            command.add("--inplace");
        } else {
            command.add("--output");
            command.add(a.outputDir().orElseThrow().toString());
        }
        if (a.allowErrors()) {
            command.add("--allow-errors");
        }
        a.timeout().ifPresent(t -> {
            command.add("--timeout");
            command.add(String.valueOf(t.toMillis() / 1000.0));
        });
        try {
            Process p = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            Thread copyOut = copy(p.getInputStream(), out);
            Thread copyErr = copy(p.getErrorStream(), err);
            int status = p.waitFor();
            copyOut.join();
            copyErr.join();
            return status;
        } catch (IOException e) {
            err.println("visionbook run: could not start a JVM for " + folder + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

}
