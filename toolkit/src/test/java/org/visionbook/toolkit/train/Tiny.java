package org.visionbook.toolkit.train;

import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.visionbook.toolkit.data.ImageBatches;
import org.visionbook.toolkit.data.LabelledImages;

/** Small synthetic data and a small network, so training tests take a second or two. */
final class Tiny {

    static final int SIDE = 8;
    static final int CLASSES = 4;
    static final List<String> NAMES = List.of("top-left", "top-right", "bottom-left", "bottom-right");

    private Tiny() {
    }

    /** {@code n} images of SIDE x SIDE: a bright 2x2 blob in the quadrant named by the class, on faint noise. */
    static LabelledImages quadrants(int n, long seed) {
        Random r = new Random(seed);
        byte[] pixels = new byte[n * SIDE * SIDE];
        int[] labels = new int[n];
        int half = SIDE / 2;
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(CLASSES);
            labels[i] = k;
            int base = i * SIDE * SIDE;
            for (int p = 0; p < SIDE * SIDE; p++) {
                pixels[base + p] = (byte) r.nextInt(40);
            }
            int y = (k / 2) * half + r.nextInt(half - 1);
            int x = (k % 2) * half + r.nextInt(half - 1);
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    pixels[base + (y + dy) * SIDE + x + dx] = (byte) (200 + r.nextInt(56));
                }
            }
        }
        return LabelledImages.of("quadrants", pixels, labels, SIDE, SIDE, NAMES);
    }

    /** Batches in stored order (the same every epoch). */
    static ImageBatches inOrder(LabelledImages images, int batch) {
        return images.batches().batchSize(batch).inOrder().build();
    }

    /** conv 3x3 (4) - max pool 2 - dense 16 - softmax 4, for 1 x SIDE x SIDE input. */
    static MultiLayerNetwork cnn(long seed, IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(cnnConf(seed, updater, SIDE));
        net.init();
        return net;
    }

    static org.deeplearning4j.nn.conf.MultiLayerConfiguration cnnConf(long seed, IUpdater updater, int side) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(updater).weightInit(WeightInit.RELU)
                .dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU)
                        .convolutionMode(ConvolutionMode.Same).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(side, side, 1))
                .build();
    }
}
