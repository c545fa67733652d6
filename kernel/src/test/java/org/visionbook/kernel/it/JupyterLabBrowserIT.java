package org.visionbook.kernel.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chapters 03 and 04 in a real JupyterLab, driven by headless Chromium as a learner would: Run All
 * from the menu, then the step-through widget steps, the Trainer dashboard updates in place in one
 * output, tables and charts render, no error appears ({@code src/test/browser/jupyterlab-check.*}).
 * Screenshots stay in {@code target/browser-jupyterlab/}. Needs the project's .venv with JupyterLab
 * ({@code ./visionbook test} installs it), chromium, node and npm; fails, never skips, without them.
 */
class JupyterLabBrowserIT {

    @Test
    void chapters03And04RunInJupyterLabAndShowWhatALearnerShouldSee() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path script = module.resolve("src/test/browser/jupyterlab-check.sh");
        Path out = Files.createDirectories(module.resolve("target/browser-jupyterlab"));
        JupyterTools.Result r = JupyterTools.run(List.of("bash", script.toString(), out.toString()), module, Map.of(), 1500);
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), "the JupyterLab browser check failed (screenshots in " + out + "):\n" + r.output());
        assertTrue(r.output().contains("all checks passed"), r.output());
    }
}
