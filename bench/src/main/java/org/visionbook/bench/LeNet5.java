package org.visionbook.bench;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.visionbook.toolkit.models.ModelOptions;

/**
 * The one place the benchmark defines its network: the course's LeNet-5 (conv 5x5x6, max-pool 2,
 * conv 5x5x16, max-pool 2, dense 120, dense 84, softmax 10; ReLU; Adam 1e-3), no padding, exactly
 * the layers of the PyTorch reference. With DL4J's default layout, workspace and cache modes it is
 * the toolkit's {@code models.LeNet5} (what chapter 04 trains); the other settings, which the
 * toolkit does not offer, get the same layers built here.
 */
final class LeNet5 {

    private LeNet5() {
    }

    static MultiLayerNetwork create(BenchSettings settings) {
        if (settings.format() == CNN2DFormat.NCHW && settings.workspaceMode() == WorkspaceMode.ENABLED
                && settings.cacheMode() == CacheMode.NONE) {
            // DL4J's defaults: the course's own LeNet-5, as chapter 04 builds it (Adam 1e-3)
            return org.visionbook.toolkit.models.LeNet5.build(ModelOptions.mnist().seed(settings.seed()));
        }
        CNN2DFormat format = settings.format();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(settings.workspaceMode())
                .inferenceWorkspaceMode(settings.workspaceMode())
                .cacheMode(settings.cacheMode())
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).activation(Activation.RELU).dataFormat(format).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .dataFormat(format).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).activation(Activation.RELU).dataFormat(format).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .dataFormat(format).build())
                .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(84).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1, format))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
