package org.visionbook.toolkit.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AnchorsTest {

    @Test
    void kMeansFindsTwoClearSizeClustersSmallestFirst() {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boxes.add(new Box(0, 0, 30 + (i % 2), 10));          // wide: 30-31 x 10
            boxes.add(new Box(0, 0, 5, 5 + (i % 2)));            // small: 5 x 5-6
        }
        double[][] priors = Anchors.kMeans(boxes, 2, 3);
        assertArrayEquals(new double[] {5, 5.5}, priors[0], 1e-9);
        assertArrayEquals(new double[] {30.5, 10}, priors[1], 1e-9);
        assertTrue(Anchors.meanBestIou(boxes, priors) > 0.9);
    }

    @Test
    void shapeIouComparesSizesOnACommonCentre() {
        assertEquals(0.5, Anchors.shapeIou(new double[] {2, 2}, new double[] {2, 1}), 1e-12);
        assertEquals(1 / 7.0, Anchors.shapeIou(new double[] {4, 1}, new double[] {1, 4}), 1e-12);
    }

    @Test
    void sameSeedSamePriors() {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            boxes.add(new Box(0, 0, 3 + (i * 7) % 20, 4 + (i * 11) % 17));
        }
        assertArrayEquals(Anchors.kMeans(boxes, 3, 9), Anchors.kMeans(boxes, 3, 9));
    }

    @Test
    void moreClustersThanBoxesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Anchors.kMeans(List.of(new Box(0, 0, 1, 1)), 2, 1));
    }

    @Test
    void gridUnitsDivideByTheCellSize() {
        assertArrayEquals(new double[][] {{2, 1.5}}, Anchors.inGridUnits(new double[][] {{16, 12}}, 8));
    }
}
