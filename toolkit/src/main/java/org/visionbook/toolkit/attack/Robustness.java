package org.visionbook.toolkit.attack;

import java.util.Objects;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.visionbook.toolkit.data.ImageBatches;
import org.visionbook.toolkit.data.LabelledImages;

/**
 * How well a network does when its inputs are attacked: accuracy on a whole labelled set, one
 * batch at a time (so a PGD run over 2,000 images never holds more than a batch of gradients).
 *
 * <pre>{@code
 * double clean = Robustness.accuracy(net, test);
 * double underPgd = Robustness.accuracy(net, test, Pgd.linf(0.1).steps(20).seed(1));
 * }</pre>
 */
public final class Robustness {

    /** Batch size for attacked evaluation: large enough to keep the CPU busy, small enough for 2 GB. */
    public static final int DEFAULT_BATCH = 500;

    private Robustness() {
    }

    /** Accuracy on the clean images. */
    public static double accuracy(Model model, LabelledImages data) {
        return accuracy(model, data, null, DEFAULT_BATCH);
    }

    /** Accuracy on {@code data}, each batch attacked by {@code attack} (batch {@code b} uses {@code attack.forBatch(b)}). */
    public static double accuracy(Model model, LabelledImages data, Attack attack) {
        return accuracy(model, data, attack, DEFAULT_BATCH);
    }

    /** As {@link #accuracy(Model, LabelledImages, Attack)}; a null attack measures clean accuracy. */
    public static double accuracy(Model model, LabelledImages data, Attack attack, int batchSize) {
        Objects.requireNonNull(data, "data");
        long correct = 0;
        ImageBatches batches = data.batches().batchSize(batchSize).inOrder().build();
        long b = 0;
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            INDArray images = attack == null ? batch.getFeatures()
                    : attack.forBatch(b).apply(model, batch.getFeatures(), batch.getLabels());
            correct += hits(predictions(model, images), batch.getLabels());
            PixelRange.release(images, batch.getFeatures(), batch.getLabels());
            b++;
        }
        return (double) correct / data.size();
    }

    /** Every image of {@code data} attacked, {@code [n, channels, height, width]}, in the set's order. */
    public static INDArray attack(Model model, LabelledImages data, Attack attack) {
        Objects.requireNonNull(attack, "attack");
        ImageBatches batches = data.batches().batchSize(DEFAULT_BATCH).inOrder().build();
        INDArray all = data.features();
        long b = 0;
        long from = 0;
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            INDArray adversarial = attack.forBatch(b).apply(model, batch.getFeatures(), batch.getLabels());
            long n = adversarial.size(0);
            all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + n)).assign(adversarial);
            PixelRange.release(adversarial, batch.getFeatures(), batch.getLabels());
            from += n;
            b++;
        }
        return all;
    }

    /** The network's class probabilities in inference mode, {@code [n, classes]}. */
    public static INDArray probabilities(Model model, INDArray images) {
        if (model instanceof MultiLayerNetwork net) {
            return net.output(images, false);
        }
        if (model instanceof ComputationGraph graph) {
            return graph.outputSingle(false, images);
        }
        throw new IllegalArgumentException("expected a MultiLayerNetwork or a ComputationGraph, got " + model.getClass().getName());
    }

    /** The predicted class of each image. */
    public static int[] predictions(Model model, INDArray images) {
        INDArray p = probabilities(model, images);
        INDArray best = p.argMax(1);
        int[] classes = best.toIntVector();
        PixelRange.release(p, best);
        return classes;
    }

    /** One-hot labels {@code [n, classes]} for {@code classes}, e.g. the targets of a targeted attack. */
    public static INDArray oneHot(int numClasses, int... classes) {
        INDArray labels = org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, classes.length, numClasses);
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= numClasses) {
                throw new IllegalArgumentException("class " + classes[i] + " at position " + i + " is not in 0.." + (numClasses - 1));
            }
            labels.putScalar(i, classes[i], 1f);
        }
        return labels;
    }

    private static long hits(int[] predicted, INDArray oneHot) {
        int[] truth = oneHot.argMax(1).toIntVector();
        long n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                n++;
            }
        }
        return n;
    }
}
