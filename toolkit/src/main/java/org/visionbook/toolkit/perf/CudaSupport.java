package org.visionbook.toolkit.perf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Which GPUs the course's {@code cuda} build can use, and one clear line when it meets one it
 * cannot. ND4J 1.0.0-M2.1's CUDA build ({@code nd4j-cuda-11.6}, with or without cuDNN) holds
 * machine code for compute capabilities 3.7 to 8.6 and no PTX, so the driver cannot compile its
 * kernels for a newer GPU: on Hopper (H100, H200: 9.0) or later every op fails with CUDA's "no
 * kernel image is available for execution on the device", deep inside a native stack trace.
 */
public final class CudaSupport {

    /** The compute capabilities {@code nd4j-cuda-11.6} 1.0.0-M2.1 has machine code for. */
    public static final String SUPPORTED_RANGE = "compute capability 3.7 to 8.6 (Kepler K80 to Ampere)";

    private static final List<String> NO_KERNEL_IMAGE = List.of(
            "no kernel image is available", "cudaerrornokernelimagefordevice", "kernel image");

    private CudaSupport() {
    }

    /**
     * One line for a person when {@code failure} is the CUDA build meeting a GPU it has no machine
     * code for; empty for any other failure. Names the GPU when {@code nvidia-smi} can.
     */
    public static Optional<String> explain(Throwable failure) {
        return explain(failure, CudaSupport::describeGpu);
    }

    static Optional<String> explain(Throwable failure, Supplier<Optional<String>> gpu) {
        if (!isMissingKernelImage(failure)) {
            return Optional.empty();
        }
        String which = gpu.get().map(g -> "this GPU (" + g + ")").orElse("this GPU");
        return Optional.of("visionbook: ND4J's CUDA build cannot run on " + which + ": it holds machine code for "
                + SUPPORTED_RANGE + " only, and no PTX for newer GPUs; build without -Pcuda to use the CPU"
                + " (README, \"GPUs\").");
    }

    static boolean isMissingKernelImage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (NO_KERNEL_IMAGE.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    /** "NVIDIA H200, compute capability 9.0" from nvidia-smi, when it is installed and answers. */
    static Optional<String> describeGpu() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .findFirst().orElse("").strip();
            if (p.exitValue() != 0 || first.isEmpty()) {
                return Optional.empty();
            }
            String[] parts = first.split(",\\s*");
            return Optional.of(parts.length == 2 ? parts[0] + ", compute capability " + parts[1] : first);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
