package org.visionbook.toolkit.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.visionbook.toolkit.train.LabelSmoothingLoss;

/** The layer recipes the model factories share, so each factory reads as its architecture. */
final class Blocks {

    private Blocks() {
    }

    /** Defaults for every layer: seed, He initialisation (for ReLU), optimiser, L2, float32. */
    static NeuralNetConfiguration.Builder base(ModelOptions o) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(o.seed())
                .weightInit(WeightInit.RELU)
                .dataType(DataType.FLOAT);
        o.optimizer().applyTo(b);
        if (o.l2() > 0) {
            b.l2(o.l2());
        }
        return b;
    }

    /** A k x k convolution; linear when batch norm follows it (the ReLU then comes after the norm). */
    static ConvolutionLayer conv(int out, int k, int stride, ConvolutionMode mode, boolean linear) {
        return new ConvolutionLayer.Builder(k, k).stride(stride, stride).nOut(out).convolutionMode(mode)
                .activation(linear ? Activation.IDENTITY : Activation.RELU).build();
    }

    static BatchNormalization batchNorm() {
        return new BatchNormalization.Builder().build();
    }

    static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }

    static SubsamplingLayer maxPool(int size) {
        return new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(size, size).stride(size, size).build();
    }

    static SubsamplingLayer avgPool(int size) {
        return new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(size, size).stride(size, size).build();
    }

    static GlobalPoolingLayer globalAveragePool() {
        return new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
    }

    /**
     * A hidden dense layer with ReLU (linear when batch norm follows). {@code dropInput} is the
     * probability of dropping each of its inputs (DL4J applies dropout to a layer's input).
     */
    static DenseLayer dense(int out, double dropInput, boolean linear) {
        DenseLayer.Builder b = new DenseLayer.Builder().nOut(out).activation(linear ? Activation.IDENTITY : Activation.RELU);
        if (dropInput > 0) {
            b.dropOut(new Dropout(1 - dropInput));
        }
        return b.build();
    }

    /** Softmax over the classes, cross-entropy loss (smoothed when the options say so), inputs dropped with {@code dropInput}. */
    static OutputLayer output(ModelOptions o, double dropInput) {
        ILossFunction loss = o.labelSmoothing() > 0 ? new LabelSmoothingLoss(o.labelSmoothing()) : new LossMCXENT();
        OutputLayer.Builder b = new OutputLayer.Builder(loss).nOut(o.classes()).activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER);
        if (dropInput > 0) {
            b.dropOut(new Dropout(1 - dropInput));
        }
        return b.build();
    }
}
