package org.visionbook.toolkit.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;
import org.visionbook.toolkit.viz.ColorMap;
import org.visionbook.toolkit.viz.Heatmap;
import org.visionbook.toolkit.viz.ImageGrid;
import org.visionbook.toolkit.viz.Picture;
import org.visionbook.toolkit.viz.ValueRange;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The result of {@link Evaluator#evaluate}: accuracy, per-class precision/recall/F1 as a table,
 * the confusion matrix as numbers and as a picture, and the most confident mistakes.
 */
public final class EvaluationReport implements Displayable {

    private final Evaluation evaluation;
    private final List<String> classNames;
    private final List<Mistake> mistakes;
    private final long examples;

    EvaluationReport(Evaluation evaluation, List<String> classNames, List<Mistake> mistakes, long examples) {
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.classNames = List.copyOf(classNames);
        this.mistakes = List.copyOf(mistakes);
        this.examples = examples;
    }

    /** DL4J's own evaluation object, for anything this report does not show. */
    public Evaluation evaluation() {
        return evaluation;
    }

    public double accuracy() {
        return evaluation.accuracy();
    }

    public long examples() {
        return examples;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** One row per class: class, precision, recall, f1, support (examples of that class). */
    public Table perClass() {
        StringColumn name = StringColumn.create("class");
        DoubleColumn precision = DoubleColumn.create("precision");
        DoubleColumn recall = DoubleColumn.create("recall");
        DoubleColumn f1 = DoubleColumn.create("f1");
        IntColumn support = IntColumn.create("support");
        int[][] confusion = confusionMatrix();
        for (int c = 0; c < numClasses(); c++) {
            int actual = 0;
            int predicted = 0;
            for (int k = 0; k < numClasses(); k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
            }
            name.append(classNames.get(c));
            // A class never predicted (or never present) has no precision (recall): show a gap, not a made-up 0.
            appendOrMissing(precision, predicted == 0 ? Double.NaN : evaluation.precision(c));
            appendOrMissing(recall, actual == 0 ? Double.NaN : evaluation.recall(c));
            appendOrMissing(f1, predicted == 0 || actual == 0 ? Double.NaN : evaluation.f1(c));
            support.append(actual);
        }
        for (DoubleColumn c : List.of(precision, recall, f1)) {
            c.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        }
        return Table.create(String.format(Locale.ROOT, "per-class results (accuracy %.4f on %d examples)", accuracy(), examples),
                name, precision, recall, f1, support);
    }

    private static void appendOrMissing(DoubleColumn column, double v) {
        if (Double.isNaN(v)) {
            column.appendMissing();
        } else {
            column.append(v);
        }
    }

    /** Counts {@code [actual][predicted]}. */
    public int[][] confusionMatrix() {
        int k = numClasses();
        int[][] m = new int[k][k];
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                m[a][p] = evaluation.getConfusionMatrix().getCount(a, p);
            }
        }
        return m;
    }

    /**
     * The confusion matrix as a heatmap: rows are true classes, columns predicted ones. Each cell
     * holds its count (empty when 0); its colour is the count's share of its row, so classes of
     * different sizes compare and every mistake shows, however few there are.
     */
    public Picture confusionHeatmap() {
        return confusionMap().render();
    }

    Heatmap confusionMap() {
        int[][] m = confusionMatrix();
        double[][] share = new double[m.length][m.length];
        String[][] counts = new String[m.length][m.length];
        for (int a = 0; a < m.length; a++) {
            long row = 0;
            for (int p = 0; p < m.length; p++) {
                row += m[a][p];
            }
            for (int p = 0; p < m.length; p++) {
                share[a][p] = row == 0 ? 0 : (double) m[a][p] / row;
                counts[a][p] = m[a][p] == 0 ? "" : Integer.toString(m[a][p]);
            }
        }
        return Heatmap.of(share).colorMap(SHARE_COLOURS).range(ValueRange.unit()).cellText(counts).scale(CELL_PX)
                .title(String.format(Locale.ROOT,
                        "Confusion matrix (accuracy %.2f%%): counts; colour = share of the row",
                        100 * accuracy()))
                .axisLabels("predicted class", "true class");
    }

    /** White for no examples, through light blue (a few) to dark blue (the whole row). */
    private static final ColorMap SHARE_COLOURS = ColorMap.of("white-blue", 0xFFFFFF, 0xC6DBEF, 0x6BAED6, 0x2171B5,
            0x08306B);
    /** Room in each cell for a count of up to four digits. */
    private static final int CELL_PX = 36;

    /** The mistakes kept, most confident first. */
    public List<Mistake> mistakes() {
        return mistakes;
    }

    /** The {@code n} most confident mistakes (fewer if there are fewer). */
    public List<Mistake> mistakes(int n) {
        return mistakes.subList(0, Math.min(n, mistakes.size()));
    }

    /** The {@code n} most confident mistakes as a captioned grid: true class, predicted class, confidence. */
    public Picture mistakesGrid(int n) {
        List<Mistake> shown = mistakes(n);
        if (shown.isEmpty()) {
            throw new IllegalStateException("no mistakes to show: every example was classified correctly (or none were kept)");
        }
        List<INDArray> images = new ArrayList<>();
        int[] actual = new int[shown.size()];
        int[] predicted = new int[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            Mistake m = shown.get(i);
            long[] s = m.image().shape();
            long[] withBatch = new long[s.length + 1];
            withBatch[0] = 1;
            System.arraycopy(s, 0, withBatch, 1, s.length);
            images.add(m.image().reshape(withBatch));
            actual[i] = m.actual();
            predicted[i] = m.predicted();
        }
        INDArray stacked = Nd4j.concat(0, images.toArray(INDArray[]::new));
        return ImageGrid.of(stacked).labels(actual).predictions(predicted).classNames(classNames)
                .title("Most confident mistakes (true → predicted)").render();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of(toString() + "\n" + perClass().printAll());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "accuracy %.4f on %d examples, %d classes, %d mistakes kept", accuracy(), examples,
                numClasses(), mistakes.size());
    }
}
