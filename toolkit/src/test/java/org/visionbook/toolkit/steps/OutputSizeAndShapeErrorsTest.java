package org.visionbook.toolkit.steps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputSizeAndShapeErrorsTest {

    @Test
    void theFormulaGivesTheTextbookSizes() {
        assertEquals(28, OutputSize.of(28, 5, 1, 2, 1).value()); // LeNet's padded first layer
        assertEquals(24, OutputSize.of(28, 5, 1, 0, 1).value());
        assertEquals(14, OutputSize.of(28, 2, 2, 0, 1).value());
        assertEquals(3, OutputSize.of(7, 3, 1, 0, 2).value()); // dilation 2 spans 5 cells
    }

    @Test
    void theWorkedFormulaShowsTheNumbers() {
        assertEquals("(7 + 2*1 - 1*(3-1) - 1)/2 + 1 = 4", OutputSize.of(7, 3, 2, 1, 1).worked());
        assertEquals("height: (5 + 0 + 1 - 1*(2-1) - 1)/2 + 1 = 3",
                Conv2dSpec.kernel(2).withStride(2).withPadding(Padding.same()).height(5).toString());
    }

    @Test
    void aStrideThatDoesNotFitSaysSoAndHowToFixIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conv2dSpec.kernel(3).withStride(2).height(8));

        assertTrue(e.getMessage().contains("stride 2 does not fit the height"), e.getMessage());
        assertTrue(e.getMessage().contains("= 3.5 is not a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("Pad by 1 more"), e.getMessage());
        assertTrue(e.getMessage().contains("Rounding.FLOOR"), e.getMessage());
    }

    @Test
    void roundingDownDropsTheLeftoverAsPyTorchDoes() {
        OutputSize size = Conv2dSpec.kernel(3).withStride(2).withRounding(Rounding.FLOOR).height(8);

        assertEquals(3, size.value());
        assertEquals("floor((8 + 2*0 - 1*(3-1) - 1)/2) + 1 = 3", size.worked());
        // ResNet's 7x7 stride-2 stem on 224 pixels only works because the frameworks round down
        Conv2dSpec stem = Conv2dSpec.kernel(7).withStride(2).withPadding(3);
        assertThrows(IllegalArgumentException.class, () -> stem.height(224));
        assertEquals(112, stem.withRounding(Rounding.FLOOR).height(224).value());
    }

    @Test
    void aKernelLargerThanThePaddedInputSaysTheOutputWouldBeEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conv2dSpec.kernel(3).withDilation(2).width(4));

        assertTrue(e.getMessage().contains("output width would be 0 or less"), e.getMessage());
        assertTrue(e.getMessage().contains("spans d(k-1)+1 = 2*(3-1)+1 = 5 cells"), e.getMessage());
        assertTrue(e.getMessage().contains("pad by 1 more"), e.getMessage());
    }

    @Test
    void nonsenseSettingsAreRefusedByName() {
        assertMessage("stride height must be at least 1; got 0", () -> Conv2dSpec.kernel(3).withStride(0, 1));
        assertMessage("padding must be 0 or more", () -> Padding.of(-1));
        assertMessage("kernel size k along the size must be at least 1; got 0", () -> OutputSize.of(5, 0, 1, 0, 1));
    }

    @Test
    void samePaddingKeepsCeilOfNOverSAndPutsTheOddZeroAtTheEnd() {
        Conv2dSpec same = Conv2dSpec.kernel(3).withStride(2).withPadding(Padding.same());

        assertEquals(4, same.height(7).value());
        assertEquals(new Pad(1, 1), same.padRows(7));
        assertEquals(4, same.height(8).value());
        assertEquals(new Pad(0, 1), same.padRows(8));
        assertEquals(new Pad(2, 2), Conv2dSpec.kernel(5).withPadding(Padding.same()).padCols(28));
        assertEquals(new Pad(0, 0), Conv2dSpec.kernel(1).withStride(3).withPadding(Padding.same()).padCols(9));
    }

    @Test
    void transposedSizesUndoTheForwardSizes() {
        Conv2dSpec spec = Conv2dSpec.kernel(4).withStride(2).withPadding(1);

        assertEquals(14, spec.transposedHeight(7));
        assertEquals(7, spec.height(14).value());
        assertEquals(21, Conv2dSpec.kernel(3).withStride(3).withPadding(Padding.same()).transposedWidth(7));
    }

    @Test
    void weightsWithTheWrongChannelCountNameExpectedAndActualShapes() {
        double[][][][] x = Tensors.random(1, 2, 3, 6, 6);
        double[][][][] w = Tensors.random(2, 4, 2, 3, 3);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conv2d.forward(x, w, null, Conv2dSpec.kernel(3)));

        assertTrue(e.getMessage().startsWith("weights w: expected shape [4, 3, 3, 3]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("but got [4, 2, 3, 3]"), e.getMessage());
    }

    @Test
    void weightsThatDisagreeWithTheSpecKernelAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conv2d.forward(Tensors.random(1, 1, 1, 6, 6), Tensors.random(2, 1, 1, 3, 3), null,
                        Conv2dSpec.kernel(5)));

        assertTrue(e.getMessage().contains("expected shape [1, 1, 5, 5]"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel 5x5 from the spec"), e.getMessage());
    }

    @Test
    void aRaggedInputIsReportedWithTheIndexOfTheBadRow() {
        double[][][][] x = Tensors.random(1, 1, 2, 3, 3);
        x[0][1][2] = new double[2];

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pooling.max(x, Conv2dSpec.kernel(2)));

        assertEquals("input x is ragged: input x[0][1][2] has 2 columns but the first one has 3", e.getMessage());
    }

    @Test
    void biasAndOutputGradientShapesAreChecked() {
        double[][][][] x = Tensors.random(1, 1, 2, 5, 5);
        double[][][][] w = Tensors.random(2, 3, 2, 3, 3);

        assertMessage("bias b: expected length 3 (one per output channel O of weights w) but got 2",
                () -> Conv2d.forward(x, w, new double[2], Conv2dSpec.kernel(3)));
        assertMessage("output gradient dOut: expected shape [1, 3, 3, 3] (the forward output's shape "
                + "[N, O, outH, outW]) but got [1, 3, 5, 5]",
                () -> Conv2d.backward(x, w, Tensors.random(3, 1, 3, 5, 5), Conv2dSpec.kernel(3)));
    }

    @Test
    void aPoolingWindowThatSeesOnlyPaddingIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pooling.max(Tensors.random(1, 1, 1, 3, 3), Conv2dSpec.kernel(2).withPadding(2)));

        assertTrue(e.getMessage().contains("window for output (0, 0) covers only padding"), e.getMessage());
    }

    private static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedPart), "message was: " + e.getMessage());
    }
}
