package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * An Inception block (Szegedy et al., 2014, "GoogLeNet"): four branches look at the same input at
 * different scales and their outputs are stacked along the channels. 1x1 convolutions first
 * shrink the channels so the 3x3 and 5x5 branches stay cheap.
 *
 * <pre>
 * input ─┬─ 1x1 ───────────────┐
 *        ├─ 1x1 ── 3x3 ────────┤
 *        ├─ 1x1 ── 5x5 ────────┼── concatenate (channels)
 *        └─ 3x3 max ── 1x1 ────┘
 * </pre>
 *
 * @param ones           filters of the 1x1 branch
 * @param threeReduce    1x1 filters before the 3x3 convolution
 * @param threes         filters of the 3x3 convolution
 * @param fiveReduce     1x1 filters before the 5x5 convolution
 * @param fives          filters of the 5x5 convolution
 * @param poolProjection 1x1 filters after the 3x3 max pooling
 */
public record InceptionBlock(int ones, int threeReduce, int threes, int fiveReduce, int fives, int poolProjection) {

    public InceptionBlock {
        for (int f : new int[] {ones, threeReduce, threes, fiveReduce, fives, poolProjection}) {
            if (f < 1) {
                throw new IllegalArgumentException("every branch needs at least 1 filter, got " + this);
            }
        }
    }

    /** Channels the block outputs: the four branches stacked. */
    public int outputChannels() {
        return ones + threes + fives + poolProjection;
    }

    /** Adds the block to {@code graph}, reading from vertex {@code input}; returns the name of its output vertex. */
    public String addTo(ComputationGraphConfiguration.GraphBuilder graph, String name, String input) {
        graph.addLayer(name + "_1x1", Blocks.conv(ones, 1, 1, ConvolutionMode.Same, false), input);
        graph.addLayer(name + "_3x3_reduce", Blocks.conv(threeReduce, 1, 1, ConvolutionMode.Same, false), input);
        graph.addLayer(name + "_3x3", Blocks.conv(threes, 3, 1, ConvolutionMode.Same, false), name + "_3x3_reduce");
        graph.addLayer(name + "_5x5_reduce", Blocks.conv(fiveReduce, 1, 1, ConvolutionMode.Same, false), input);
        graph.addLayer(name + "_5x5", Blocks.conv(fives, 5, 1, ConvolutionMode.Same, false), name + "_5x5_reduce");
        graph.addLayer(name + "_pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3).stride(1, 1)
                .convolutionMode(ConvolutionMode.Same).build(), input);
        graph.addLayer(name + "_pool_proj", Blocks.conv(poolProjection, 1, 1, ConvolutionMode.Same, false), name + "_pool");
        String out = name + "_concat";
        graph.addVertex(out, new MergeVertex(), name + "_1x1", name + "_3x3", name + "_5x5", name + "_pool_proj");
        return out;
    }
}
