package org.visionbook.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.visionbook.toolkit.detect.Box;
import org.visionbook.toolkit.detect.GroundTruth;
import org.visionbook.toolkit.detect.YoloGrid;

class ShapeScenesTest {

    private static final ShapeScenes.Spec SPEC = ShapeScenes.Spec.chapter();

    @Test
    void theSameSeedGivesTheSameCanvasesByteForByte() {
        SceneSet a = ShapeScenes.generate("a", SPEC, 40, 123);
        SceneSet b = ShapeScenes.generate("b", SPEC, 40, 123);
        assertArrayEquals(a.bytes(), b.bytes());
        assertEquals(a.truths(), b.truths());
        assertEquals(a.sha256(), b.sha256());
    }

    @Test
    void aDifferentSeedGivesDifferentCanvases() {
        assertNotEquals(ShapeScenes.generate("a", SPEC, 10, 1).sha256(), ShapeScenes.generate("a", SPEC, 10,
                2).sha256());
    }

    @Test
    void theChaptersTestSetIsFixed() {
        // the digest of the first 100 test canvases and their boxes, recorded when the chapter was written;
        // a change here changes the chapter's test set (and its committed figures)
        assertEquals("5ee1ac32b22cd695f867202b88ba938f85760020d82fc5c4daa18229b5bce815", ShapeScenes.generate("t",
                SPEC, 100, ShapeScenes.TEST_SEED).sha256());
    }

    @Test
    void aLongerSetStartsWithTheShorterOne() {
        SceneSet shortSet = ShapeScenes.generate("s", SPEC, 5, 77);
        SceneSet longSet = ShapeScenes.generate("l", SPEC, 9, 77);
        assertEquals(shortSet.sha256(), longSet.limit(5).sha256());
    }

    @Test
    void everyCanvasHasOneToFourObjectsInsideItCentredInDistinctCellsAndOverlappingLittle() {
        SceneSet set = ShapeScenes.generate("x", SPEC, 300, 5);
        int[] perCanvas = new int[5];
        for (int i = 0; i < set.count(); i++) {
            List<GroundTruth> objects = set.truths(i);
            perCanvas[objects.size()]++;
            Set<Integer> cells = new HashSet<>();
            for (GroundTruth t : objects) {
                Box b = t.box();
                assertTrue(b.x1() >= 0 && b.y1() >= 0 && b.x2() <= 64 && b.y2() <= 64, b.toString());
                assertTrue(b.width() >= 10 && b.width() <= 30 && b.height() >= 10 && b.height() <= 30, b.toString());
                assertTrue(cells.add((int) (b.centreY() / 8) * 8 + (int) (b.centreX() / 8)),
                        "two centres in one cell: " + objects);
                for (GroundTruth u : objects) {
                    assertTrue(u == t || u.box().iou(b) <= 0.3 + 1e-12, objects.toString());
                }
            }
        }
        assertEquals(0, perCanvas[0]);
        for (int n = 1; n <= 4; n++) {
            assertTrue(perCanvas[n] > 30, "canvases with " + n + " objects: " + perCanvas[n]);
        }
        for (int count : set.classCounts()) {
            assertTrue(count > 100, java.util.Arrays.toString(set.classCounts()));
        }
    }

    @Test
    void shapesFillTheirBoxesAsDrawn() {
        Box b = new Box(0, 0, 12, 12);
        assertTrue(ShapeScenes.inside(ShapeScenes.ELLIPSE, b, 6, 6));
        assertTrue(!ShapeScenes.inside(ShapeScenes.ELLIPSE, b, 0.5, 0.5), "ellipse corners are empty");
        assertTrue(ShapeScenes.inside(ShapeScenes.RECTANGLE, b, 0.5, 0.5));
        assertTrue(ShapeScenes.inside(ShapeScenes.TRIANGLE, b, 6, 0.5) && !ShapeScenes.inside(ShapeScenes.TRIANGLE,
                b, 1, 1),
                "apex at the top middle");
        assertTrue(ShapeScenes.inside(ShapeScenes.TRIANGLE, b, 0.5, 11.9), "base along the bottom");
        assertTrue(ShapeScenes.inside(ShapeScenes.CROSS, b, 6, 0.5) && !ShapeScenes.inside(ShapeScenes.CROSS, b, 1, 1));
    }

    @Test
    void featuresAreRgbInTheUnitRangeAndBatchesCarryYoloLabels() {
        SceneSet set = ShapeScenes.generate("x", SPEC, 10, 9);
        INDArray f = set.features(0, 10);
        assertArrayEquals(new long[] {10, 3, 64, 64}, f.shape());
        assertTrue(f.minNumber().doubleValue() >= 0 && f.maxNumber().doubleValue() <= 1);
        SceneBatches batches = set.batchesInOrder(4, new YoloGrid(64, 8));
        assertEquals(3, batches.batchesPerEpoch());
        DataSet first = batches.next();
        assertArrayEquals(new long[] {4, 8, 8, 8}, first.getLabels().shape());
        long objects = set.truths().stream().filter(t -> t.image() < 4).count();
        assertEquals(objects, first.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 8)).sumNumber().longValue());
    }

    @Test
    void aBadSpecIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShapeScenes.Spec(50, 5, 1, 4, 10, 30, 2, 0.3, 0.08));
        assertTrue(e.getMessage().contains("64 to 96"), e.getMessage());
    }
}
