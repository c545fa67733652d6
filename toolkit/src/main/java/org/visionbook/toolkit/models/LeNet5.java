package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * LeNet-5 (LeCun et al., 1998) as the course trains it: two 5x5 convolutions with 6 and 16
 * filters, each followed by 2x2 max pooling, then dense layers of 120 and 84 units and a softmax.
 * Modernised like most re-implementations: ReLU instead of tanh, max instead of average pooling,
 * no padding (so a 28x28 digit leaves the convolutions as 16 maps of 4x4). 44,426 parameters for
 * MNIST. Default optimiser Adam with learning rate 1e-3.
 */
public final class LeNet5 {

    private LeNet5() {
    }

    /** LeNet-5 for MNIST-sized input (1 x 28 x 28, 10 classes). */
    public static MultiLayerNetwork build() {
        return build(ModelOptions.mnist());
    }

    public static MultiLayerNetwork build(ModelOptions options) {
        return new Sequence(options)
                .conv("conv1", 6, 5, 1, ConvolutionMode.Truncate)
                .maxPool("pool1", 2)
                .conv("conv2", 16, 5, 1, ConvolutionMode.Truncate)
                .maxPool("pool2", 2)
                .dense("fc1", 120)
                .dense("fc2", 84)
                .output();
    }
}
