package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * An AlexNet-style network (Krizhevsky et al., 2012) shrunk for 28x28 or 32x32 images: a larger
 * first kernel (5x5), then 3x3 convolutions, three max-pooling steps, five convolutional layers in
 * all, ReLU everywhere, and two wide hidden dense layers meant to be regularised with dropout
 * ({@code options.dropout(0.5)}, as in the original). Local response normalisation is left out:
 * batch normalisation ({@code options.batchNorm(true)}) replaced it in later networks.
 */
public final class SmallAlexNet {

    private SmallAlexNet() {
    }

    public static MultiLayerNetwork build(ModelOptions options) {
        return new Sequence(options)
                .conv("conv1", 16, 5, 1, ConvolutionMode.Same)
                .maxPool("pool1", 2)
                .conv("conv2", 32, 3, 1, ConvolutionMode.Same)
                .maxPool("pool2", 2)
                .conv("conv3", 48, 3, 1, ConvolutionMode.Same)
                .conv("conv4", 48, 3, 1, ConvolutionMode.Same)
                .conv("conv5", 32, 3, 1, ConvolutionMode.Same)
                .maxPool("pool3", 2)
                .dense("fc1", 128)
                .dense("fc2", 128)
                .output();
    }
}
