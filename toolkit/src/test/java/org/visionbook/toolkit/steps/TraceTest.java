package org.visionbook.toolkit.steps;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceTest {

    private final double[][] image = Tensors.random(21, 1, 1, 7, 6)[0][0];
    private final double[][] kernel = Tensors.random(22, 1, 1, 3, 3)[0][0];
    private final Conv2dSpec spec = Conv2dSpec.kernel(3).withStride(2, 1).withPadding(1).withDilation(1, 2)
            .withRounding(Rounding.FLOOR);

    @Test
    void aConvolutionTraceEndsWithTheSameOutputAsTheReferenceOp() {
        Trace trace = Trace.convolution(image, kernel, 0.25, spec);

        double[][][][] expected = Conv2d.forward(new double[][][][] {{image}}, new double[][][][] {{kernel}},
                new double[] {0.25}, spec);

        assertGridEquals(expected[0][0], trace.output());
        assertEquals(expected[0][0].length * expected[0][0][0].length, trace.size());
    }

    @Test
    void poolingTracesEndWithTheSameOutputsAsTheReferenceOps() {
        Conv2dSpec window = Conv2dSpec.kernel(2).withStride(2).withPadding(Padding.same());
        double[][][][] x = {{image}};

        assertGridEquals(Pooling.max(x, window)[0][0], Trace.maxPooling(image, window).output());
        for (Pooling.AverageOver over : Pooling.AverageOver.values()) {
            assertGridEquals(Pooling.average(x, window, over)[0][0],
                    Trace.averagePooling(image, window, over).output());
        }
    }

    @Test
    void stepsGoRowByRowAndEachAddsUpItsProductsAndBias() {
        Trace trace = Trace.convolution(image, kernel, -0.5, spec);
        int cols = trace.output()[0].length;

        for (Step step : trace.steps()) {
            assertEquals(step.index() / cols, step.outRow());
            assertEquals(step.index() % cols, step.outCol());
            assertEquals(9, step.window().size());
            double sum = 0;
            for (int k = 0; k < 9; k++) {
                Step.Cell cell = step.window().get(k);
                assertEquals(step.outRow() * 2 - 1 + (k / 3), cell.row(), "row of window cell " + k);
                assertEquals(step.outCol() - 1 + (k % 3) * 2, cell.col(), "column of window cell " + k);
                boolean outside = cell.row() < 0 || cell.row() >= 7 || cell.col() < 0 || cell.col() >= 6;
                assertEquals(outside, cell.padding());
                assertEquals(outside ? 0 : image[cell.row()][cell.col()], cell.value());
                assertEquals(cell.value() * kernel[k / 3][k % 3], step.products().get(k), 1e-15);
                sum += step.products().get(k);
            }
            assertEquals(sum, step.sum(), 1e-12);
            assertEquals(sum - 0.5, step.output(), 1e-12);
            assertEquals(step.output(), trace.output()[step.outRow()][step.outCol()]);
        }
    }

    @Test
    void theArithmeticReadsLikeTheHandCalculation() {
        double[][] small = {{1, 2, 0}, {3, 4, 0}};
        Trace convolution = Trace.convolution(small, new double[][] {{1, 0}, {0, -1}}, 0.5, Conv2dSpec.kernel(2));

        assertEquals("1*1 + 2*0 + 3*0 + 4*(-1) = -3; + bias 0.5 = -2.5", convolution.step(0).arithmetic());
        assertEquals("2*1 + 0*0 + 4*0 + 0*(-1) = 2; + bias 0.5 = 2.5", convolution.step(1).arithmetic());
        assertEquals("(1 + 2 + 3 + 4) / 4 = 2.5", Trace.averagePooling(small, Conv2dSpec.kernel(2)).step(0).arithmetic());
    }

    @Test
    void maxPoolingIgnoresPaddingAndRemembersTheWinner() {
        double[][] small = {{-1, -2}, {-3, -4}};
        Step step = Trace.maxPooling(small, Conv2dSpec.kernel(2).withPadding(1).withStride(2)).step(0);

        assertEquals("max((-1)) = -1", step.arithmetic()); // the three padding cells are not candidates
        assertEquals(3, step.chosen());
        assertEquals(new Step.Cell(0, 0, false, -1), step.window().get(step.chosen()));
        assertTrue(Double.isNaN(step.products().get(0)));
    }

    @Test
    void averagingOverInputCellsOnlyDividesByThoseCells() {
        double[][] small = {{4, 8}, {2, 6}};
        Conv2dSpec window = Conv2dSpec.kernel(2).withPadding(1).withStride(2);

        assertEquals("(0 + 0 + 0 + 4) / 4 = 1", Trace.averagePooling(small, window).step(0).arithmetic());
        assertEquals("(4) / 1 = 4",
                Trace.averagePooling(small, window, Pooling.AverageOver.INPUT_CELLS_ONLY).step(0).arithmetic());
    }

    @Test
    void aTraceKeepsItsOwnCopiesOfTheNumbers() {
        double[][] input = {{1, 2}, {3, 4}};
        Trace trace = Trace.maxPooling(input, Conv2dSpec.kernel(2));

        input[1][1] = 100;
        trace.input()[0][0] = 100;
        trace.output()[0][0] = 100;

        assertArrayEquals(new double[] {1, 2}, trace.input()[0]);
        assertEquals(4, trace.output()[0][0]);
        assertThrows(UnsupportedOperationException.class, () -> trace.steps().clear());
        assertThrows(UnsupportedOperationException.class, () -> trace.step(0).window().clear());
    }

    @Test
    void aKernelOfTheWrongSizeOrAStrideThatDoesNotFitIsRefused() {
        IllegalArgumentException kernelSize = assertThrows(IllegalArgumentException.class,
                () -> Trace.convolution(image, kernel, Conv2dSpec.kernel(5)));
        assertEquals("kernel: expected 5x5 (from the spec) but got 3x3", kernelSize.getMessage());

        IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
                () -> Trace.convolution(image, kernel, Conv2dSpec.kernel(3).withStride(2)));
        assertTrue(stride.getMessage().startsWith("stride 2 does not fit the width"), stride.getMessage());

        assertThrows(IndexOutOfBoundsException.class, () -> Trace.maxPooling(image, Conv2dSpec.kernel(2)).step(30));
    }

    @Test
    void theSummaryNamesTheOperationTheSizesAndTheStepCount() {
        Trace trace = Trace.convolution(image, kernel, Conv2dSpec.kernel(3).withPadding(Padding.same()));

        assertEquals("convolution, kernel 3, stride 1, padding same, dilation 1: 7x6 input -> 7x6 output in 42 steps",
                trace.summary());
        assertEquals(List.of(new Pad(1, 1), new Pad(1, 1)), List.of(trace.padRows(), trace.padCols()));
    }

    private static void assertGridEquals(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, "rows");
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], 1e-12, "row " + r);
        }
    }
}
