package org.visionbook.kernel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jupyter's official kernel conformance suite (jupyter_kernel_test) and our robustness checks,
 * both through jupyter_client against the packaged, installed kernel.
 */
class JupyterConformanceIT {

    @Test
    void theKernelPassesJupytersConformanceSuite(@TempDir Path scratch) throws Exception {
        JupyterTools.Result r = runPythonTests("test_kernel_conformance", scratch);
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("OK"), r.output());
    }

    @Test
    void theKernelSurvivesInterruptsMemoryExhaustionExitAndFloodsOfOutput(@TempDir Path scratch) throws Exception {
        JupyterTools.Result r = runPythonTests("test_kernel_robustness", scratch);
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), r.output());
    }

    private static JupyterTools.Result runPythonTests(String module, Path scratch) throws Exception {
        Path jupyterPath = JupyterTools.installKernel(scratch.resolve("prefix"));
        return JupyterTools.run(List.of(JupyterTools.python(), "-m", "unittest", "-v", module),
                JupyterTools.pythonTests(), JupyterTools.jupyterEnv(jupyterPath, scratch), 600);
    }
}
