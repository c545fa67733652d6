package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The course's one-stage detector for 64 x 64 colour canvases, in the spirit of Tiny YOLOv2: a
 * stride-2 convolution and two poolings take the image down to an 8 x 8 grid, three more 3 x 3
 * convolutions widen each cell's view, and a 1 x 1 convolution gives, per cell and prior, 5 + C
 * numbers that DL4J's {@code Yolo2OutputLayer} turns into a box, a confidence and class
 * probabilities. Batch normalisation after every 3 x 3 convolution, leaky ReLU throughout.
 * Chapter 08 builds the same network in the notebook, layer by layer.
 */
public final class TinyYolo {

    private TinyYolo() {
    }

    /**
     * The network for {@code classes} classes and the given priors ({width, height} in grid units),
     * initialised from {@code seed}, trained with {@code updater}.
     */
    public static MultiLayerNetwork build(double[][] priors, int classes, long seed, IUpdater updater) {
        int outputs = priors.length * (5 + classes);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .activation(Activation.LEAKYRELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(16).build())      // 32 x 32
                .layer(new BatchNormalization())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).build())
                .layer(new BatchNormalization())
                .layer(new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build())   // 16 x 16
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).build())
                .layer(new BatchNormalization())
                .layer(new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build())   // 8 x 8
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).build())
                .layer(new BatchNormalization())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).build())
                .layer(new BatchNormalization())
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(outputs).activation(Activation.IDENTITY)
                        .weightInit(WeightInit.XAVIER).build())
                .layer(new Yolo2OutputLayer.Builder().boundingBoxPriors(Nd4j.create(priors)).build())
                .setInputType(InputType.convolutional(64, 64, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
