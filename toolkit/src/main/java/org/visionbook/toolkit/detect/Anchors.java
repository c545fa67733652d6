package org.visionbook.toolkit.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Prior boxes ("anchors") for a one-stage detector, chosen as YOLOv2 chose them: k-means over the
 * widths and heights of the training boxes, with distance 1 - IoU of two boxes sharing a centre
 * (so a large box is not pulled around more than a small one, as with Euclidean distance).
 */
public final class Anchors {

    private Anchors() {
    }

    /**
     * {@code k} priors {width, height} (same unit as the boxes), smallest area first. Starts from
     * {@code k} distinct boxes drawn with {@code seed}; stops when no box changes cluster.
     */
    public static double[][] kMeans(List<Box> boxes, int k, long seed) {
        Objects.requireNonNull(boxes, "boxes");
        if (k < 1 || boxes.size() < k) {
            throw new IllegalArgumentException("k-means needs 1 <= k <= number of boxes, got k = " + k + " for "
                    + boxes.size()
                    + " boxes");
        }
        int n = boxes.size();
        double[][] wh = new double[n][];
        for (int i = 0; i < n; i++) {
            wh[i] = new double[] {boxes.get(i).width(), boxes.get(i).height()};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[k][];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        for (int c = 0; c < k; c++) {
            centres[c] = wh[order.get(c)].clone();
        }
        int[] assigned = new int[n];
        Arrays.fill(assigned, -1);
        for (int round = 0; round < 1000; round++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = nearest(wh[i], centres);
                if (best != assigned[i]) {
                    assigned[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][3];
            for (int i = 0; i < n; i++) {
                sums[assigned[i]][0] += wh[i][0];
                sums[assigned[i]][1] += wh[i][1];
                sums[assigned[i]][2]++;
            }
            for (int c = 0; c < k; c++) {
                if (sums[c][2] > 0) { // an empty cluster keeps its centre
                    centres[c] = new double[] {sums[c][0] / sums[c][2], sums[c][1] / sums[c][2]};
                }
            }
        }
        Arrays.sort(centres, Comparator.comparingDouble(c -> c[0] * c[1]));
        return centres;
    }

    /** The IoU of two boxes of sizes {@code a} and {@code b} placed on the same centre. */
    public static double shapeIou(double[] a, double[] b) {
        double inter = Math.min(a[0], b[0]) * Math.min(a[1], b[1]);
        double union = a[0] * a[1] + b[0] * b[1] - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** The mean, over boxes, of the best shape-IoU any prior reaches: how well the priors fit the boxes. */
    public static double meanBestIou(List<Box> boxes, double[][] priors) {
        double sum = 0;
        for (Box b : boxes) {
            double[] wh = {b.width(), b.height()};
            double best = 0;
            for (double[] p : priors) {
                best = Math.max(best, shapeIou(wh, p));
            }
            sum += best;
        }
        return boxes.isEmpty() ? Double.NaN : sum / boxes.size();
    }

    /** The priors divided by {@code cellSize}: pixels to grid units, as Yolo2OutputLayer wants them. */
    public static double[][] inGridUnits(double[][] priors, double cellSize) {
        double[][] out = new double[priors.length][];
        for (int i = 0; i < priors.length; i++) {
            out[i] = new double[] {priors[i][0] / cellSize, priors[i][1] / cellSize};
        }
        return out;
    }

    private static int nearest(double[] wh, double[][] centres) {
        int best = 0;
        double bestIou = -1;
        for (int c = 0; c < centres.length; c++) {
            double iou = shapeIou(wh, centres[c]);
            if (iou > bestIou) {
                bestIou = iou;
                best = c;
            }
        }
        return best;
    }
}
