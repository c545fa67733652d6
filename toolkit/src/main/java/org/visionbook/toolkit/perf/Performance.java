package org.visionbook.toolkit.perf;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.visionbook.toolkit.Knobs;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The toolkit's CPU speed settings for DL4J/ND4J, in one place. Every training entry point
 * (the Trainer, the notebook kernel, the benchmark) calls {@link #accelerate} on a network
 * before fitting it; {@link #configureThreads()} runs once per JVM on the way.
 *
 * <p>What it changes, and why (figures in {@code bench/README.md}):
 * <ul>
 *   <li><b>Threads.</b> On a machine with two cores or fewer, ND4J runs single-threaded
 *       (OpenMP, oneDNN and BLAS): LeNet-sized ops are too small to share, and two OpenMP
 *       threads on two busy cores spin-wait for each other (3-4x slower under load). Set
 *       {@code VISIONBOOK_THREADS} ({@link Knobs#threads()}) to choose; an explicit
 *       {@code OMP_NUM_THREADS} is respected. More than two cores: ND4J's own choice stays.</li>
 *   <li><b>Native convolution helpers.</b> DL4J 1.0.0-M2.1 ships oneDNN helpers for
 *       convolution and pooling but never switches them on for the CPU (the helpers are
 *       disabled by default and their availability check calls a method the native library
 *       renamed). Without them a convolution runs through a strided im2col that is ~100x slower
 *       than oneDNN. When the ND4J build has oneDNN (the {@code -onednn} classifier), this
 *       installs them.</li>
 *   <li><b>One forward convolution per step.</b> With a helper, DL4J recomputes each
 *       convolution in the backward pass; the toolkit's helper reuses the forward result.</li>
 *   <li><b>Batch normalisation.</b> Batch-norm layers (with learned scale and shift) get
 *       DL4J's oneDNN batch-norm helper, which DL4J also leaves off on the CPU.</li>
 *   <li><b>No input gradient in training.</b> The first convolution of a
 *       {@link MultiLayerNetwork} skips the gradient with respect to the images during
 *       {@code fit}, which DL4J computes and discards (the costliest op of a LeNet step).</li>
 * </ul>
 * Results are the same arrays as without acceleration, up to float rounding (tested).
 */
public final class Performance {

    private static Integer configuredThreads;
    /** True when the toolkit (or a caller of {@link #useThreads}) chose the thread count. */
    private static boolean chosen;

    private Performance() {
    }

    /**
     * Applies the toolkit's thread setting once per JVM and returns it: {@code VISIONBOOK_THREADS}
     * when set, else {@code OMP_NUM_THREADS} when set, else 1 on two cores or fewer, else ND4J's
     * own default.
     *
     * <p>OpenMP keeps its thread count per thread: a thread other than the one that first chose
     * starts with OpenMP's default (one per core), so oneDNN's convolutions would run two threads
     * again there. Every call therefore also applies the chosen count to the calling thread
     * (one cheap native call); the Trainer calls this on the thread it trains on, and the
     * notebook engine on the thread that runs cells.
     */
    public static synchronized int configureThreads() {
        if (configuredThreads == null) {
            OptionalInt wanted = Knobs.threads();
            String omp = System.getenv("OMP_NUM_THREADS");
            if (wanted.isPresent()) {
                useThreads(wanted.getAsInt());
            } else if ((omp == null || omp.isBlank()) && Runtime.getRuntime().availableProcessors() <= 2) {
                useThreads(1);
            }
            configuredThreads = Nd4j.getEnvironment().maxMasterThreads();
        } else if (chosen) {
            NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
            if (ops.ompGetMaxThreads() != configuredThreads) {
                ops.setOmpNumThreads(configuredThreads);
            }
        }
        return configuredThreads;
    }

    /** True once {@link #configureThreads()} or {@link #useThreads} has run in this JVM. */
    public static synchronized boolean threadsConfigured() {
        return configuredThreads != null;
    }

    /**
     * Sets the threads of ND4J's native ops, OpenMP (oneDNN) and BLAS to {@code threads}, now;
     * OpenMP's count for the calling thread (others get it from {@link #configureThreads()}).
     */
    public static synchronized void useThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        // Nd4j first: its class initialiser loads the backend, which NativeOpsHolder needs (in a
        // fresh JVM, NativeOpsHolder alone fails with "ND4J is probably missing dependencies").
        Nd4j.getEnvironment().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        configuredThreads = threads;
        chosen = true;
    }

    /** True when ND4J runs on the CPU with a native build that contains oneDNN. */
    public static boolean oneDnnAvailable() {
        String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend");
        return "CPU".equalsIgnoreCase(backend)
                && NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
    }

    /**
     * Makes {@code net} train fast on this machine (see the class comment) and returns it. Safe
     * to call more than once and on any network; layers it does not know are left alone.
     */
    public static MultiLayerNetwork accelerate(MultiLayerNetwork net) {
        configureThreads();
        if (!oneDnnAvailable()) {
            return net;
        }
        if (net.getLayers() == null) {
            net.init();
        }
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Layer layer = layers[i];
            boolean firstLayerOnImages = i == 0 && net.getLayerWiseConfigurations().getInputPreProcess(0) == null;
            if (layer.getHelper() instanceof ConvHelper) {
                continue; // accelerated before: keep the helper (and its counters)
            }
            if (firstLayerOnImages && isPlainConvolution(layer)) {
                setHelper(ConvolutionLayer.class, layer, new FirstLayerConvHelper(DataType.FLOAT));
            } else {
                installStandardHelper(layer);
            }
        }
        return net;
    }

    /** Makes {@code graph} train fast on this machine (native helpers and threads) and returns it. */
    public static ComputationGraph accelerate(ComputationGraph graph) {
        configureThreads();
        if (!oneDnnAvailable()) {
            return graph;
        }
        if (graph.getLayers() == null) {
            graph.init();
        }
        for (Layer layer : graph.getLayers()) {
            installStandardHelper(layer);
        }
        return graph;
    }

    /** Which helper each layer of {@code net} uses, e.g. {@code "ConvolutionLayer=FirstLayerConvHelper ..."}. */
    public static String describeHelpers(MultiLayerNetwork net) {
        return describeHelpers(net.getLayers());
    }

    /** Which helper each layer of {@code graph} uses, in the graph's layer order. */
    public static String describeHelpers(ComputationGraph graph) {
        return describeHelpers(graph.getLayers());
    }

    private static String describeHelpers(Layer[] layers) {
        List<String> parts = new ArrayList<>();
        for (Layer layer : layers) {
            Object helper = layer.getHelper();
            parts.add(layer.getClass().getSimpleName() + "=" + (helper == null ? "none" : helper.getClass().getSimpleName()));
        }
        return String.join(" ", parts);
    }

    /** One line on how ND4J runs here: backend, native build, threads. */
    public static String describeRuntime() {
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        return String.format(Locale.ROOT, "ND4J %s backend, oneDNN %s, %d thread(s) (OpenMP %d, BLAS %d), %d cores",
                env.getProperty("backend"), oneDnnAvailable() ? "on" : "absent",
                Nd4j.getEnvironment().maxMasterThreads(),
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
                Nd4j.factory().blas().getMaxThreads(), Runtime.getRuntime().availableProcessors());
    }

    private static void installStandardHelper(Layer layer) {
        if (isPlainConvolution(layer) && !(layer.getHelper() instanceof ConvHelper)) {
            setHelper(ConvolutionLayer.class, layer, new ConvHelper(DataType.FLOAT));
        } else if (layer.getClass() == SubsamplingLayer.class && layer.getHelper() == null) {
            setHelper(SubsamplingLayer.class, layer, new MKLDNNSubsamplingHelper(DataType.FLOAT));
        } else if (layer.getClass() == BatchNormalization.class && layer.getHelper() == null
                && layer.getParam(BatchNormalizationParamInitializer.GAMMA) != null) {
            // DL4J's own batch norm on the CPU builds its statistics from many small ops: with
            // oneDNN's it took half the CPU time per epoch of a VGG-style net (chapter 06)
            setHelper(BatchNormalization.class, layer, new MKLDNNBatchNormHelper(DataType.FLOAT));
        }
    }

    /** Exactly DL4J's 2D convolution (its subclasses, e.g. 1D or deconvolution, compute differently). */
    private static boolean isPlainConvolution(Layer layer) {
        return layer.getClass() == ConvolutionLayer.class;
    }

    /** DL4J keeps a layer's helper in a protected field that is set only in the constructor. */
    static void setHelper(Class<?> layerClass, Object layer, Object helper) {
        try {
            Field field = layerClass.getDeclaredField("helper");
            field.setAccessible(true);
            field.set(layer, helper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot install " + helper.getClass().getSimpleName() + " into "
                    + layerClass.getName() + ": its 'helper' field is not where DL4J 1.0.0-M2.1 keeps it", e);
        }
    }
}
