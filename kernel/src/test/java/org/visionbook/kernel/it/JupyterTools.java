package org.visionbook.kernel.it;

import org.visionbook.kernel.install.KernelSpec;
import org.visionbook.kernel.install.KernelspecInstaller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the integration tests need from the outside world: Jupyter's Python packages, and the
 * packaged kernel (target/*.jar + target/lib) installed as a kernelspec in a private folder.
 * Missing tools make the tests fail with the command that installs them, never skip.
 */
final class JupyterTools {

    static final String INSTALL_HINT = "apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient"
            + " jupyter-client python3-jupyter-kernel-test (the CI script .ci/run does this)";

    private static String python;

    private JupyterTools() {
    }

    /** A Python interpreter that has Jupyter's client, nbconvert and the kernel test suite. */
    static synchronized String python() {
        if (python != null) {
            return python;
        }
        Set<String> candidates = new LinkedHashSet<>();
        String configured = System.getenv("VISIONBOOK_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                Result r = run(List.of(candidate, "-c", "import jupyter_client, jupyter_kernel_test, nbclient, nbconvert"),
                        Path.of("."), Map.of(), 60);
                if (r.exitCode() == 0) {
                    python = candidate;
                    return python;
                }
                tried.add(candidate + ": " + r.output().strip());
            } catch (IOException e) {
                tried.add(candidate + ": " + e.getMessage());
            }
        }
        return fail("No Python with Jupyter's packages (jupyter_client, jupyter_kernel_test, nbclient, nbconvert)."
                + " Install them: " + INSTALL_HINT + ". Tried: " + tried);
    }

    /** The packaged kernel's class path: the module jar and target/lib/*. */
    static String packagedClasspath() {
        Path jar = Path.of(System.getProperty("visionbook.kernel.jar", "target/visionbook-kernel.jar"));
        Path lib = Path.of(System.getProperty("visionbook.kernel.lib", "target/lib"));
        assertTrue(Files.isRegularFile(jar), "the kernel jar is missing (run mvn package first): " + jar);
        assertTrue(Files.isDirectory(lib), "target/lib is missing (run mvn package first): " + lib);
        return jar.toAbsolutePath() + java.io.File.pathSeparator + lib.toAbsolutePath().resolve("*");
    }

    /** Installs the packaged kernel under {@code prefix}; returns the folder for JUPYTER_PATH. */
    static Path installKernel(Path prefix) throws IOException {
        KernelSpec spec = KernelSpec.defaults(packagedClasspath());
        KernelspecInstaller.install(spec, KernelspecInstaller.prefixKernelsDir(prefix));
        return prefix.resolve("share/jupyter");
    }

    /** Environment for Jupyter tools that should see only the freshly installed kernel. */
    static Map<String, String> jupyterEnv(Path jupyterPath, Path scratch) {
        return Map.of(
                "JUPYTER_PATH", jupyterPath.toString(),
                "JUPYTER_RUNTIME_DIR", scratch.resolve("runtime").toString(),
                "PYDEVD_DISABLE_FILE_VALIDATION", "1",
                "PYTHONDONTWRITEBYTECODE", "1");
    }

    static Path pythonTests() {
        return Path.of(System.getProperty("visionbook.python.tests", "src/test/python"));
    }

    record Result(int exitCode, String output) {
    }

    /** Runs a command, output and errors merged, and waits at most {@code timeoutSeconds}. */
    static Result run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("visionbook-it", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(-1, "TIMED OUT after " + timeoutSeconds + " s\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
