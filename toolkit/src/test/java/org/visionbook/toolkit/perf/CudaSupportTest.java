package org.visionbook.toolkit.perf;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No GPU here: the failure ND4J's CUDA build gives on a Hopper GPU is simulated. */
class CudaSupportTest {

    // what libnd4j reports through NativeOps when a kernel launch finds no image for the device
    private static final RuntimeException HOPPER = new RuntimeException("Op [matmul] execution failed",
            new RuntimeException("cudaStreamSynchronize(...) failed; Error code: [209]: no kernel image is available"
                    + " for execution on the device"));

    @Test
    void aMissingKernelImageBecomesOneLineNamingTheGpuAndTheSupportedRange() {
        String line = CudaSupport.explain(HOPPER, () -> Optional.of("NVIDIA H200, compute capability 9.0")).orElseThrow();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("NVIDIA H200, compute capability 9.0"), line);
        assertTrue(line.contains("3.7 to 8.6"), line);
        assertTrue(line.contains("without -Pcuda"), line);
    }

    @Test
    void withoutNvidiaSmiTheLineStillSaysWhatToDo() {
        String line = CudaSupport.explain(HOPPER, Optional::empty).orElseThrow();
        assertTrue(line.contains("this GPU:"), line);
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertEquals(Optional.empty(), CudaSupport.explain(new UnsatisfiedLinkError("no jnind4jcpu in java.library.path"),
                () -> Optional.of("never asked")));
        assertEquals(Optional.empty(), CudaSupport.explain(new RuntimeException((String) null), Optional::empty));
    }
}
