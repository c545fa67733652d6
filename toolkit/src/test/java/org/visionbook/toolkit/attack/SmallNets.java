package org.visionbook.toolkit.attack;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.data.Split;

/** Small networks for the attack tests: smooth double-precision ones for gradient checks, a trained MNIST one. */
final class SmallNets {

    static final int SIDE = 6;
    static final int CLASSES = 3;

    private SmallNets() {
    }

    /** conv 3x3 (2, tanh) - dense 5 (tanh) - softmax 3 on 1 x 6 x 6, in double precision. */
    static MultiLayerNetwork smoothMln(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .weightInit(WeightInit.XAVIER).dataType(DataType.DOUBLE).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIDE, SIDE, 1))
                .build());
        net.init();
        return net;
    }

    /** The same architecture as a ComputationGraph (workspace modes left at DL4J's defaults). */
    static ComputationGraph smoothGraph(long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed)
                .weightInit(WeightInit.XAVIER).dataType(DataType.DOUBLE).graphBuilder()
                .addInputs("pixels")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.TANH).build(), "pixels")
                .addLayer("dense", new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(SIDE, SIDE, 1))
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /** 1,000 MNIST training digits (the first ones, class-balanced). */
    static LabelledImages digits() {
        return Mnist.load(Split.TRAIN).limit(1000);
    }

    /** 200 MNIST test digits. */
    static LabelledImages testDigits() {
        return Mnist.load(Split.TEST).limit(200);
    }

    /** conv 5x5 (8) - pool 2 - dense 32 - softmax 10, trained 3 epochs on {@link #digits()}: a few seconds. */
    static MultiLayerNetwork trainedDigitNet() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(3e-3))
                .weightInit(WeightInit.RELU).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(8).activation(Activation.RELU)
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build());
        net.init();
        net.fit(digits().iterator(50, 3), 4);
        return net;
    }
}
