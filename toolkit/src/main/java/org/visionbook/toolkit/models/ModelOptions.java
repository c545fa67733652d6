package org.visionbook.toolkit.models;

import java.util.Objects;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.visionbook.toolkit.train.Optimizer;

/**
 * What every model factory here needs to know besides its architecture: the input image, the
 * classes, the seed for the initial weights, the optimiser and the regularisers. Immutable; each
 * method named like a field returns a copy with that field changed.
 *
 * <pre>{@code
 * ModelOptions.mnist()                                  // 1x28x28, 10 classes, Adam 1e-3, seed 42
 *         .dropout(0.5).l2(1e-4).batchNorm(true)
 *         .optimizer(Optimizer.momentum(0.05, 0.9));
 * }</pre>
 *
 * @param channels       input channels (1 for grey, 3 for colour)
 * @param height         input height in pixels
 * @param width          input width in pixels
 * @param classes        number of output classes
 * @param seed           seed for the initial weights
 * @param optimizer      updater and decoupled weight decay
 * @param dropout        probability of DROPPING an input of each dense layer (0 = none; DL4J's own
 *                       {@code dropOut(x)} takes the probability of keeping, this one does not)
 * @param l2             L2 penalty on weights added to the loss (0 = none)
 * @param batchNorm      batch normalisation after each convolution (and hidden dense layer)
 * @param labelSmoothing label smoothing of the output loss (0 = plain cross-entropy)
 */
public record ModelOptions(int channels, int height, int width, int classes, long seed, Optimizer optimizer, double dropout,
                           double l2, boolean batchNorm, double labelSmoothing) {

    public ModelOptions {
        positive(channels, "channels");
        positive(height, "height");
        positive(width, "width");
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        Objects.requireNonNull(optimizer, "optimizer");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout is the probability of dropping an input, in [0, 1); got " + dropout);
        }
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 must be 0 or more, got " + l2);
        }
        if (l2 > 0 && optimizer.weightDecay() > 0) {
            throw new IllegalArgumentException("choose L2 (" + l2 + ") or weight decay (" + optimizer.weightDecay()
                    + "), not both: DL4J drops one when both are set");
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        }
    }

    /** MNIST and Fashion-MNIST: 1 x 28 x 28 images, 10 classes, Adam with learning rate 1e-3, seed 42. */
    public static ModelOptions mnist() {
        return new ModelOptions(1, 28, 28, 10, 42, Optimizer.adam(1e-3), 0, 0, false, 0);
    }

    /** Images of {@code channels x height x width} in {@code classes} classes, otherwise as {@link #mnist()}. */
    public static ModelOptions of(int channels, int height, int width, int classes) {
        return mnist().input(channels, height, width).classes(classes);
    }

    public ModelOptions input(int newChannels, int newHeight, int newWidth) {
        return new ModelOptions(newChannels, newHeight, newWidth, classes, seed, optimizer, dropout, l2, batchNorm, labelSmoothing);
    }

    public ModelOptions classes(int newClasses) {
        return new ModelOptions(channels, height, width, newClasses, seed, optimizer, dropout, l2, batchNorm, labelSmoothing);
    }

    public ModelOptions seed(long newSeed) {
        return new ModelOptions(channels, height, width, classes, newSeed, optimizer, dropout, l2, batchNorm, labelSmoothing);
    }

    public ModelOptions optimizer(Optimizer newOptimizer) {
        return new ModelOptions(channels, height, width, classes, seed, newOptimizer, dropout, l2, batchNorm, labelSmoothing);
    }

    public ModelOptions dropout(double dropProbability) {
        return new ModelOptions(channels, height, width, classes, seed, optimizer, dropProbability, l2, batchNorm, labelSmoothing);
    }

    public ModelOptions l2(double coefficient) {
        return new ModelOptions(channels, height, width, classes, seed, optimizer, dropout, coefficient, batchNorm, labelSmoothing);
    }

    public ModelOptions batchNorm(boolean on) {
        return new ModelOptions(channels, height, width, classes, seed, optimizer, dropout, l2, on, labelSmoothing);
    }

    public ModelOptions labelSmoothing(double smoothing) {
        return new ModelOptions(channels, height, width, classes, seed, optimizer, dropout, l2, batchNorm, smoothing);
    }

    /** The input as DL4J describes it: images {@code [batch, channels, height, width]}. */
    public InputType inputType() {
        return InputType.convolutional(height, width, channels);
    }

    private static void positive(int v, String what) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + v);
        }
    }
}
