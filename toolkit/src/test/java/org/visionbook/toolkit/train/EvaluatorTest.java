package org.visionbook.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.visionbook.toolkit.viz.Heatmap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.viz.Picture;

import tech.tablesaw.api.Table;

class EvaluatorTest {

    private final LabelledImages test = Tiny.quadrants(200, 9);

    /** An untrained network makes plenty of mistakes, which is what this test needs. */
    private final MultiLayerNetwork net = Tiny.cnn(4, new Adam(1e-3));

    @Test
    void accuracyAndConfusionMatrixAgreeWithTheNetworksOwnPredictions() {
        EvaluationReport report = Evaluator.evaluate(net, Tiny.inOrder(test, 64));
        DataSet all = test.toDataSet();
        int[] predicted = Nd4j.argMax(net.output(all.getFeatures()), 1).toIntVector();
        int[] actual = test.labels();
        int[][] expected = new int[4][4];
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            expected[actual[i]][predicted[i]]++;
            right += actual[i] == predicted[i] ? 1 : 0;
        }
        assertEquals(right / 200.0, report.accuracy(), 1e-12);
        assertEquals(200, report.examples());
        for (int a = 0; a < 4; a++) {
            assertEquals(java.util.Arrays.toString(expected[a]), java.util.Arrays.toString(report.confusionMatrix()[a]));
        }
    }

    @Test
    void perClassTableHasPrecisionRecallF1AndSupport() {
        EvaluationReport report = Evaluator.evaluate(net, Tiny.inOrder(test, 64));
        Table t = report.perClass();
        assertEquals(List.of("class", "precision", "recall", "f1", "support"), t.columnNames());
        assertEquals(Tiny.NAMES, t.stringColumn("class").asList(), "names come from the iterator");
        assertEquals(200, (int) t.intColumn("support").sum());
        int[][] m = report.confusionMatrix();
        for (int c = 0; c < 4; c++) {
            int column = m[0][c] + m[1][c] + m[2][c] + m[3][c];
            int row = m[c][0] + m[c][1] + m[c][2] + m[c][3];
            if (row > 0) {
                assertEquals(m[c][c] / (double) row, t.doubleColumn("recall").get(c), 1e-9, "recall of class " + c);
            }
            if (column > 0) {
                assertEquals(m[c][c] / (double) column, t.doubleColumn("precision").get(c), 1e-9, "precision of class " + c);
            } else {
                assertTrue(t.doubleColumn("precision").isMissing(c), "a class never predicted has no precision");
            }
        }
    }

    @Test
    void mistakesAreRealMistakesMostConfidentFirst() {
        EvaluationReport report = Evaluator.evaluate(net, Tiny.inOrder(test, 64), 10);
        List<Mistake> mistakes = report.mistakes();
        assertEquals(Math.min(10, 200 - Math.round(report.accuracy() * 200)), mistakes.size());
        DataSet all = test.toDataSet();
        INDArray out = net.output(all.getFeatures());
        for (int i = 0; i < mistakes.size(); i++) {
            Mistake m = mistakes.get(i);
            assertNotEquals(m.actual(), m.predicted());
            assertEquals(test.label((int) m.index()), m.actual(), "index points into the evaluated order");
            assertEquals(out.getDouble(m.index(), m.predicted()), m.confidence(), 1e-6);
            assertEquals(all.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.point(m.index())), m.image());
            if (i > 0) {
                assertTrue(mistakes.get(i - 1).confidence() >= m.confidence());
            }
        }
        // no unkept mistake is more confident than the least confident kept one
        int[] predicted = Nd4j.argMax(out, 1).toIntVector();
        double weakestKept = mistakes.get(mistakes.size() - 1).confidence();
        long stronger = 0;
        for (int i = 0; i < 200; i++) {
            if (predicted[i] != test.label(i) && out.getDouble(i, predicted[i]) > weakestKept) {
                stronger++;
            }
        }
        assertTrue(stronger <= mistakes.size() - 1);
    }

    @Test
    void picturesOfTheConfusionMatrixAndTheMistakes() {
        EvaluationReport report = Evaluator.evaluate(net, Tiny.inOrder(test, 64));
        Picture heatmap = report.confusionHeatmap();
        assertTrue(heatmap.width() > 50 && heatmap.height() > 50);
        Picture grid = report.mistakesGrid(6);
        assertTrue(grid.width() > 50 && grid.pngBytes().length > 100);
    }

    @Test
    void theConfusionPictureWritesCountsAndColoursEachRowByItsShares() {
        // class 0: 180 right, 20 called 1; class 1: 9 right, 1 called 0; the same shares, 20x fewer examples
        int[][] pairs = {{0, 0, 180}, {0, 1, 20}, {1, 1, 9}, {1, 0, 1}};
        Evaluation evaluation = new Evaluation(2);
        for (int[] pair : pairs) {
            INDArray truth = Nd4j.zeros(pair[2], 2);
            truth.getColumn(pair[0]).assign(1);
            INDArray guess = Nd4j.zeros(pair[2], 2);
            guess.getColumn(pair[1]).assign(1);
            evaluation.eval(truth, guess);
        }
        EvaluationReport report = new EvaluationReport(evaluation, List.of("a", "b"), List.of(), 210);
        Heatmap map = report.confusionMap();
        java.awt.image.BufferedImage image = map.render().image();
        org.visionbook.toolkit.viz.PictureLayout.Box box = map.layout().cell(0);
        int cell = box.width() / 2;
        java.util.function.BiFunction<Integer, Integer, Integer> corner =
                (row, col) -> image.getRGB(box.x() + col * cell + 2, box.y() + row * cell + 2) & 0xFFFFFF;
        assertEquals(corner.apply(0, 0), corner.apply(1, 1), "90% of either class: the same colour");
        assertEquals(corner.apply(0, 1), corner.apply(1, 0), "10% of either class: the same colour");
        assertNotEquals(corner.apply(0, 0), corner.apply(0, 1));
        assertTrue(map.layout().cell(0).width() >= 2 * 30, "cells large enough for the counts");
    }
}
