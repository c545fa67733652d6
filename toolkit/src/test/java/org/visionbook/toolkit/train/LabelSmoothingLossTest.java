package org.visionbook.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

class LabelSmoothingLossTest {

    private static final double[][] LOGITS = {{1.0, 2.0, 0.5}, {-1.0, 0.0, 3.0}};
    private static final double[][] LABELS = {{0, 1, 0}, {1, 0, 0}};

    /** The loss by hand: softmax, smoothed targets, mean over rows of -sum(target * log p). */
    private static double byHand(double eps) {
        double total = 0;
        for (int r = 0; r < LOGITS.length; r++) {
            double[] z = LOGITS[r];
            double norm = 0;
            for (double v : z) {
                norm += Math.exp(v);
            }
            for (int k = 0; k < z.length; k++) {
                double p = Math.exp(z[k]) / norm;
                double target = (1 - eps) * LABELS[r][k] + eps / 3;
                total -= target * Math.log(p);
            }
        }
        return total / LOGITS.length;
    }

    private static INDArray logits() {
        return Nd4j.createFromArray(LOGITS);
    }

    private static INDArray labels() {
        return Nd4j.createFromArray(LABELS);
    }

    @Test
    void scoreMatchesAHandComputation() {
        LabelSmoothingLoss loss = new LabelSmoothingLoss(0.1);
        double score = loss.computeScore(labels(), logits(), new ActivationSoftmax(), null, true);
        assertEquals(byHand(0.1), score, 1e-9);
        // for example 0 with eps = 0.1: targets are 0.0333.., 0.9333.., 0.0333..
        assertEquals(0.1 / 3, loss.smooth(labels()).getDouble(0, 0), 1e-12);
        assertEquals(0.9 + 0.1 / 3, loss.smooth(labels()).getDouble(0, 1), 1e-12);
    }

    @Test
    void gradientIsSoftmaxMinusSmoothedTargets() {
        LabelSmoothingLoss loss = new LabelSmoothingLoss(0.2);
        INDArray grad = loss.computeGradient(labels(), logits(), new ActivationSoftmax(), null);
        for (int r = 0; r < 2; r++) {
            double norm = 0;
            for (double v : LOGITS[r]) {
                norm += Math.exp(v);
            }
            for (int k = 0; k < 3; k++) {
                double expected = Math.exp(LOGITS[r][k]) / norm - ((1 - 0.2) * LABELS[r][k] + 0.2 / 3);
                assertEquals(expected, grad.getDouble(r, k), 1e-6, "row " + r + " class " + k);
            }
        }
    }

    @Test
    void noSmoothingIsPlainCrossEntropy() {
        double plain = new LossMCXENT().computeScore(labels(), logits(), new ActivationSoftmax(), null, true);
        assertEquals(plain, new LabelSmoothingLoss(0).computeScore(labels(), logits(), new ActivationSoftmax(), null, true), 1e-12);
        assertEquals(byHand(0), plain, 1e-9);
    }

    @Test
    void survivesTheNetworkJsonOfACheckpoint() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder(new LabelSmoothingLoss(0.15)).nIn(3).nOut(3).build()).build();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(new LabelSmoothingLoss(0.15), ((OutputLayer) back.getConf(0).getLayer()).getLossFn());
    }

    @Test
    void smoothingOutsideZeroToOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LabelSmoothingLoss(1.0));
        assertThrows(IllegalArgumentException.class, () -> new LabelSmoothingLoss(-0.1));
    }
}
