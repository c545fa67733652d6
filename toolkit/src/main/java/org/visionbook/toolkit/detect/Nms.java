package org.visionbook.toolkit.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Greedy non-maximum suppression: a detector fires several overlapping boxes on one object; keep
 * the surest and drop every box that overlaps a kept one by more than a threshold.
 *
 * <p>Each image is treated on its own (a box never suppresses a box of another image). Within an
 * image, {@link #perClass} only lets boxes of the same class suppress each other (two different
 * objects may overlap); {@link #acrossClasses} lets any box suppress any other.
 *
 * <p>Rules, so results do not depend on luck: boxes are visited by score, highest first; equal
 * scores keep the order of the input list (the earlier box wins); a box is dropped when its IoU
 * with a kept box is strictly greater than the threshold. The result is ordered by image, then
 * by score (highest first).
 */
public final class Nms {

    private Nms() {
    }

    /** Suppresses within each image and class. */
    public static List<Detection> perClass(List<Detection> detections, double iouThreshold) {
        return suppress(detections, iouThreshold, true);
    }

    /** Suppresses within each image, whatever the classes. */
    public static List<Detection> acrossClasses(List<Detection> detections, double iouThreshold) {
        return suppress(detections, iouThreshold, false);
    }

    private static List<Detection> suppress(List<Detection> detections, double iouThreshold, boolean byClass) {
        Objects.requireNonNull(detections, "detections");
        if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("the NMS IoU threshold must lie in [0, 1], got " + iouThreshold);
        }
        Map<Integer, List<Detection>> byImage = new LinkedHashMap<>();
        for (Detection d : detections) {
            byImage.computeIfAbsent(Objects.requireNonNull(d, "a detection in the list").image(),
                    k -> new ArrayList<>())
                    .add(d);
        }
        List<Integer> images = new ArrayList<>(byImage.keySet());
        images.sort(null);
        List<Detection> kept = new ArrayList<>();
        for (int image : images) {
            List<Detection> candidates = new ArrayList<>(byImage.get(image));
            candidates.sort(Comparator.comparingDouble(Detection::score).reversed()); // stable: ties keep input order
            List<Detection> keptHere = new ArrayList<>();
            for (Detection d : candidates) {
                boolean suppressed = false;
                for (Detection k : keptHere) {
                    if ((!byClass || k.label() == d.label()) && k.box().iou(d.box()) > iouThreshold) {
                        suppressed = true;
                        break;
                    }
                }
                if (!suppressed) {
                    keptHere.add(d);
                }
            }
            kept.addAll(keptHere);
        }
        return kept;
    }
}
