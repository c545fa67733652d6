package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.visionbook.toolkit.train.Optimizer;

/**
 * A plain stack of layers (a MultiLayerNetwork) written one block at a time. Hidden dense layers
 * after the first, and the output layer, drop their inputs with the options' dropout probability,
 * which is where AlexNet put dropout: on the outputs of the hidden fully connected layers.
 */
final class Sequence {

    private final ModelOptions options;
    private final NeuralNetConfiguration.ListBuilder list;
    private int denseLayers;

    Sequence(ModelOptions options) {
        this.options = options;
        this.list = Blocks.base(options).list();
    }

    private Sequence add(String name, Layer layer) {
        layer.setLayerName(name);
        list.layer(layer);
        return this;
    }

    /** Convolution and ReLU, with batch norm in between when the options ask for it. */
    Sequence conv(String name, int out, int kernel, int stride, ConvolutionMode mode) {
        boolean bn = options.batchNorm();
        add(name, Blocks.conv(out, kernel, stride, mode, bn));
        if (bn) {
            add(name + "_bn", Blocks.batchNorm());
            add(name + "_relu", Blocks.relu());
        }
        return this;
    }

    Sequence maxPool(String name, int size) {
        return add(name, Blocks.maxPool(size));
    }

    Sequence dense(String name, int out) {
        boolean bn = options.batchNorm();
        double drop = denseLayers > 0 ? options.dropout() : 0;
        add(name, Blocks.dense(out, drop, bn));
        if (bn) {
            add(name + "_bn", Blocks.batchNorm());
            add(name + "_relu", Blocks.relu());
        }
        denseLayers++;
        return this;
    }

    /** Adds the output layer, builds and initialises the network. */
    MultiLayerNetwork output() {
        add("output", Blocks.output(options, denseLayers > 0 ? options.dropout() : 0));
        list.setInputType(options.inputType());
        MultiLayerNetwork net = new MultiLayerNetwork(Optimizer.fixWeightDecay(list.build()));
        net.init();
        return net;
    }
}
