package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ColorMapTest {

    @Test
    void theDivergingMapIsBlueAtMinimumWhiteAtZeroAndRedAtMaximum() {
        ValueRange r = ValueRange.symmetric(3);
        assertEquals(0x2166AC, ColorMap.DIVERGING.rgb(-3, r));
        assertEquals(0xFFFFFF, ColorMap.DIVERGING.rgb(0, r));
        assertEquals(0xB2182B, ColorMap.DIVERGING.rgb(3, r));
        assertEquals(0x2166AC, ColorMap.DIVERGING.rgb(-100, r), "clamped below");
        assertEquals(0xB2182B, ColorMap.DIVERGING.rgb(100, r), "clamped above");
    }

    @Test
    void theSequentialMapRunsFromDarkPurpleToYellow() {
        ValueRange r = ValueRange.of(2, 4);
        assertEquals(0x440154, ColorMap.SEQUENTIAL.rgb(2, r));
        assertEquals(0xFDE725, ColorMap.SEQUENTIAL.rgb(4, r));
    }

    @Test
    void greysInterpolateLinearlyBetweenBlackAndWhite() {
        assertEquals(0x000000, ColorMap.GREYS.rgb(0.0));
        assertEquals(0x808080, ColorMap.GREYS.rgb(0.5));
        assertEquals(0xFFFFFF, ColorMap.GREYS.rgb(1.0));
        assertEquals(0xFFFFFF, ColorMap.GREYS.reversed().rgb(0.0));
    }

    @Test
    void nanGetsTheMagentaThatNoMapUses() {
        assertEquals(ColorMap.NAN_RGB, ColorMap.SEQUENTIAL.rgb(Double.NaN));
    }

    @Test
    void onlyTheDivergingMapFitsASymmetricRange() {
        float[][] data = {{-1f, 3f}};
        assertTrue(ColorMap.DIVERGING.isDiverging());
        assertFalse(ColorMap.SEQUENTIAL.isDiverging());
        assertEquals(ValueRange.of(-3, 3), ColorMap.DIVERGING.fit(data));
        assertEquals(ValueRange.of(-1, 3), ColorMap.SEQUENTIAL.fit(data));
    }

    @Test
    void aCustomMapNeedsTwoAnchors() {
        assertThrows(IllegalArgumentException.class, () -> ColorMap.of("one", 0x123456));
        assertEquals(0x00FF00, ColorMap.of("green", 0x00FF00, 0x0000FF).rgb(0));
    }

    @Test
    void rangesFitTheFiniteValuesAndWidenAConstant() {
        assertEquals(ValueRange.of(-2, 5), ValueRange.fit(new float[] {1, -2, Float.NaN, 5, Float.POSITIVE_INFINITY}));
        assertEquals(ValueRange.of(3, 5), ValueRange.fit(new float[] {4, 4}));
        assertEquals(ValueRange.of(-1, 1), ValueRange.fitSymmetric(new float[] {0, 0}));
        assertEquals(ValueRange.unit(), ValueRange.fit(new float[] {Float.NaN}));
    }

    @Test
    void aRangeWithMinNotBelowMaxIsRejectedWithBothValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueRange.of(1, 1));
        assertTrue(e.getMessage().contains("[1.0, 1.0]"), e.getMessage());
    }

    @Test
    void tickLabelsAreShortAndTicksAreRound() {
        assertEquals("0.5", Ticks.format(0.5));
        assertEquals("-0.926", Ticks.format(-0.92634));
        assertEquals("1.5e+4", Ticks.format(15000));
        assertEquals("2.5e-5", Ticks.format(0.000025));
        assertEquals("5e-6", Ticks.format(5e-6));
        assertEquals("-1.23e+5", Ticks.format(-123456));
        assertEquals(List.of(-1.0, -0.5, 0.0, 0.5, 1.0), Ticks.nice(-1.2, 1.2, 5));
        assertEquals(5, Ticks.indexStep(3, 14));
    }
}
