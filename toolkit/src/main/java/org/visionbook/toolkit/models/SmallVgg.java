package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A VGG-style network (Simonyan and Zisserman, 2014) for small images: blocks of two 3x3
 * convolutions (padding keeps the size) followed by 2x2 max pooling, the number of filters
 * doubling from block to block, then one hidden dense layer and a softmax. Two stacked 3x3
 * convolutions see a 5x5 patch with fewer parameters than one 5x5 convolution: VGG's point.
 */
public final class SmallVgg {

    /** Filters per block by default. */
    public static final int[] DEFAULT_BLOCKS = {16, 32, 64};

    private SmallVgg() {
    }

    public static MultiLayerNetwork build(ModelOptions options) {
        return build(options, DEFAULT_BLOCKS);
    }

    /** One block per entry of {@code filtersPerBlock}, each two convolutions with that many filters and a pooling step. */
    public static MultiLayerNetwork build(ModelOptions options, int... filtersPerBlock) {
        if (filtersPerBlock.length == 0) {
            throw new IllegalArgumentException("a VGG-style network needs at least one block");
        }
        Sequence s = new Sequence(options);
        for (int b = 0; b < filtersPerBlock.length; b++) {
            int n = b + 1;
            s.conv("block" + n + "_conv1", filtersPerBlock[b], 3, 1, ConvolutionMode.Same)
                    .conv("block" + n + "_conv2", filtersPerBlock[b], 3, 1, ConvolutionMode.Same)
                    .maxPool("block" + n + "_pool", 2);
        }
        return s.dense("fc1", 128).output();
    }
}
