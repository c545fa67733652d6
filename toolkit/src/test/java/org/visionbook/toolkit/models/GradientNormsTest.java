package org.visionbook.toolkit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import tech.tablesaw.api.Table;

class GradientNormsTest {

    private static DataSet batch(int n) {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 1, 28, 28);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 10);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % 10, 1);
        }
        return new DataSet(x, y);
    }

    @Test
    void oneRowPerWeightLayerFromInputToOutputAndNothingIsUpdated() {
        MultiLayerNetwork net = LeNet5.build();
        INDArray before = net.params().dup();
        Table t = GradientNorms.perLayer(net, batch(8));
        assertEquals(java.util.List.of("conv1", "conv2", "fc1", "fc2", "output"), t.stringColumn("layer").asList());
        assertEquals(java.util.List.of(1, 2, 3, 4, 5), t.intColumn("depth").asList());
        assertTrue(t.doubleColumn("gradient norm").min() > 0);
        assertEquals(before, net.params());
    }

    @Test
    void theNormIsThatOfDl4jsOwnWeightGradient() {
        MultiLayerNetwork net = LeNet5.build();
        DataSet b = batch(4);
        Table t = GradientNorms.perLayer(net, b);
        net.setInput(b.getFeatures());
        net.setLabels(b.getLabels());
        net.computeGradientAndScore();
        double expected = net.gradient().getGradientFor("2_W").norm2Number().doubleValue();
        assertEquals(expected, t.doubleColumn("gradient norm").get(1), 1e-6 * expected);
    }

    @Test
    void graphsAreCoveredInTopologicalOrder() {
        ComputationGraph plain = ResNet.plain(ModelOptions.mnist(), 1);
        Table t = GradientNorms.perLayer(plain, batch(4));
        assertEquals(ResNet.depth(1), t.rowCount());
        assertEquals("stem_conv", t.stringColumn("layer").get(0));
        assertEquals("output", t.stringColumn("layer").get(t.rowCount() - 1));
    }
}
