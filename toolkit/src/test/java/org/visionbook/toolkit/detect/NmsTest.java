package org.visionbook.toolkit.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class NmsTest {

    private static Detection d(int image, int label, double score, double x1, double y1, double x2, double y2) {
        return new Detection(image, label, score, new Box(x1, y1, x2, y2));
    }

    @Test
    void keepsTheSurestOfOverlappingBoxesAndBoxesElsewhere() {
        Detection best = d(0, 0, 0.9, 0, 0, 10, 10);
        Detection shifted = d(0, 0, 0.8, 1, 1, 11, 11);      // IoU 81/119 = 0.68 with best
        Detection apart = d(0, 0, 0.7, 20, 20, 30, 30);
        assertEquals(List.of(best, apart), Nms.perClass(List.of(shifted, apart, best), 0.5));
    }

    @Test
    void boxesOfDifferentImagesNeverSuppressEachOther() {
        Detection a = d(0, 0, 0.9, 0, 0, 10, 10);
        Detection b = d(1, 0, 0.8, 0, 0, 10, 10);
        Detection c = d(2, 0, 0.95, 0, 0, 10, 10);
        assertEquals(List.of(a, b, c), Nms.perClass(List.of(c, b, a), 0.5));
        assertEquals(List.of(a, b, c), Nms.acrossClasses(List.of(c, b, a), 0.5));
    }

    @Test
    void perClassKeepsOverlappingBoxesOfDifferentClassesAcrossClassesDoesNot() {
        Detection cat = d(0, 0, 0.9, 0, 0, 10, 10);
        Detection dog = d(0, 1, 0.8, 0, 0, 10, 10);
        assertEquals(List.of(cat, dog), Nms.perClass(List.of(dog, cat), 0.5));
        assertEquals(List.of(cat), Nms.acrossClasses(List.of(dog, cat), 0.5));
    }

    @Test
    void equalScoresKeepTheEarlierBox() {
        Detection first = d(0, 0, 0.5, 0, 0, 10, 10);
        Detection second = d(0, 0, 0.5, 0, 0, 10, 10);
        List<Detection> kept = Nms.perClass(List.of(first, second), 0.5);
        assertEquals(1, kept.size());
        assertEquals(first, kept.get(0));
        assertEquals(second, Nms.perClass(List.of(second, first), 0.5).get(0));
    }

    @Test
    void aBoxIsDroppedOnlyWhenIouIsAboveTheThreshold() {
        Detection a = d(0, 0, 0.9, 0, 0, 2, 2);
        Detection b = d(0, 0, 0.8, 1, 1, 3, 3);               // IoU exactly 1/7
        assertEquals(2, Nms.perClass(List.of(a, b), 1 / 7.0).size(), "IoU equal to the threshold: kept");
        assertEquals(1, Nms.perClass(List.of(a, b), 0.14).size(), "IoU above the threshold: dropped");
        assertEquals(2, Nms.perClass(List.of(a, b), 1.0).size(), "threshold 1: only exact copies could go");
    }

    @Test
    void aSuppressedBoxCannotSuppressOthers() {
        // b overlaps a (dropped); c overlaps b but not a: c must stay
        Detection a = d(0, 0, 0.9, 0, 0, 10, 10);
        Detection b = d(0, 0, 0.8, 5, 0, 15, 10);             // IoU with a = 50/150
        Detection c = d(0, 0, 0.7, 10, 0, 20, 10);            // IoU with a = 0, with b = 1/3
        assertEquals(List.of(a, c), Nms.perClass(List.of(a, b, c), 0.3));
    }

    @Test
    void thresholdOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Nms.perClass(List.of(), 1.5));
        assertThrows(IllegalArgumentException.class, () -> Nms.perClass(List.of(), Double.NaN));
    }
}
