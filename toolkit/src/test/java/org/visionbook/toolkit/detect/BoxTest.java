package org.visionbook.toolkit.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void iouOfTwoOffsetSquaresIsOneSeventh() {
        // 2x2 squares offset by (1, 1): overlap 1, union 4 + 4 - 1 = 7
        assertEquals(1 / 7.0, new Box(0, 0, 2, 2).iou(new Box(1, 1, 3, 3)), 1e-12);
    }

    @Test
    void iouIsSymmetricAndOneForTheSameBox() {
        Box a = new Box(3, 4, 10, 9);
        Box b = new Box(5, 1, 12, 7);
        assertEquals(a.iou(b), b.iou(a), 1e-15);
        assertEquals(1.0, a.iou(a), 1e-15);
    }

    @Test
    void boxesApartOrOnlyTouchingHaveIouZero() {
        assertEquals(0.0, new Box(0, 0, 2, 2).iou(new Box(5, 5, 6, 6)));
        assertEquals(0.0, new Box(0, 0, 2, 2).iou(new Box(2, 0, 4, 2)), "sharing an edge");
        assertEquals(0.0, new Box(0, 0, 2, 2).iou(new Box(2, 2, 4, 4)), "sharing a corner");
    }

    @Test
    void aBoxInsideAnotherHasIouAreaRatio() {
        assertEquals(1 / 16.0, new Box(0, 0, 4, 4).iou(new Box(1, 1, 2, 2)), 1e-12);
    }

    @Test
    void zeroAreaBoxesHaveIouZero() {
        assertEquals(0.0, new Box(1, 1, 1, 3).iou(new Box(0, 0, 4, 4)), "a line inside a box");
        assertEquals(0.0, new Box(1, 1, 1, 1).iou(new Box(1, 1, 1, 1)), "two equal points: no union");
    }

    @Test
    void partialOverlapByHand() {
        // [0,0,4,2] and [2,1,6,5]: overlap 2 x 1 = 2; union 8 + 16 - 2 = 22
        assertEquals(2 / 22.0, new Box(0, 0, 4, 2).iou(new Box(2, 1, 6, 5)), 1e-12);
    }

    @Test
    void cornersInTheWrongOrderOrNotFiniteAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Box(5, 0, 1, 2));
        assertTrue(e.getMessage().contains("x1 <= x2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Box(0, Double.NaN, 1, 2));
    }

    @Test
    void centredClippedAndScaled() {
        Box b = Box.centred(10, 20, 4, 6);
        assertEquals(new Box(8, 17, 12, 23), b);
        assertEquals(new Box(0, 0, 3, 2), new Box(-2, -1, 3, 2).clipped(64, 64));
        assertEquals(new Box(16, 34, 24, 46), b.scaled(2));
    }
}
