package org.visionbook.kernel.jupyter;

import org.junit.jupiter.api.Test;
import org.visionbook.kernel.engine.Engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Requests a console sends before JShell is ready must not wait for it. */
class JupyterKernelStartTest {

    @Test
    void isCompleteIsAnsweredWhileTheEngineIsStillStarting() {
        // an engine that never finishes starting: a request that waited for it would hang
        JupyterKernel kernel = new JupyterKernel(new CompletableFuture<Engine>());
        // the limit only guards against a hang; the answer needs no engine at all
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertEquals(JupyterKernel.IS_COMPLETE_YES, kernel.isComplete("int x = 1;"));
            assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
            assertEquals(JupyterKernel.IS_COMPLETE_BAD, kernel.isComplete("int x = (1));"));
        });
    }
}
