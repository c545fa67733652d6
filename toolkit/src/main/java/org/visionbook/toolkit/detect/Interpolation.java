package org.visionbook.toolkit.detect;

/**
 * How average precision (AP) summarises a precision-recall curve. Both first replace each
 * precision by the best precision at that recall or any higher recall (the curve's upper
 * envelope, so it never rises again to the right), then average it over recall:
 * <ul>
 *   <li>{@link #ALL_POINTS}: the exact area under that envelope, summed at every recall the
 *       curve reaches (PASCAL VOC from 2010 on);</li>
 *   <li>{@link #COCO_101}: the mean of the envelope read at the 101 recalls 0, 0.01, ..., 1, with
 *       0 past the highest recall reached (the COCO evaluation's rule).</li>
 * </ul>
 * A class without ground-truth objects has no recall; its AP is NaN (left out of means).
 */
public enum Interpolation {

    ALL_POINTS {
        @Override
        double areaUnder(double[] envelope, double[] recall) {
            double ap = 0;
            double previousRecall = 0;
            for (int i = 0; i < envelope.length; i++) {
                if (recall[i] > previousRecall) {
                    ap += (recall[i] - previousRecall) * envelope[i];
                    previousRecall = recall[i];
                }
            }
            return ap;
        }
    },

    COCO_101 {
        @Override
        double areaUnder(double[] envelope, double[] recall) {
            double sum = 0;
            int i = 0;
            for (int step = 0; step <= 100; step++) {
                double wanted = step / 100.0;
                while (i < envelope.length && recall[i] < wanted) {
                    i++;
                }
                if (i < envelope.length) {
                    sum += envelope[i];
                }
            }
            return sum / 101;
        }
    };

    double averagePrecision(PrecisionRecall pr) {
        if (pr.objects() == 0) {
            return Double.NaN;
        }
        return areaUnder(envelope(pr.precision(), pr.detections()), pr.recall());
    }

    /** The average of the envelope over recall, by this rule. */
    abstract double areaUnder(double[] envelope, double[] recall);

    /** Each precision replaced by the best precision at its recall or any higher one. */
    private static double[] envelope(double[] precision, int n) {
        double[] envelope = new double[n];
        double best = 0;
        for (int i = n - 1; i >= 0; i--) {
            best = Math.max(best, precision[i]);
            envelope[i] = best;
        }
        return envelope;
    }
}
