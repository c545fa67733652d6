package org.visionbook.toolkit.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.visionbook.toolkit.viz.LineChart;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * How good a detector is on a labelled set: average precision per class and its mean over
 * classes (mAP), at IoU 0.5 (PASCAL VOC's threshold) and averaged over the ten IoU thresholds
 * 0.50, 0.55, ..., 0.95 (COCO's primary figure, "mAP@[.5:.95]", which rewards tight boxes).
 *
 * <p>Every AP here uses {@link Interpolation#COCO_101} (101 recall points), as COCO's evaluation
 * does for both figures; {@link #map(double, Interpolation)} gives the other rule. Classes with
 * no ground-truth object are left out of the means.
 */
public final class DetectionEvaluation {

    /** COCO's IoU thresholds 0.50, 0.55, ..., 0.95. */
    public static final double[] COCO_THRESHOLDS = {0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95};

    private final List<Detection> detections;
    private final List<GroundTruth> truths;
    private final List<String> classNames;

    private DetectionEvaluation(List<Detection> detections, List<GroundTruth> truths, List<String> classNames) {
        this.detections = detections;
        this.truths = truths;
        this.classNames = classNames;
    }

    /** Evaluates {@code detections} (after NMS) against {@code truths}; classes are 0 .. classNames.size() - 1. */
    public static DetectionEvaluation of(List<Detection> detections, List<GroundTruth> truths,
            List<String> classNames) {
        Objects.requireNonNull(classNames, "class names");
        for (Detection d : Objects.requireNonNull(detections, "detections")) {
            checkLabel(d.label(), classNames, "a detection in image " + d.image());
        }
        for (GroundTruth t : Objects.requireNonNull(truths, "ground truth")) {
            checkLabel(t.label(), classNames, "a ground-truth object in image " + t.image());
        }
        return new DetectionEvaluation(List.copyOf(detections), List.copyOf(truths), List.copyOf(classNames));
    }

    private static void checkLabel(int label, List<String> names, String where) {
        if (label >= names.size()) {
            throw new IllegalArgumentException(where + " has class " + label + " but there are only " + names.size()
                    + " class names " + names);
        }
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The precision-recall curve of one class at one IoU threshold. */
    public PrecisionRecall curve(int label, double iouThreshold) {
        return PrecisionRecall.of(detections, truths, label, iouThreshold);
    }

    /** AP of class {@code label} at {@code iouThreshold} (COCO 101-point). */
    public double ap(int label, double iouThreshold) {
        return curve(label, iouThreshold).averagePrecision(Interpolation.COCO_101);
    }

    /** AP of class {@code label} averaged over {@link #COCO_THRESHOLDS}. */
    public double apCoco(int label) {
        double sum = 0;
        for (double t : COCO_THRESHOLDS) {
            sum += ap(label, t);
        }
        return sum / COCO_THRESHOLDS.length;
    }

    /** Mean over classes (with objects) of AP at {@code iouThreshold} under {@code interpolation}. */
    public double map(double iouThreshold, Interpolation interpolation) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < classNames.size(); c++) {
            double ap = curve(c, iouThreshold).averagePrecision(interpolation);
            if (!Double.isNaN(ap)) {
                sum += ap;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** mAP at IoU 0.5 (COCO 101-point interpolation). */
    public double map50() {
        return map(0.5, Interpolation.COCO_101);
    }

    /** COCO's mAP@[.5:.95]: the mean of mAP over the ten thresholds 0.50 ... 0.95. */
    public double mapCoco() {
        double sum = 0;
        for (double t : COCO_THRESHOLDS) {
            sum += map(t, Interpolation.COCO_101);
        }
        return sum / COCO_THRESHOLDS.length;
    }

    /** One row per class (objects, detections, found at IoU 0.5, AP@0.5, AP@[.5:.95]) and a row "mean". */
    public Table table() {
        StringColumn name = StringColumn.create("class");
        IntColumn objects = IntColumn.create("objects");
        IntColumn dets = IntColumn.create("detections");
        IntColumn found = IntColumn.create("found@0.5");
        DoubleColumn ap50 = DoubleColumn.create("AP@0.5");
        DoubleColumn apCoco = DoubleColumn.create("AP@[.5:.95]");
        for (int c = 0; c < classNames.size(); c++) {
            PrecisionRecall pr = curve(c, 0.5);
            name.append(classNames.get(c));
            objects.append(pr.objects());
            dets.append(pr.detections());
            found.append(pr.found());
            ap50.append(pr.averagePrecision(Interpolation.COCO_101));
            apCoco.append(apCoco(c));
        }
        name.append("mean (mAP)");
        objects.append(truths.size());
        dets.append(detections.size());
        found.appendMissing();
        ap50.append(map50());
        apCoco.append(mapCoco());
        for (DoubleColumn c : List.of(ap50, apCoco)) {
            c.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        }
        return Table.create(String.format(Locale.ROOT, "detection results: mAP@0.5 %.3f, mAP@[.5:.95] %.3f", map50(),
                mapCoco()), name, objects, dets, found, ap50, apCoco);
    }

    /** The precision-recall curve of every class at {@code iouThreshold}, AP in the legend. */
    public LineChart prChart(double iouThreshold) {
        LineChart chart = LineChart.titled(String.format(Locale.ROOT, "precision-recall per class at IoU %.2f",
                iouThreshold))
                .axes("recall", "precision");
        for (int c = 0; c < classNames.size(); c++) {
            PrecisionRecall pr = curve(c, iouThreshold);
            List<Double> r = new ArrayList<>();
            List<Double> p = new ArrayList<>();
            r.add(0.0);
            p.add(1.0);
            for (int i = 0; i < pr.detections(); i++) {
                r.add(pr.recall()[i]);
                p.add(pr.precision()[i]);
            }
            chart = chart.series(String.format(Locale.ROOT, "%s (AP %.3f)", classNames.get(c),
                    pr.averagePrecision(Interpolation.COCO_101)), toArray(r), toArray(p));
        }
        return chart;
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
