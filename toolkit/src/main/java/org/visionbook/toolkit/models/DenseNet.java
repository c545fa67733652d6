package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.visionbook.toolkit.train.Optimizer;

/**
 * A small DenseNet-style network (Huang et al., 2017): inside a dense block every layer
 * (BN, ReLU, 3x3 convolution with {@code growth} filters) receives the concatenation of all
 * earlier outputs of the block, so features are reused instead of recomputed. Two dense blocks
 * joined by a transition (BN, ReLU, 1x1 convolution halving the channels, 2x2 average pooling),
 * then global average pooling and a softmax. Always uses batch norm, as DenseNet does.
 */
public final class DenseNet {

    private DenseNet() {
    }

    /** Two dense blocks of {@code layersPerBlock} layers, each adding {@code growth} channels. */
    public static ComputationGraph build(ModelOptions options, int layersPerBlock, int growth) {
        if (layersPerBlock < 1 || growth < 1) {
            throw new IllegalArgumentException("need at least 1 layer per block and a growth of at least 1; got "
                    + layersPerBlock + " and " + growth);
        }
        ComputationGraphConfiguration.GraphBuilder g = Blocks.base(options).graphBuilder()
                .addInputs("input").setInputTypes(options.inputType());
        g.addLayer("stem", Blocks.conv(2 * growth, 3, 1, ConvolutionMode.Same, false), "input");
        int channels = 2 * growth;
        String x = denseBlock(g, "dense1", "stem", layersPerBlock, growth);
        channels += layersPerBlock * growth;
        int squeezed = Math.max(1, channels / 2);
        g.addLayer("transition_bn", Blocks.batchNorm(), x);
        g.addLayer("transition_relu", Blocks.relu(), "transition_bn");
        g.addLayer("transition_conv", Blocks.conv(squeezed, 1, 1, ConvolutionMode.Same, true), "transition_relu");
        g.addLayer("transition_pool", Blocks.avgPool(2), "transition_conv");
        x = denseBlock(g, "dense2", "transition_pool", layersPerBlock, growth);
        g.addLayer("final_bn", Blocks.batchNorm(), x);
        g.addLayer("final_relu", Blocks.relu(), "final_bn");
        g.addLayer("avgpool", Blocks.globalAveragePool(), "final_relu");
        g.addLayer("output", Blocks.output(options, options.dropout()), "avgpool");
        g.setOutputs("output");
        ComputationGraph net = new ComputationGraph(Optimizer.fixWeightDecay(g.build()));
        net.init();
        return net;
    }

    private static String denseBlock(ComputationGraphConfiguration.GraphBuilder g, String name, String input, int layers,
                                     int growth) {
        String features = input;
        for (int i = 1; i <= layers; i++) {
            String layer = name + "_" + i;
            g.addLayer(layer + "_bn", Blocks.batchNorm(), features);
            g.addLayer(layer + "_relu", Blocks.relu(), layer + "_bn");
            g.addLayer(layer + "_conv", Blocks.conv(growth, 3, 1, ConvolutionMode.Same, true), layer + "_relu");
            g.addVertex(layer + "_concat", new MergeVertex(), features, layer + "_conv");
            features = layer + "_concat";
        }
        return features;
    }
}
