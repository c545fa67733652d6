package org.visionbook.toolkit.steps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backward passes against central differences of a scalar loss L = Σ y ⊙ R (R random), whose
 * gradient with respect to y is R. The specs mix stride, padding and dilation on purpose.
 */
class BackwardPassesPassTheNumericGradientCheckTest {

    private static final double TOLERANCE = 1e-6;

    private final Conv2dSpec spec = Conv2dSpec.kernel(3).withStride(2).withDilation(2).withPadding(Padding.same());

    @Test
    void convolutionGradientsForInputWeightsAndBiasMatchCentralDifferences() {
        double[][][][] x = Tensors.random(1, 2, 3, 7, 6);
        double[][][][] w = Tensors.random(2, 4, 3, 3, 3);
        double[] b = Tensors.random(3, 4);
        double[][][][] r = Tensors.random(4, Tensors.shape(Conv2d.forward(x, w, b, spec)));
        Conv2d.Gradients grads = Conv2d.backward(x, w, r, spec);

        GradientCheck forInput = GradientCheck.of(x, grads.input(), () -> Tensors.dot(Conv2d.forward(x, w, b, spec), r));
        GradientCheck forWeights = GradientCheck.of(w, grads.weights(),
                () -> Tensors.dot(Conv2d.forward(x, w, b, spec), r));
        GradientCheck forBias = GradientCheck.of(b, grads.bias(), () -> Tensors.dot(Conv2d.forward(x, w, b, spec), r));

        assertTrue(forInput.passes(TOLERANCE), forInput::toString);
        assertTrue(forWeights.passes(TOLERANCE), forWeights::toString);
        assertTrue(forBias.passes(TOLERANCE), forBias::toString);
        assertEquals(2 * 3 * 7 * 6, forInput.entriesChecked());
    }

    @Test
    void transposedConvolutionGradientsMatchCentralDifferences() {
        Conv2dSpec upsample = Conv2dSpec.kernel(4).withStride(2).withPadding(1);
        double[][][][] x = Tensors.random(5, 2, 3, 3, 4);
        double[][][][] w = Tensors.random(6, 3, 2, 4, 4);
        double[] b = Tensors.random(7, 2);
        double[][][][] r = Tensors.random(8, Tensors.shape(ConvTranspose2d.forward(x, w, b, upsample)));
        Conv2d.Gradients grads = ConvTranspose2d.backward(x, w, r, upsample);

        GradientCheck forInput = GradientCheck.of(x, grads.input(),
                () -> Tensors.dot(ConvTranspose2d.forward(x, w, b, upsample), r));
        GradientCheck forWeights = GradientCheck.of(w, grads.weights(),
                () -> Tensors.dot(ConvTranspose2d.forward(x, w, b, upsample), r));
        GradientCheck forBias = GradientCheck.of(b, grads.bias(),
                () -> Tensors.dot(ConvTranspose2d.forward(x, w, b, upsample), r));

        assertTrue(forInput.passes(TOLERANCE), forInput::toString);
        assertTrue(forWeights.passes(TOLERANCE), forWeights::toString);
        assertTrue(forBias.passes(TOLERANCE), forBias::toString);
    }

    @Test
    void poolingGradientsMatchCentralDifferences() {
        Conv2dSpec window = Conv2dSpec.kernel(2).withStride(2).withPadding(1).withRounding(Rounding.FLOOR);
        double[][][][] x = Tensors.random(9, 2, 2, 5, 6);
        double[][][][] r = Tensors.random(10, Tensors.shape(Pooling.max(x, window)));
        double[][] rGlobal = {Tensors.random(11, 2), Tensors.random(12, 2)};

        GradientCheck max = GradientCheck.of(x, Pooling.maxBackward(x, r, window),
                () -> Tensors.dot(Pooling.max(x, window), r));
        assertTrue(max.passes(TOLERANCE), max::toString);
        for (Pooling.AverageOver over : Pooling.AverageOver.values()) {
            GradientCheck average = GradientCheck.of(x, Pooling.averageBackward(x, r, window, over),
                    () -> Tensors.dot(Pooling.average(x, window, over), r));
            assertTrue(average.passes(TOLERANCE), over + ": " + average);
        }
        GradientCheck global = GradientCheck.of(x, Pooling.globalAverageBackward(x, rGlobal),
                () -> dot(Pooling.globalAverage(x), rGlobal));
        assertTrue(global.passes(TOLERANCE), global::toString);
    }

    @Test
    void aWrongGradientIsCaughtAndLocated() {
        double[][][][] x = Tensors.random(13, 1, 1, 4, 4);
        double[][][][] w = Tensors.random(14, 1, 1, 3, 3);
        double[][][][] r = Tensors.random(15, 1, 1, 2, 2);
        double[][][][] dw = Conv2d.backward(x, w, r, Conv2dSpec.kernel(3)).weights();
        dw[0][0][1][2] *= 1.5; // a typical slip: one entry off

        GradientCheck check = GradientCheck.of(w, dw,
                () -> Tensors.dot(Conv2d.forward(x, w, null, Conv2dSpec.kernel(3)), r));

        assertTrue(check.maxRelativeError() > 0.1, check::toString);
        assertEquals("[0][0][1][2]", check.worstEntry());
        assertTrue(!check.passes(TOLERANCE));
    }

    @Test
    void theParameterIsRestoredExactlyAfterTheCheck() {
        double[] p = Tensors.random(16, 5);
        double[] before = p.clone();

        GradientCheck.of(p, p.clone(), () -> p[0] * p[1] + p[2] * p[3] * p[4]);

        org.junit.jupiter.api.Assertions.assertArrayEquals(before, p);
    }

    private static double dot(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sum += a[i][j] * b[i][j];
            }
        }
        return sum;
    }
}
