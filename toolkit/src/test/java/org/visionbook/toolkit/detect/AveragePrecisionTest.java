package org.visionbook.toolkit.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

    /** Three objects in three images; five detections by falling score: hit, miss, hit, miss, hit. */
    private static final List<GroundTruth> TRUTHS = List.of(
            new GroundTruth(0, 0, new Box(0, 0, 10, 10)),
            new GroundTruth(1, 0, new Box(0, 0, 10, 10)),
            new GroundTruth(2, 0, new Box(0, 0, 10, 10)));
    private static final List<Detection> DETECTIONS = List.of(
            new Detection(0, 0, 0.9, new Box(0, 0, 10, 10)),      // hit
            new Detection(0, 0, 0.8, new Box(40, 40, 50, 50)),    // nothing there
            new Detection(1, 0, 0.7, new Box(1, 0, 11, 10)),      // hit, IoU 90/110
            new Detection(0, 0, 0.6, new Box(0, 0, 10, 10)),      // duplicate of an object already found
            new Detection(2, 0, 0.5, new Box(0, 0, 10, 10)));     // hit

    @Test
    void precisionAndRecallAfterEachDetection() {
        PrecisionRecall pr = PrecisionRecall.of(DETECTIONS, TRUTHS, 0, 0.5);
        assertArrayEquals(new boolean[] {true, false, true, false, true}, pr.truePositive());
        assertArrayEquals(new double[] {1, 1 / 2.0, 2 / 3.0, 2 / 4.0, 3 / 5.0}, pr.precision(), 1e-12);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1}, pr.recall(), 1e-12);
        assertEquals(3, pr.found());
    }

    @Test
    void allPointsApIsTheAreaUnderThePrecisionEnvelope() {
        // envelope: 1 up to recall 1/3, 2/3 up to 2/3, 3/5 up to 1
        double expected = (1 + 2 / 3.0 + 3 / 5.0) / 3;            // 0.75556
        assertEquals(expected, PrecisionRecall.of(DETECTIONS, TRUTHS, 0,
                0.5).averagePrecision(Interpolation.ALL_POINTS), 1e-12);
    }

    @Test
    void coco101PointApReadsTheEnvelopeAt101Recalls() {
        // recalls 0.00-0.33 (34 points) -> 1; 0.34-0.66 (33) -> 2/3; 0.67-1.00 (34) -> 3/5
        double expected = (34 * 1 + 33 * (2 / 3.0) + 34 * 0.6) / 101;   // 0.75644
        assertEquals(expected, PrecisionRecall.of(DETECTIONS, TRUTHS, 0,
                0.5).averagePrecision(Interpolation.COCO_101), 1e-12);
    }

    @Test
    void aStricterIouTurnsALooseHitIntoAMiss() {
        // the detection at IoU 0.818 misses at 0.85: hits at 1 and 5 only
        PrecisionRecall pr = PrecisionRecall.of(DETECTIONS, TRUTHS, 0, 0.85);
        assertArrayEquals(new boolean[] {true, false, false, false, true}, pr.truePositive());
        assertEquals((1 + 0.4) / 3, pr.averagePrecision(Interpolation.ALL_POINTS), 1e-12);
    }

    @Test
    void missingObjectsCapRecallAndApCountsZeroBeyond() {
        // one of two objects found, first try: AP = 1/2 (all points); COCO: recalls 0..0.5 -> 51 points of 1
        List<GroundTruth> two = List.of(new GroundTruth(0, 0, new Box(0, 0, 4, 4)), new GroundTruth(0, 0,
                new Box(10, 10, 14, 14)));
        List<Detection> one = List.of(new Detection(0, 0, 0.9, new Box(0, 0, 4, 4)));
        PrecisionRecall pr = PrecisionRecall.of(one, two, 0, 0.5);
        assertEquals(0.5, pr.averagePrecision(Interpolation.ALL_POINTS), 1e-12);
        assertEquals(51 / 101.0, pr.averagePrecision(Interpolation.COCO_101), 1e-12);
    }

    @Test
    void aClassWithoutObjectsHasNoAp() {
        PrecisionRecall pr = PrecisionRecall.of(DETECTIONS, TRUTHS, 7, 0.5);
        assertTrue(Double.isNaN(pr.averagePrecision(Interpolation.ALL_POINTS)));
        assertTrue(Double.isNaN(pr.averagePrecision(Interpolation.COCO_101)));
    }

    @Test
    void aDetectionMatchesTheBestOverlappingObjectNotYetTaken() {
        // two overlapping objects; the first detection sits on B, the second between A and B
        Box a = new Box(0, 0, 10, 10);
        Box b = new Box(4, 0, 14, 10);
        List<GroundTruth> truths = List.of(new GroundTruth(0, 0, a), new GroundTruth(0, 0, b));
        List<Detection> dets = List.of(new Detection(0, 0, 0.9, b), new Detection(0, 0, 0.8, new Box(2, 0, 12, 10)));
        // second: IoU with B 0.667 (taken), with A 0.667: matches A
        assertArrayEquals(new boolean[] {true, true}, PrecisionRecall.of(dets, truths, 0, 0.5).truePositive());
    }

    @Test
    void perfectDetectionsScoreOneAtEveryThresholdAndClassAveraging() {
        List<GroundTruth> truths = new ArrayList<>(TRUTHS);
        truths.add(new GroundTruth(4, 1, new Box(5, 5, 9, 9)));
        List<Detection> perfect = truths.stream().map(t -> new Detection(t.image(), t.label(), 0.9, t.box())).toList();
        DetectionEvaluation eval = DetectionEvaluation.of(perfect, truths, List.of("a", "b", "unused"));
        assertEquals(1.0, eval.map50(), 1e-12);
        assertEquals(1.0, eval.mapCoco(), 1e-12);
    }

    @Test
    void cocoMapAveragesTheTenIouThresholds() {
        // one object, one detection at IoU 0.6: a hit at 0.50, 0.55, 0.60, a miss above -> 3/10
        Box truth = new Box(0, 0, 10, 10);
        Box det = new Box(0, 0, 10, 6);                                      // IoU 60/100
        DetectionEvaluation eval = DetectionEvaluation.of(List.of(new Detection(0, 0, 0.9, det)),
                List.of(new GroundTruth(0, 0, truth)), List.of("a"));
        assertEquals(1.0, eval.map50(), 1e-12);
        assertEquals(0.3, eval.mapCoco(), 1e-12);
        assertEquals(0.3, eval.apCoco(0), 1e-12);
        assertEquals(2, eval.table().rowCount(), "one row per class and a mean row");
    }
}
