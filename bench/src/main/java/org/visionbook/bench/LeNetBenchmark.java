package org.visionbook.bench;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.visionbook.toolkit.data.ImageBatches;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.data.Split;
import org.visionbook.toolkit.perf.Performance;
import org.visionbook.toolkit.train.ProgressMode;
import org.visionbook.toolkit.train.Trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains LeNet-5 on the 8,000 shipped MNIST training digits and prints the time of every epoch,
 * the test accuracy on the 2,000 test digits after it, and a last line
 * {@code median_epoch_s=... examples_per_s=... accuracy=...} (the PyTorch reference prints the
 * same keys). Not a unit test: run it with {@code bench/run-lenet.sh}.
 *
 * <p>The first epoch includes JIT compilation and workspace sizing, so the median over several
 * epochs is the figure to quote; every epoch is printed so the warm-up can be seen.
 */
public final class LeNetBenchmark {

    private LeNetBenchmark() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        BenchSettings settings = BenchSettings.parse(args);
        LabelledImages train = Mnist.load(Split.TRAIN).limit(settings.trainLimit());
        LabelledImages test = Mnist.load(Split.TEST);

        System.out.println("# " + settings);
        System.out.println("# load at start: " + loadAverage());

        MultiLayerNetwork net = LeNet5.create(settings);
        Performance.configureThreads(); // as the notebook engine does when it starts
        Trainer trainer = Trainer.of(net).name("LeNet-5").epochs(1).progress(ProgressMode.NONE)
                .accelerate(settings.accelerate()).build();
        boolean trainerOnly = settings.feed() == BenchSettings.Feed.TRAINER && settings.profile() != BenchSettings.Profile.LAYERS;
        if (settings.accelerate() && !trainerOnly) { // (the Trainer accelerates the network itself)
            Performance.accelerate(net);
            // experiment: oneDNN helper without the input-gradient skip (with --feed iterator or arrays)
            if (Boolean.getBoolean("bench.plainFirstLayer")) {
                setField(org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class, net.getLayer(0),
                        new org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper(org.nd4j.linalg.api.buffer.DataType.FLOAT));
            }
        }
        System.out.println("# " + Performance.describeRuntime() + ", OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        if (settings.profile() == BenchSettings.Profile.OPS) {
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.ALL);
        }
        LayerTimer layerTimer = settings.profile() == BenchSettings.Profile.LAYERS ? new LayerTimer(net) : null;
        Epochs epochs = new Epochs(train, settings);

        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        List<Double> threadSeconds = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double accuracy = Double.NaN;
        for (int e = 0; e < settings.epochs(); e++) {
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            long m0 = threads.getCurrentThreadCpuTime();
            if (layerTimer != null) {
                epochs.forEachBatch(layerTimer::step);
            } else if (settings.feed() == BenchSettings.Feed.TRAINER) {
                trainer.fit(epochs.iterator());
            } else if (settings.feed() == BenchSettings.Feed.ITERATOR) {
                net.fit(epochs.iterator());
            } else {
                epochs.forEachBatch(net::fit);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - c0) / 1e9;
            double mainCpu = (threads.getCurrentThreadCpuTime() - m0) / 1e9;
            seconds.add(s);
            cpuSeconds.add(cpu);
            threadSeconds.add(mainCpu);
            accuracy = accuracy(net, test, settings);
            System.out.printf("epoch %d %.3fs test_accuracy %.4f cpu %.3fs main_thread_cpu %.3fs%n", e, s, accuracy, cpu, mainCpu);
        }
        System.out.println("# layer helpers: " + Performance.describeHelpers(net));
        double median = median(seconds);
        System.out.println("# load at end: " + loadAverage());
        if (settings.profile() == BenchSettings.Profile.OPS) {
            OpProfiler.getInstance().printOutDashboard();
            long steps = (long) settings.epochs() * ((train.size() + settings.batchSize() - 1) / settings.batchSize());
            System.out.printf("# native op calls: %d, %.0f per training step (evaluation included)%n",
                    OpProfiler.getInstance().getInvocationsCount(), OpProfiler.getInstance().getInvocationsCount() / (double) steps);
        }
        if (layerTimer != null) {
            layerTimer.print(System.out);
        }
        System.out.printf("median_epoch_s=%.3f examples_per_s=%.0f accuracy=%.4f median_epoch_cpu_s=%.3f median_epoch_main_thread_cpu_s=%.3f%n",
                median, train.size() / median, accuracy, median(cpuSeconds), median(threadSeconds));
    }

    /** Test accuracy, in batches of 500 (evaluation is not timed). */
    static double accuracy(MultiLayerNetwork net, LabelledImages test, BenchSettings settings) {
        ImageBatches batches = test.batches().batchSize(500).inOrder().build();
        batches.setPreProcessor(toLayout(settings.format()));
        Evaluation eval = net.evaluate(batches);
        return eval.accuracy();
    }

    /** NHWC input for NHWC networks; with one channel it is a reshape, no copy of pixels. */
    static DataSetPreProcessor toLayout(CNN2DFormat format) {
        if (format == CNN2DFormat.NCHW) {
            return null;
        }
        return ds -> {
            INDArray f = ds.getFeatures();
            ds.setFeatures(f.reshape(f.size(0), f.size(2), f.size(3), f.size(1)));
        };
    }

    private static void setField(Class<?> owner, Object target, Object value) {
        try {
            var f = owner.getDeclaredField("helper");
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** CPU time of the whole JVM (all threads: training, OpenMP workers, JIT, GC), load-independent unlike wall time. */
    static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The training set cut into shuffled batches, one epoch at a time. */
    static final class Epochs {
        private final BenchSettings settings;
        private final ImageBatches iterator;
        private final List<DataSet> prebuilt = new ArrayList<>();
        private final Random random;

        Epochs(LabelledImages train, BenchSettings settings) {
            this.settings = settings;
            this.iterator = train.iterator(settings.batchSize(), settings.seed());
            this.iterator.setPreProcessor(toLayout(settings.format()));
            this.random = new Random(settings.seed());
            if (settings.feed() == BenchSettings.Feed.ARRAYS) {
                ImageBatches once = iterator();
                while (once.hasNext()) {
                    prebuilt.add(once.next());
                }
            }
        }

        /** The toolkit's iterator, reset for a new epoch. */
        ImageBatches iterator() {
            iterator.reset();
            return iterator;
        }

        /**
         * Hands every batch of an epoch to {@code step}: from the iterator (reshuffled images), or
         * the batches built once, in a new order each epoch.
         */
        void forEachBatch(Step step) {
            if (settings.feed() != BenchSettings.Feed.ARRAYS) {
                ImageBatches it = iterator();
                while (it.hasNext()) {
                    DataSet ds = it.next();
                    step.fit(ds.getFeatures(), ds.getLabels());
                }
                return;
            }
            List<DataSet> order = new ArrayList<>(prebuilt);
            java.util.Collections.shuffle(order, random);
            for (DataSet ds : order) {
                step.fit(ds.getFeatures(), ds.getLabels());
            }
        }
    }

    @FunctionalInterface
    interface Step {
        void fit(INDArray features, INDArray labels);
    }
}
