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

    private static Table norms(double... values) {
        tech.tablesaw.api.IntColumn depth = tech.tablesaw.api.IntColumn.create("depth");
        tech.tablesaw.api.DoubleColumn norm = tech.tablesaw.api.DoubleColumn.create("gradient norm");
        for (int i = 0; i < values.length; i++) {
            depth.append(i + 1);
            norm.append(values[i]);
        }
        return Table.create("t", depth, norm);
    }

    @Test
    void theChartHasOneLogScaledLinePerNetworkInTheOrderGiven() {
        java.util.Map<String, Table> nets = new java.util.LinkedHashMap<>();
        nets.put("plain", norms(400, 40, 4));
        nets.put("residual", norms(5, 4, 3));
        org.knowm.xchart.XYChart chart = GradientNorms.chart("g", nets).build();
        assertEquals(java.util.List.of("plain", "residual"), java.util.List.copyOf(chart.getSeriesMap().keySet()));
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {400, 40, 4}, chart.getSeriesMap().get("plain").getYData());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 2, 3}, chart.getSeriesMap().get("residual").getXData());
    }

    @Test
    void theSpreadIsTheLargestNormOverTheSmallest() {
        assertEquals(100, GradientNorms.spread(norms(400, 40, 4)), 1e-9);
        assertEquals(1, GradientNorms.spread(norms(2, 2)), 1e-12);
        IllegalArgumentException zero = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradientNorms.spread(norms(3, 0)));
        assertTrue(zero.getMessage().contains("undefined"), zero.getMessage());
    }

    @Test
    void tablesThatAreNotPerLayerTablesAreRefusedByName() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradientNorms.chart("g", java.util.Map.of("mine", Table.create("x"))));
        assertTrue(e.getMessage().contains("'mine'") && e.getMessage().contains("gradient norm"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> GradientNorms.chart("g", java.util.Map.of()));
    }

    @Test
    void withBatchNormTheDeepPlainNetworkIsPulledFarMoreUnevenlyThanTheResidualOne() {
        ModelOptions bn = ModelOptions.mnist().batchNorm(true);
        DataSet b = batch(8);
        double plain = GradientNorms.spread(GradientNorms.perLayer(ResNet.plain(bn, 5), b));
        double residual = GradientNorms.spread(GradientNorms.perLayer(ResNet.residual(bn, 5), b));
        assertTrue(plain > 3 * residual, "spread plain " + plain + ", residual " + residual);
    }
}
