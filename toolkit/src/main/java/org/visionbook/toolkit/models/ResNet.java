package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.visionbook.toolkit.train.Optimizer;

/**
 * ResNet-style networks (He et al., 2015) built from basic residual blocks, and the same networks
 * without the skip connections, for comparing the two at equal depth.
 *
 * <pre>
 * stem 3x3 ─ stage 1 (n blocks, w filters) ─ 3x3/2 ─ stage 2 (n blocks, 2w) ─ 3x3/2 ─ stage 3 (n blocks, 4w)
 *          ─ global average pool ─ softmax
 * block:  x ─ 3x3 ─ BN ─ ReLU ─ 3x3 ─ BN ─(+ x)─ ReLU        (plain: the same without "+ x")
 * </pre>
 *
 * Channels and resolution change only in the stride-2 convolutions between the stages, so every
 * skip connection is an identity (no 1x1 projection): residual and plain networks then have
 * exactly the same layers and parameters and differ only in the additions. That makes a fair
 * comparison of gradient flow. A network has {@code 6n + 4} weight layers for {@code n} blocks per
 * stage (n = 1: 10, n = 3: 22, n = 5: 34). Batch norm is used when the options ask for it; without
 * it, deep plain networks show vanishing gradients most clearly.
 */
public final class ResNet {

    /** Filters of the first stage by default (the stages use w, 2w, 4w). */
    public static final int DEFAULT_WIDTH = 16;

    private ResNet() {
    }

    /** Residual network with {@code blocksPerStage} blocks in each of the three stages. */
    public static ComputationGraph residual(ModelOptions options, int blocksPerStage) {
        return build(options, blocksPerStage, DEFAULT_WIDTH, true);
    }

    /** The same layers as {@link #residual} without the skip connections. */
    public static ComputationGraph plain(ModelOptions options, int blocksPerStage) {
        return build(options, blocksPerStage, DEFAULT_WIDTH, false);
    }

    /** Weight layers in a network with {@code blocksPerStage} blocks per stage: {@code 6n + 4}. */
    public static int depth(int blocksPerStage) {
        return 6 * blocksPerStage + 4;
    }

    /**
     * @param blocksPerStage basic blocks in each of the three stages (at least 1)
     * @param width          filters in the first stage
     * @param skips          true for residual blocks, false for plain ones
     */
    public static ComputationGraph build(ModelOptions options, int blocksPerStage, int width, boolean skips) {
        if (blocksPerStage < 1) {
            throw new IllegalArgumentException("each stage needs at least one block, got " + blocksPerStage);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1 filter, got " + width);
        }
        boolean bn = options.batchNorm();
        ComputationGraphConfiguration.GraphBuilder g = Blocks.base(options).graphBuilder()
                .addInputs("input").setInputTypes(options.inputType());
        String x = unit(g, "stem", width, 1, "input", bn, true);
        for (int stage = 1; stage <= 3; stage++) {
            int filters = width << (stage - 1);
            if (stage > 1) {
                x = unit(g, "down" + stage, filters, 2, x, bn, true);
            }
            for (int block = 1; block <= blocksPerStage; block++) {
                String name = "s" + stage + "b" + block;
                String h = unit(g, name + "_a", filters, 1, x, bn, true);
                h = unit(g, name + "_b", filters, 1, h, bn, false);
                if (skips) {
                    g.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), h, x);
                    h = name + "_add";
                }
                g.addLayer(name + "_relu", Blocks.relu(), h);
                x = name + "_relu";
            }
        }
        g.addLayer("avgpool", Blocks.globalAveragePool(), x);
        g.addLayer("output", Blocks.output(options, options.dropout()), "avgpool");
        g.setOutputs("output");
        ComputationGraph net = new ComputationGraph(Optimizer.fixWeightDecay(g.build()));
        net.init();
        return net;
    }

    /** 3x3 convolution (stride {@code stride}), batch norm if asked, then ReLU if {@code relu}; returns the last vertex. */
    private static String unit(ComputationGraphConfiguration.GraphBuilder g, String name, int filters, int stride, String input,
                               boolean bn, boolean relu) {
        g.addLayer(name + "_conv", Blocks.conv(filters, 3, stride, ConvolutionMode.Same, true), input);
        String last = name + "_conv";
        if (bn) {
            g.addLayer(name + "_bn", Blocks.batchNorm(), last);
            last = name + "_bn";
        }
        if (relu) {
            g.addLayer(name + "_relu", Blocks.relu(), last);
            last = name + "_relu";
        }
        return last;
    }
}
