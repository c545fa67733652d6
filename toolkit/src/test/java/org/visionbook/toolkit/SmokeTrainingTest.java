package org.visionbook.toolkit;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeTrainingTest {
    @Test
    void tinyNetworkLearns() {
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(256, 4);
        INDArray y = Nd4j.zeros(256, 2);
        for (int i = 0; i < 256; i++) y.putScalar(i, x.getDouble(i, 0) > 0.5 ? 1 : 0, 1.0);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-2)).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(2).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataSet ds = new DataSet(x, y);
        double before = net.score(ds);
        for (int i = 0; i < 100; i++) net.fit(ds);
        double after = net.score(ds);
        System.out.println("loss " + before + " -> " + after + " backend " + Nd4j.getBackend().getClass().getSimpleName());
        assertTrue(after < before * 0.7, before + " -> " + after);
    }
}
