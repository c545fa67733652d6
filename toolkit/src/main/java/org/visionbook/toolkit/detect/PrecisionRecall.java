package org.visionbook.toolkit.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The precision-recall curve of one class: go down the detections of that class from the surest
 * to the least sure; after each, precision = true positives / detections so far and recall = true
 * positives / ground-truth objects.
 *
 * <p>Matching (as COCO does it): a detection is a true positive when, among the objects of its
 * class in its image that no surer detection has taken yet, the one it overlaps most has IoU at
 * least {@code iouThreshold}; that object is then taken. Otherwise (no such object, or a duplicate
 * of an object already found) it is a false positive. Equal scores keep the input order.
 *
 * @param label        the class
 * @param objects      ground-truth objects of the class (the denominator of recall)
 * @param iouThreshold the least IoU that counts as a hit
 * @param scores       detection scores, highest first
 * @param truePositive whether each detection (same order) found an object
 * @param precision    precision after each detection
 * @param recall       recall after each detection
 */
public record PrecisionRecall(int label, int objects, double iouThreshold, double[] scores, boolean[] truePositive,
                              double[] precision, double[] recall) {

    /** The curve of class {@code label} for {@code detections} against {@code truths} (both of any class and image). */
    public static PrecisionRecall of(List<Detection> detections, List<GroundTruth> truths, int label,
            double iouThreshold) {
        Objects.requireNonNull(detections, "detections");
        Objects.requireNonNull(truths, "ground truth");
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("the IoU threshold for a hit must lie in (0, 1], got " + iouThreshold);
        }
        Map<Integer, List<Box>> objectsByImage = new HashMap<>();
        int objects = 0;
        for (GroundTruth t : truths) {
            if (t.label() == label) {
                objectsByImage.computeIfAbsent(t.image(), k -> new ArrayList<>()).add(t.box());
                objects++;
            }
        }
        Map<Integer, boolean[]> taken = new HashMap<>();
        objectsByImage.forEach((image, boxes) -> taken.put(image, new boolean[boxes.size()]));

        List<Detection> mine = new ArrayList<>();
        for (Detection d : detections) {
            if (d.label() == label) {
                mine.add(d);
            }
        }
        mine.sort(Comparator.comparingDouble(Detection::score).reversed());
        int n = mine.size();
        double[] scores = new double[n];
        boolean[] hit = new boolean[n];
        double[] precision = new double[n];
        double[] recall = new double[n];
        int tp = 0;
        for (int i = 0; i < n; i++) {
            Detection d = mine.get(i);
            scores[i] = d.score();
            List<Box> boxes = objectsByImage.getOrDefault(d.image(), List.of());
            boolean[] used = taken.get(d.image());
            int best = -1;
            double bestIou = -1;
            for (int j = 0; j < boxes.size(); j++) {
                if (!used[j]) {
                    double iou = d.box().iou(boxes.get(j));
                    if (iou > bestIou) {
                        bestIou = iou;
                        best = j;
                    }
                }
            }
            if (best >= 0 && bestIou >= iouThreshold) {
                used[best] = true;
                hit[i] = true;
                tp++;
            }
            precision[i] = tp / (double) (i + 1);
            recall[i] = objects == 0 ? 0 : tp / (double) objects;
        }
        return new PrecisionRecall(label, objects, iouThreshold, scores, hit, precision, recall);
    }

    /** Detections on the curve. */
    public int detections() {
        return scores.length;
    }

    /** Objects found (true positives over the whole list). */
    public int found() {
        int n = 0;
        for (boolean b : truePositive) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Average precision under {@code interpolation}; NaN when the class has no object (AP is undefined). */
    public double averagePrecision(Interpolation interpolation) {
        return interpolation.averagePrecision(this);
    }
}
