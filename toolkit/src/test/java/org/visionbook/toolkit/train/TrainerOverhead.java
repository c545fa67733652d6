package org.visionbook.toolkit.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.display.DisplaySink;
import org.visionbook.toolkit.models.LeNet5;

/**
 * Measures what the trainer adds to DL4J's own loop: LeNet-5 on MNIST digits, one epoch per
 * run, runs interleaved, medians reported. Not a test (timings are never asserted); run with
 * {@code java -cp <test classpath> org.visionbook.toolkit.train.TrainerOverhead [examples] [runs]}.
 */
public final class TrainerOverhead {

    /** A sink that accepts rich output and drops it, so only our own work (charts, PNG, HTML) is timed. */
    static final class Discard implements DisplaySink {
        int updates;

        @Override
        public String display(Object value) {
            return "x";
        }

        @Override
        public void update(String displayId, Object value) {
            updates++;
            ((org.visionbook.toolkit.display.Displayable) value).toMimeBundle();
        }

        @Override
        public boolean isRich() {
            return true;
        }
    }

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        LabelledImages digits = Mnist.train().limit(examples);
        List<Double> plain = new ArrayList<>();
        List<Double> quiet = new ArrayList<>();
        List<Double> dashboard = new ArrayList<>();
        Discard sink = new Discard();
        Display.install(sink);
        for (int run = -1; run < runs; run++) { // run -1 warms up
            plain.add(time(() -> {
                MultiLayerNetwork net = LeNet5.build();
                DataSetIterator it = digits.batches().batchSize(64).inOrder().build();
                while (it.hasNext()) {
                    net.fit(it.next());
                }
            }));
            quiet.add(time(() -> Trainer.of(LeNet5.build()).epochs(1).progress(ProgressMode.NONE).build()
                    .fit(digits.batches().batchSize(64).inOrder().build())));
            dashboard.add(time(() -> Trainer.of(LeNet5.build()).epochs(1).progress(ProgressMode.DASHBOARD)
                    .refresh(Duration.ofMillis(300)).build().fit(digits.batches().batchSize(64).inOrder().build())));
        }
        System.out.printf(Locale.ROOT, "LeNet-5, %d MNIST digits, batch 64, one epoch, median of %d runs:%n", examples, runs);
        System.out.printf(Locale.ROOT, "  plain net.fit loop      %.3f s%n", median(plain));
        System.out.printf(Locale.ROOT, "  Trainer, no progress    %.3f s (x%.3f)%n", median(quiet), median(quiet) / median(plain));
        System.out.printf(Locale.ROOT, "  Trainer, dashboard      %.3f s (x%.3f), %d dashboard updates in all%n", median(dashboard),
                median(dashboard) / median(plain), sink.updates);
        System.out.println("  plain runs " + plain + "\n  quiet runs " + quiet + "\n  dashboard runs " + dashboard);
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return Math.round((System.nanoTime() - t0) / 1e6) / 1e3;
    }

    private static double median(List<Double> all) {
        double[] v = all.subList(1, all.size()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
