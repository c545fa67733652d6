package org.visionbook.toolkit.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.data.Split;
import org.visionbook.toolkit.models.LeNet5;
import org.visionbook.toolkit.viz.ScatterChart;

import tech.tablesaw.api.Table;

class TransferToolsTest {

    private static final LabelledImages DIGITS = Mnist.load(Split.TEST).limit(300);

    @Test
    void fewLabelsDrawsTheSameNumberOfEachClassDistinctAndRepeatably() {
        int[] picked = FewLabels.indices(DIGITS, 7, 3);
        assertEquals(70, picked.length);
        assertEquals(70, Arrays.stream(picked).distinct().count());
        int[] perClass = new int[10];
        for (int i : picked) {
            perClass[DIGITS.label(i)]++;
        }
        int[] sevens = new int[10];
        Arrays.fill(sevens, 7);
        assertArrayEquals(sevens, perClass);
        assertArrayEquals(picked, FewLabels.indices(DIGITS, 7, 3));
        assertTrue(!Arrays.equals(picked, FewLabels.indices(DIGITS, 7, 4)), "another seed, another draw");
    }

    @Test
    void featuresAreALayersOutputOneRowPerImage() {
        MultiLayerNetwork net = LeNet5.build();
        INDArray images = DIGITS.select(0, 1, 2).features();
        INDArray pool2 = Features.of(net, 3, images);
        assertArrayEquals(new long[] {3, 256}, pool2.shape());
        INDArray direct = net.feedForward(images, false).get(4);
        assertEquals(direct.reshape(3, 256), pool2);
        assertArrayEquals(new long[] {3, 84}, Features.of(net, 5, images).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Features.of(net, 7, images));
        assertTrue(e.getMessage().contains("layers 0 to 6"), e.getMessage());
    }

    @Test
    void aBudgetMakesExactlyItsUpdatesWhateverTheSetSize() {
        for (int examples : new int[] {10, 100}) {
            MultiLayerNetwork net = LeNet5.build();
            LabelledImages few = DIGITS.limit(examples);
            Budget.of(12, 32).fit(net, few.features(), few.oneHotLabels(), 1);
            assertEquals(12, net.getIterationCount(), examples + " examples");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Budget.of(1, 32).fit(LeNet5.build(), DIGITS.limit(10).features(), Nd4j.zeros(9, 10), 1));
        assertTrue(e.getMessage().contains("10 examples but 9 labels"), e.getMessage());
    }

    @Test
    void theSameBudgetAndSeedTrainTheSameNetwork() {
        LabelledImages few = DIGITS.limit(50);
        MultiLayerNetwork a = Budget.of(5, 16).fit(LeNet5.build(), few.features(), few.oneHotLabels(), 9);
        MultiLayerNetwork b = Budget.of(5, 16).fit(LeNet5.build(), few.features(), few.oneHotLabels(), 9);
        assertEquals(a.params(), b.params());
    }

    @Test
    void aLearningCurveGivesMediansMarginsATableAndAChart() {
        LearningCurve curve = LearningCurve.titled("test");
        curve.add("scratch", 10, 1, 0.60).add("scratch", 10, 2, 0.70).add("scratch", 10, 3, 0.65);
        curve.add("frozen", 10, 1, 0.80).add("frozen", 10, 2, 0.72).add("frozen", 10, 3, 0.75);
        curve.add("scratch", 100, 1, 0.90).add("frozen", 100, 1, 0.85);
        assertEquals(0.65, curve.median("scratch", 10), 1e-12);
        assertEquals(0.75, curve.median("frozen", 10), 1e-12);
        assertEquals(10.0, curve.bestMargin("scratch", 10), 1e-9);
        assertEquals(-5.0, curve.bestMargin("scratch", 100), 1e-9);
        assertEquals("frozen", curve.bestOther("scratch", 10));
        assertArrayEquals(new int[] {10, 100}, curve.sizes());
        Table table = curve.table("scratch");
        assertEquals(2, table.rowCount());
        assertEquals("65.0 (60.0-70.0)", table.stringColumn(1).get(0));
        assertEquals("+10.0", table.stringColumn("margin (points)").get(0));
        XYChart chart = curve.chart();
        assertEquals(4, chart.getSeriesMap().size(), "a band and a median line per strategy");
        assertThrows(IllegalArgumentException.class, () -> curve.add("scratch", 10, 4, 1.5));
    }

    @Test
    void aScatterChartHasOneSeriesPerClassNamedFromTheClassNames() {
        XYChart chart = ScatterChart.titled("pca").classNames(List.of("a", "b", "c"))
                .points(new double[] {0, 1, 2, 3}, new double[] {1, 0, 1, 0}, new int[] {0, 2, 2, 0}).build();
        assertEquals(List.of("a", "c"), List.copyOf(chart.getSeriesMap().keySet()));
        assertThrows(IllegalStateException.class, () -> ScatterChart.titled("empty").build());
        assertThrows(IllegalArgumentException.class,
                () -> ScatterChart.titled("x").points(new double[] {0}, new double[] {0, 1}, new int[] {0}));
    }
}
