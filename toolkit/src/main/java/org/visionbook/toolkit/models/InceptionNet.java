package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.visionbook.toolkit.train.Optimizer;

/**
 * A small GoogLeNet-style network: a 3x3 convolution stem, two {@link InceptionBlock}s with max
 * pooling before each, global average pooling instead of big dense layers (another GoogLeNet
 * idea), and a softmax.
 */
public final class InceptionNet {

    public static final InceptionBlock FIRST = new InceptionBlock(16, 16, 24, 4, 8, 8);
    public static final InceptionBlock SECOND = new InceptionBlock(32, 24, 48, 8, 16, 16);

    private InceptionNet() {
    }

    public static ComputationGraph build(ModelOptions options) {
        ComputationGraphConfiguration.GraphBuilder g = Blocks.base(options).graphBuilder()
                .addInputs("input").setInputTypes(options.inputType());
        g.addLayer("stem", Blocks.conv(32, 3, 1, ConvolutionMode.Same, false), "input");
        g.addLayer("pool1", Blocks.maxPool(2), "stem");
        String a = FIRST.addTo(g, "inception1", "pool1");
        g.addLayer("pool2", Blocks.maxPool(2), a);
        String b = SECOND.addTo(g, "inception2", "pool2");
        g.addLayer("avgpool", Blocks.globalAveragePool(), b);
        g.addLayer("output", Blocks.output(options, options.dropout()), "avgpool");
        g.setOutputs("output");
        ComputationGraph net = new ComputationGraph(Optimizer.fixWeightDecay(g.build()));
        net.init();
        return net;
    }
}
