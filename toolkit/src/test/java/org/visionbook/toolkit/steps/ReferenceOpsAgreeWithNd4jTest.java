package org.visionbook.toolkit.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every naive op against ND4J's native op of the same name, on random doubles, over a grid of
 * kernel sizes, strides, paddings and dilations (plus a few non-square cases).
 */
class ReferenceOpsAgreeWithNd4jTest {

    /** The bar: relative error under 1e-5. In double precision the two usually differ by ~1e-15. */
    private static final double TOLERANCE = 1e-5;

    /** One grid point: a batch of inputs and how the window slides over them. */
    record Case(int index, int batch, int inChannels, int outChannels, int height, int width, Conv2dSpec spec) {
        @Override
        public String toString() {
            return batch + "x" + inChannels + "x" + height + "x" + width + " -> " + outChannels + " channels, " + spec;
        }
    }

    static Stream<Case> convolutionGrid() {
        List<Case> cases = new ArrayList<>();
        for (int k : new int[] {1, 2, 3, 5}) {
            for (int s : new int[] {1, 2, 3}) {
                for (int d : new int[] {1, 2}) {
                    for (Padding p : new Padding[] {Padding.valid(), Padding.same(), Padding.of(1), Padding.of(2)}) {
                        addIfItFits(cases, 2, 3, 4, 7, 9, Conv2dSpec.kernel(k).withStride(s).withDilation(d)
                                .withPadding(p).withRounding(Rounding.FLOOR));
                    }
                }
            }
        }
        addIfItFits(cases, 1, 2, 3, 8, 6, Conv2dSpec.kernel(3, 2).withStride(2, 1).withDilation(1, 2)
                .withPadding(Padding.of(1, 2)).withRounding(Rounding.FLOOR));
        addIfItFits(cases, 2, 1, 2, 6, 10, Conv2dSpec.kernel(2, 4).withStride(1, 3).withPadding(Padding.same()));
        addIfItFits(cases, 1, 3, 1, 5, 5, Conv2dSpec.kernel(5).withPadding(2));
        return cases.stream().filter(c -> !nd4jSamePaddingGoesNegative(c.spec, c.height, c.width));
    }

    static Stream<Case> transposedGrid() {
        List<Case> cases = new ArrayList<>();
        for (int k : new int[] {1, 2, 3, 4}) {
            for (int s : new int[] {1, 2, 3}) {
                for (int d : new int[] {1, 2}) {
                    for (Padding p : new Padding[] {Padding.valid(), Padding.same(), Padding.of(1)}) {
                        addIfItFits(cases, 2, 3, 2, 4, 5, Conv2dSpec.kernel(k).withStride(s).withDilation(d)
                                .withPadding(p));
                    }
                }
            }
        }
        addIfItFits(cases, 1, 2, 3, 3, 4, Conv2dSpec.kernel(3, 2).withStride(2, 3).withPadding(Padding.of(1, 0)));
        return cases.stream().filter(c -> transposedFits(c)
                && !nd4jSamePaddingGoesNegative(c.spec, c.spec.transposedHeight(c.height),
                        c.spec.transposedWidth(c.width)));
    }

