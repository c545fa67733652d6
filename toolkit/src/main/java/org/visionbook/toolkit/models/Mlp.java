package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A multilayer perceptron: the image flattened, hidden dense layers with ReLU, and a softmax
 * output. It takes images {@code [N, C, H, W]} like the convolutional models (DL4J flattens them
 * before the first dense layer), so the same batches and augmentations feed both. Cheap enough to
 * train many times in one chapter, which is what comparing training strategies needs.
 *
 * <p>The options' regularisers apply as in every model here: dropout on the inputs of the hidden
 * layers after the first and of the output layer, L2 on all weights, batch norm between each
 * hidden layer and its ReLU, label smoothing in the output loss.
 *
 * <pre>{@code
 * Mlp.build(ModelOptions.mnist().dropout(0.5), 256, 128);   // 784-256-128-10
 * }</pre>
 */
public final class Mlp {

    private Mlp() {
    }

    /** Hidden layers of the given sizes, in order; at least one. */
    public static MultiLayerNetwork build(ModelOptions options, int... hidden) {
        if (hidden == null || hidden.length == 0) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer size, e.g. Mlp.build(options, 256, 128)");
        }
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("hidden layer " + (i + 1) + " must have at least 1 unit, got " + hidden[i]);
            }
        }
        Sequence s = new Sequence(options);
        for (int i = 0; i < hidden.length; i++) {
            s.dense("fc" + (i + 1), hidden[i]);
        }
        return s.output();
    }
}
