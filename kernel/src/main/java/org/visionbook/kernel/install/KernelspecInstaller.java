package org.visionbook.kernel.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.visionbook.toolkit.io.AtomicFiles;

/**
 * Writes a kernelspec where Jupyter looks for kernels, as {@code jupyter kernelspec install}
 * does: the user's data folder ({@code --user}), {@code PREFIX/share/jupyter/kernels}
 * ({@code --prefix}), or the Python environment's prefix ({@code --sys-prefix}).
 */
public final class KernelspecInstaller {

    private KernelspecInstaller() {
    }

    /** Writes {@code kernels/NAME/kernel.json} (atomically) and the logo; returns the kernelspec folder. */
    public static Path install(KernelSpec spec, Path kernelsDir) throws IOException {
        Path dir = kernelsDir.resolve(spec.name());
        Files.createDirectories(dir);
        writeAtomically(dir.resolve("kernel.json"), spec.toJson().getBytes(StandardCharsets.UTF_8));
        for (String logo : new String[] {"logo-32x32.png", "logo-64x64.png"}) {
            try (InputStream in = KernelspecInstaller.class.getResourceAsStream("/org/visionbook/kernel/" + logo)) {
                if (in != null) {
                    writeAtomically(dir.resolve(logo), in.readAllBytes());
                }
            }
        }
        return dir;
    }

    /** The user's Jupyter kernels folder (honours {@code JUPYTER_DATA_DIR}). */
    public static Path userKernelsDir() {
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir, "kernels");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData == null ? home.resolve("AppData/Roaming").toString() : appData, "jupyter", "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg);
        return data.resolve("jupyter/kernels");
    }

    /** {@code PREFIX/share/jupyter/kernels}. */
    public static Path prefixKernelsDir(Path prefix) {
        return prefix.resolve("share/jupyter/kernels");
    }

    /** The kernels folder of the Python environment {@code python} runs in ({@code --sys-prefix}). */
    public static Path sysPrefixKernelsDir(String python) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
            throw new IOException("could not ask '" + python + "' for its sys.prefix (" + out + "); use --prefix DIR instead");
        }
        return prefixKernelsDir(Path.of(out));
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        AtomicFiles.write(target, content);
    }
}