    static Stream<Case> poolingGrid() {
        List<Case> cases = new ArrayList<>();
        for (int k : new int[] {2, 3}) {
            for (int s : new int[] {1, 2, 3}) {
                for (int d : new int[] {1, 2}) {
                    for (Padding p : new Padding[] {Padding.valid(), Padding.same(), Padding.of(1)}) {
                        addIfItFits(cases, 2, 3, 3, 7, 8, Conv2dSpec.kernel(k).withStride(s).withDilation(d)
                                .withPadding(p).withRounding(Rounding.FLOOR));
                    }
                }
            }
        }
        addIfItFits(cases, 1, 2, 2, 9, 6, Conv2dSpec.kernel(3, 2).withStride(2, 1).withPadding(Padding.of(1, 1)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convolutionGrid")
    void conv2dForwardMatchesNd4j(Case c) {
        double[][][][] x = Tensors.random(c.index, c.batch, c.inChannels, c.height, c.width);
        double[][][][] w = weights(c, c.outChannels, c.inChannels);
        double[] b = Tensors.random(c.index + 2, c.outChannels);

        assertAgree(Nd4jOps.conv2d(x, w, b, c.spec), Conv2d.forward(x, w, b, c.spec), "conv2d output");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convolutionGrid")
    void conv2dBackwardMatchesNd4j(Case c) {
        double[][][][] x = Tensors.random(c.index, c.batch, c.inChannels, c.height, c.width);
        double[][][][] w = weights(c, c.outChannels, c.inChannels);
        double[] b = Tensors.random(c.index + 2, c.outChannels);
        double[][][][] dOut = Tensors.random(c.index + 3, c.batch, c.outChannels,
                c.spec.height(c.height).value(), c.spec.width(c.width).value());

        Conv2d.Gradients expected = Nd4jOps.conv2dBackward(x, w, b, dOut, c.spec);
        Conv2d.Gradients actual = Conv2d.backward(x, w, dOut, c.spec);

        assertAgree(expected.input(), actual.input(), "conv2d input gradient");
        assertAgree(expected.weights(), actual.weights(), "conv2d weight gradient");
        assertAgree(expected.bias(), actual.bias(), "conv2d bias gradient");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transposedGrid")
    void transposedConvolutionMatchesNd4jDeconv2d(Case c) {
        double[][][][] x = Tensors.random(c.index, c.batch, c.inChannels, c.height, c.width);
        double[][][][] w = weights(c, c.inChannels, c.outChannels);
        double[] b = Tensors.random(c.index + 2, c.outChannels);

        assertAgree(Nd4jOps.deconv2d(x, w, b, c.spec), ConvTranspose2d.forward(x, w, b, c.spec), "deconv2d output");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transposedGrid")
    void transposedConvolutionBackwardMatchesNd4j(Case c) {
        double[][][][] x = Tensors.random(c.index, c.batch, c.inChannels, c.height, c.width);
        double[][][][] w = weights(c, c.inChannels, c.outChannels);
        double[] b = Tensors.random(c.index + 2, c.outChannels);
        double[][][][] dOut = Tensors.random(c.index + 3, c.batch, c.outChannels,
                c.spec.transposedHeight(c.height), c.spec.transposedWidth(c.width));

        Conv2d.Gradients expected = Nd4jOps.deconv2dBackward(x, w, b, dOut, c.spec);
        Conv2d.Gradients actual = ConvTranspose2d.backward(x, w, dOut, c.spec);

        assertAgree(expected.input(), actual.input(), "deconv2d input gradient");
        assertAgree(expected.weights(), actual.weights(), "deconv2d weight gradient");
        assertAgree(expected.bias(), actual.bias(), "deconv2d bias gradient");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolingGrid")
    void maxPoolingAndItsBackwardMatchNd4j(Case c) {
        double[][][][] x = Tensors.random(c.index, c.batch, c.inChannels, c.height, c.width);
        double[][][][] dOut = Tensors.random(c.index + 3, c.batch, c.inChannels,
                c.spec.height(c.height).value(), c.spec.width(c.width).value());

        assertAgree(Nd4jOps.maxPool(x, c.spec), Pooling.max(x, c.spec), "max pooling output");
        assertAgree(Nd4jOps.maxPoolBackward(x, dOut, c.spec), Pooling.maxBackward(x, dOut, c.spec),
                "max pooling input gradient");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolingGrid")
    void averagePoolingAndItsBackwardMatchNd4jWithEitherDivisor(Case c) {
        double[][][][] x = Tensors.random(c.index, c.batch, c.inChannels, c.height, c.width);
        double[][][][] dOut = Tensors.random(c.index + 3, c.batch, c.inChannels,
                c.spec.height(c.height).value(), c.spec.width(c.width).value());

        for (Pooling.AverageOver over : Pooling.AverageOver.values()) {
            assertAgree(Nd4jOps.averagePool(x, c.spec, over), Pooling.average(x, c.spec, over),
                    "average pooling output (" + over + ")");
            assertAgree(Nd4jOps.averagePoolBackward(x, dOut, c.spec, over),
                    Pooling.averageBackward(x, dOut, c.spec, over), "average pooling input gradient (" + over + ")");
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}x{3}")
    @org.junit.jupiter.params.provider.CsvSource({"1,1,1,1", "2,3,4,5", "3,2,7,1"})
    void globalAveragePoolingAndItsBackwardMatchNd4j(int n, int c, int h, int w) {
        double[][][][] x = Tensors.random(h * 31 + w, n, c, h, w);
        double[][] dOut = new double[n][];
        for (int i = 0; i < n; i++) {
            dOut[i] = Tensors.random(i + 100, c);
        }

        double[][] expected = Nd4jOps.globalAverage(x);
        double[][] actual = Pooling.globalAverage(x);
        for (int i = 0; i < n; i++) {
            assertAgree(expected[i], actual[i], "global average of batch item " + i);
        }
        assertAgree(Nd4jOps.globalAverageBackward(x, dOut), Pooling.globalAverageBackward(x, dOut),
                "global average input gradient");
    }

    /**
     * ND4J's "same" mode computes its padding as ((out−1)·s + span − n) / 2 without clamping at 0, so
     * when the stride is longer than the window it goes negative and shifts the windows inwards. We
     * keep TensorFlow's convention (never less than 0 padding); this pins down the difference: ND4J's
     * result equals ours on the input with the first cells cropped.
     */
    @org.junit.jupiter.api.Test
    void nd4jSameModeCropsInsteadOfPaddingWhenTheStrideIsLongerThanTheKernel() {
        Conv2dSpec spec = Conv2dSpec.kernel(1).withStride(3).withPadding(Padding.same());
        double[][][][] x = Tensors.random(7, 1, 2, 7, 9);
        double[][][][] w = Tensors.random(8, 3, 2, 1, 1);
        double[] b = Tensors.random(9, 3);
        org.junit.jupiter.api.Assertions.assertTrue(nd4jSamePaddingGoesNegative(spec, 7, 9));

        double[][][][] croppedByOneColumn = new double[1][2][7][8];
        for (int c = 0; c < 2; c++) {
            for (int row = 0; row < 7; row++) {
                System.arraycopy(x[0][c][row], 1, croppedByOneColumn[0][c][row], 0, 8);
            }
        }

        assertAgree(Nd4jOps.conv2d(x, w, b, spec), Conv2d.forward(croppedByOneColumn, w, b, spec),
                "ND4J same-mode conv vs ours on the cropped input");
        double disagreement = Tensors.maxRelativeDifference(Nd4jOps.conv2d(x, w, b, spec),
                Conv2d.forward(x, w, b, spec));
        assertTrue(disagreement > 0.01, "expected ND4J to shift the windows here; if it now pads like "
                + "TensorFlow, drop nd4jSamePaddingGoesNegative from the grids (difference " + disagreement + ")");
    }

    /** True where ND4J's unclamped same-mode padding, ((out−1)·s + span − n) / 2, is negative on some axis. */
    private static boolean nd4jSamePaddingGoesNegative(Conv2dSpec spec, int height, int width) {
        if (!(spec.padding() instanceof Padding.Same)) {
            return false;
        }
        int outH = (height + spec.strideHeight() - 1) / spec.strideHeight();
        int outW = (width + spec.strideWidth() - 1) / spec.strideWidth();
        return ((outH - 1) * spec.strideHeight() + spec.spanHeight() - height) / 2 < 0
                || ((outW - 1) * spec.strideWidth() + spec.spanWidth() - width) / 2 < 0;
    }

    private static double[][][][] weights(Case c, int first, int second) {
        return Tensors.random(c.index + 1, first, second, c.spec.kernelHeight(), c.spec.kernelWidth());
    }

    private static void assertAgree(double[][][][] expected, double[][][][] actual, String what) {
        assertArrayEquals(Tensors.shape(expected), Tensors.shape(actual), what + ": shapes differ");
        double error = Tensors.maxRelativeDifference(expected, actual);
        assertTrue(error < TOLERANCE, what + ": max relative error " + error + " vs ND4J");
    }

    private static void assertAgree(double[] expected, double[] actual, String what) {
        assertTrue(expected.length == actual.length, what + ": lengths differ " + expected.length + " vs "
                + actual.length);
        double error = Tensors.maxRelativeDifference(expected, actual);
        assertTrue(error < TOLERANCE, what + ": max relative error " + error + " vs ND4J");
    }

    private static void addIfItFits(List<Case> cases, int n, int inC, int outC, int h, int w, Conv2dSpec spec) {
        try {
            spec.height(h);
            spec.width(w);
        } catch (IllegalArgumentException doesNotFit) {
            return; // e.g. a dilated 5x5 kernel on 7 rows without padding: no output to compare
        }
        cases.add(new Case(cases.size() * 10, n, inC, outC, h, w, spec));
    }

    private static boolean transposedFits(Case c) {
        try {
            c.spec.transposedHeight(c.height);
            c.spec.transposedWidth(c.width);
            return true;
        } catch (IllegalArgumentException doesNotFit) {
            return false;
        }
    }
}
