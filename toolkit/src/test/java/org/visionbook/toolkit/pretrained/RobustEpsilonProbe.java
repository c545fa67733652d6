package org.visionbook.toolkit.pretrained;

import java.util.Locale;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.api.Model;
import org.visionbook.toolkit.attack.Pgd;
import org.visionbook.toolkit.attack.Robustness;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.data.Split;
import org.visionbook.toolkit.perf.Performance;

/**
 * How {@code lenet-mnist-robust}'s training epsilon was chosen, on a validation split carved from
 * the training digits (the test digits are not looked at): trains the recipe on 7,000 of the
 * 8,000 training digits with the epsilon given as argument and prints clean and PGD accuracy on
 * the other 1,000. Not a test; run with the test classpath:
 * {@code java -cp toolkit/target/classes:toolkit/target/test-classes:$(cat cp.txt)
 * org.visionbook.toolkit.pretrained.RobustEpsilonProbe 0.15}.
 */
public final class RobustEpsilonProbe {

    private RobustEpsilonProbe() {
    }

    public static void main(String[] args) {
        Performance.configureThreads();
        double epsilon = Double.parseDouble(args[0]);
        LabelledImages all = Mnist.load(Split.TRAIN).shuffle(2024);
        LabelledImages train = all.select(IntStream.range(0, 7000).toArray());
        LabelledImages validation = all.select(IntStream.range(7000, all.size()).toArray());
        ImageClassifierRecipe clean = LenetMnistRecipe.create();
        ImageClassifierRecipe base = new ImageClassifierRecipe("MNIST, 7,000 of the training digits", () -> train,
                () -> validation, clean.architecture(), clean.seed(), clean.epochs(), clean.batchSize(), clean.peakLr(),
                clean.finalLr(), clean.augmentation(), 0);
        long start = System.nanoTime();
        Model net = new RobustLenetMnistRecipe(base, epsilon).train();
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "train eps %.3f (%.0f s): clean %.4f",
                epsilon, seconds, Robustness.accuracy(net, validation)));
        for (double e : new double[] {0.1, 0.2, 0.3}) {
            double pgd = Robustness.accuracy(net, validation, Pgd.linf(e).steps(20).stepSize(e / 8).seed(1));
            line.append(String.format(Locale.ROOT, ", PGD-20 eps %.1f %.4f", e, pgd));
        }
        System.out.println(line);
    }
}
