package org.visionbook.toolkit.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.knowm.xchart.XYChart;
import org.visionbook.toolkit.viz.SpreadChart;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Accuracy against the number of labelled examples per class, for several strategies and seeds:
 * a chart (median line, min-to-max band per strategy) and a table of medians and margins.
 *
 * <pre>{@code
 * LearningCurve curve = LearningCurve.titled("MNIST with few labels");
 * curve.add("from scratch", 10, seed, accuracy);
 * curve.chart();                    // an XChart chart
 * curve.table("from scratch");      // medians, spread, and the best other strategy's margin
 * }</pre>
 */
public final class LearningCurve {

    /** One measurement. */
    public record Result(String strategy, int perClass, long seed, double accuracy) {
        public Result {
            Objects.requireNonNull(strategy, "strategy");
            if (perClass < 1 || !(accuracy >= 0 && accuracy <= 1)) {
                throw new IllegalArgumentException("need at least 1 example per class and an accuracy in [0, 1]; got "
                        + perClass + " and " + accuracy);
            }
        }
    }

    private final String title;
    private final List<Result> results = new ArrayList<>();

    private LearningCurve(String title) {
        this.title = title;
    }

    public static LearningCurve titled(String title) {
        return new LearningCurve(Objects.requireNonNull(title, "title"));
    }

    /** Records one run's accuracy (in [0, 1]). */
    public synchronized LearningCurve add(String strategy, int perClass, long seed, double accuracy) {
        results.add(new Result(strategy, perClass, seed, accuracy));
        return this;
    }

    public synchronized List<Result> results() {
        return List.copyOf(results);
    }

    /** The strategies, in the order they were first added. */
    public synchronized List<String> strategies() {
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> names.add(r.strategy()));
        return List.copyOf(names);
    }

    /** The sizes measured (examples per class), ascending. */
    public synchronized int[] sizes() {
        Set<Integer> sizes = new TreeSet<>();
        results.forEach(r -> sizes.add(r.perClass()));
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every accuracy of {@code strategy} at {@code perClass}, in the order added (empty when none). */
    public synchronized double[] accuracies(String strategy, int perClass) {
        return results.stream().filter(r -> r.strategy().equals(strategy) && r.perClass() == perClass)
                .mapToDouble(Result::accuracy).toArray();
    }

    /** The median accuracy of {@code strategy} at {@code perClass} (NaN when not measured). */
    public double median(String strategy, int perClass) {
        double[] a = accuracies(strategy, perClass);
        if (a.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /**
     * The largest median of the other strategies at {@code perClass} minus {@code baseline}'s, in
     * percentage points (positive: some other strategy beats the baseline).
     */
    public double bestMargin(String baseline, int perClass) {
        return 100 * (bestMedian(baseline, perClass) - median(baseline, perClass));
    }

    /** The name of the other strategy with the largest median at {@code perClass}. */
    public String bestOther(String baseline, int perClass) {
        String best = null;
        double bestMedian = Double.NEGATIVE_INFINITY;
        for (String s : strategies()) {
            double m = median(s, perClass);
            if (!s.equals(baseline) && m > bestMedian) {
                best = s;
                bestMedian = m;
            }
        }
        return best;
    }

    /** Accuracy (percent) against examples per class: each strategy's median, shaded from min to max. */
    public XYChart chart() {
        return spread().build();
    }

    /** The chart's description, to change its size or labels before building it. */
    public SpreadChart spread() {
        int[] sizes = sizes();
        SpreadChart chart = SpreadChart.titled(title).axes("labelled examples per class (log scale)", "accuracy (%)")
                .logX(true);
        for (String s : strategies()) {
            List<Double> xs = new ArrayList<>();
            List<double[]> samples = new ArrayList<>();
            for (int size : sizes) {
                double[] a = accuracies(s, size);
                if (a.length > 0) {
                    xs.add((double) size);
                    samples.add(Arrays.stream(a).map(v -> 100 * v).toArray());
                }
            }
            chart = chart.series(s, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    samples.toArray(double[][]::new));
        }
        return chart;
    }

    /**
     * One row per size: every strategy's median accuracy with its range over seeds, then the best
     * other strategy and its margin over {@code baseline} in percentage points.
     */
    public Table table(String baseline) {
        if (!strategies().contains(baseline)) {
            throw new IllegalArgumentException("no results for baseline '" + baseline + "'; strategies: "
                    + strategies());
        }
        IntColumn size = IntColumn.create("per class");
        List<StringColumn> columns = new ArrayList<>();
        for (String s : strategies()) {
            columns.add(StringColumn.create(s + " (median, min-max)"));
        }
        StringColumn best = StringColumn.create("best vs " + baseline);
        StringColumn margin = StringColumn.create("margin (points)");
        for (int n : sizes()) {
            size.append(n);
            List<String> names = strategies();
            for (int i = 0; i < names.size(); i++) {
                double[] a = accuracies(names.get(i), n);
                columns.get(i).append(a.length == 0 ? "" : String.format(Locale.ROOT, "%.1f (%.1f-%.1f)",
                        100 * median(names.get(i), n), 100 * Arrays.stream(a).min().orElseThrow(),
                        100 * Arrays.stream(a).max().orElseThrow()));
            }
            best.append(String.valueOf(bestOther(baseline, n)));
            margin.append(String.format(Locale.ROOT, "%+.1f", bestMargin(baseline, n)));
        }
        Table table = Table.create(title + ": accuracy (%) by labelled examples per class", size);
        columns.forEach(table::addColumns);
        return table.addColumns(best, margin);
    }

    private double bestMedian(String baseline, int perClass) {
        String other = bestOther(baseline, perClass);
        return other == null ? Double.NaN : median(other, perClass);
    }
}
