package org.visionbook.toolkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.models.ModelOptions;
import org.visionbook.toolkit.models.ResNet;
import org.visionbook.toolkit.models.SmallVgg;

class BatchNormHelperTest {

    /** Plain SGD: Adam divides by the root of tiny squared gradients, which magnifies float rounding. */
    private static final ModelOptions OPTIONS = ModelOptions.of(1, 8, 8, 3).batchNorm(true)
            .optimizer(org.visionbook.toolkit.train.Optimizer.sgd(0.1));

    private static DataSet batch() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, 8, 8);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 3, 1);
        }
        return new DataSet(x, y);
    }

    private static int helpers(Layer[] layers) {
        int n = 0;
        for (Layer l : layers) {
            if (l instanceof BatchNormalization) {
                assertTrue(l.getHelper() instanceof MKLDNNBatchNormHelper, "batch norm without the oneDNN helper");
                n++;
            }
        }
        return n;
    }

    @Test
    void batchNormLayersGetTheNativeHelperInStacksAndGraphs() {
        assertTrue(Performance.oneDnnAvailable());
        assertEquals(5, helpers(Performance.accelerate(SmallVgg.build(OPTIONS, 4, 4)).getLayers()));
        ComputationGraph graph = Performance.accelerate(ResNet.build(OPTIONS, 1, 4, true));
        assertEquals(ResNet.depth(1) - 1, helpers(graph.getLayers()));
    }

    @Test
    void gradientsAndTrainingWithTheHelperMatchPlainDl4j() {
        DataSet b = batch();
        MultiLayerNetwork plain = SmallVgg.build(OPTIONS, 4, 4);
        MultiLayerNetwork fast = Performance.accelerate(SmallVgg.build(OPTIONS, 4, 4));
        assertEquals(plain.params(), fast.params());
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {plain, fast}) {
            net.setInput(b.getFeatures());
            net.setLabels(b.getLabels());
            net.computeGradientAndScore();
        }
        INDArray g = plain.gradient().gradient();
        double gradientDiff = g.sub(fast.gradient().gradient()).amax().getDouble(0) / g.amax().getDouble(0);
        assertTrue(gradientDiff < 1e-4, "gradients differ by " + gradientDiff + " of the largest");
        for (int step = 0; step < 3; step++) {
            plain.fit(b);
            fast.fit(b);
        }
        double outputDiff = plain.output(b.getFeatures(), false).sub(fast.output(b.getFeatures(), false)).amax().getDouble(0);
        assertTrue(outputDiff < 1e-4, "outputs after 3 steps differ by " + outputDiff);
    }
}
