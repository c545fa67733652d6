package org.visionbook.toolkit.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.knowm.xchart.XYChart;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;
import org.visionbook.toolkit.viz.BarChart;
import org.visionbook.toolkit.viz.LineChart;
import org.visionbook.toolkit.viz.Picture;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Several training histories on one chart: e.g. the validation accuracy of three optimisers, or
 * the training and validation loss of one run with the epoch early stopping chose marked.
 *
 * <pre>{@code
 * HistoryChart.of(Metric.TRAIN_LOSS).add("SGD", sgd).add("Adam", adam).build();
 * HistoryChart.of(Metric.TRAIN_LOSS, Metric.VALIDATION_LOSS).add("no regulariser", h).mark("best", 7).build();
 * HistoryChart.of(Metric.TRAIN_ACCURACY, Metric.VALIDATION_ACCURACY).add(runs).finalValues();  // bars
 * }</pre>
 *
 * <p>Training metrics are drawn as the {@link History}'s own charts draw them, about ten points
 * per epoch from the batches; validation metrics one point per epoch. The x axis is the epoch.
 * A series is named after its run when there are several runs and one metric, after its metric
 * when there is one run, and after both otherwise. Immutable until {@link #build()}; a notebook
 * shows the chart itself as a PNG.
 */
public final class HistoryChart implements Displayable {

    private record Run(String name, History history) {
    }

    private record Mark(String name, int epoch) {
    }

    private final List<Metric> metrics;
    private final List<Run> runs;
    private final List<Mark> marks;
    private final String title;
    private final int width;
    private final int height;
    private final boolean logY;

    private HistoryChart(List<Metric> metrics, List<Run> runs, List<Mark> marks, String title, int width, int height,
                         boolean logY) {
        this.metrics = metrics;
        this.runs = runs;
        this.marks = marks;
        this.title = title;
        this.width = width;
        this.height = height;
        this.logY = logY;
    }

    /** A chart of {@code metrics} (at least one, no repeats); add the runs with {@link #add}. */
    public static HistoryChart of(Metric... metrics) {
        if (metrics == null || metrics.length == 0) {
            throw new IllegalArgumentException("a history chart needs at least one metric, e.g. HistoryChart.of(Metric.VALIDATION_ACCURACY)");
        }
        List<Metric> list = List.of(metrics);
        if (list.stream().distinct().count() != list.size()) {
            throw new IllegalArgumentException("a metric is repeated in " + list);
        }
        return new HistoryChart(list, List.of(), List.of(), null, 640, 400, false);
    }

    /** One more run, called {@code name} in the legend. */
    public HistoryChart add(String name, History history) {
        Objects.requireNonNull(name, "run name");
        Objects.requireNonNull(history, "history of " + name);
        if (runs.stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("a run called '" + name + "' is already in this chart; names must differ");
        }
        List<Run> more = new ArrayList<>(runs);
        more.add(new Run(name, history));
        return new HistoryChart(metrics, List.copyOf(more), marks, title, width, height, logY);
    }

    /** Every run of {@code histories}, in its iteration order (use a LinkedHashMap to keep yours). */
    public HistoryChart add(Map<String, History> histories) {
        HistoryChart chart = this;
        for (Map.Entry<String, History> e : histories.entrySet()) {
            chart = chart.add(e.getKey(), e.getValue());
        }
        return chart;
    }

    /**
     * Dots on every line at the end of epoch {@code epoch}, labelled {@code name} in the legend:
     * e.g. the best epoch that early stopping restored.
     */
    public HistoryChart mark(String name, int epoch) {
        Objects.requireNonNull(name, "mark name");
        if (epoch < 1) {
            throw new IllegalArgumentException("mark '" + name + "': epochs count from 1, got " + epoch);
        }
        List<Mark> more = new ArrayList<>(marks);
        more.add(new Mark(name, epoch));
        return new HistoryChart(metrics, runs, List.copyOf(more), title, width, height, logY);
    }

    public HistoryChart title(String newTitle) {
        return new HistoryChart(metrics, runs, marks, Objects.requireNonNull(newTitle, "title"), width, height, logY);
    }

    /** Chart size in pixels (default 640 x 400). */
    public HistoryChart size(int newWidth, int newHeight) {
        // LineChart owns the rule for a valid size: a bad one fails here, not later at render time
        LineChart.titled("size check").size(newWidth, newHeight);
        return new HistoryChart(metrics, runs, marks, title, newWidth, newHeight, logY);
    }

    /** A logarithmic y axis, for losses that fall over decades. */
    public HistoryChart logY(boolean on) {
        return new HistoryChart(metrics, runs, marks, title, width, height, on);
    }

    /** The chart as the toolkit's line chart, to add more series before building. */
    public LineChart lines() {
        if (runs.isEmpty()) {
            throw new IllegalStateException("history chart '" + effectiveTitle() + "' has no runs; add one with add(name, history)");
        }
        LineChart chart = LineChart.titled(effectiveTitle()).axes("epoch", yLabel()).size(width, height).logY(logY);
        boolean fewPoints = true;
        for (Run run : runs) {
            for (Metric m : metrics) {
                double[][] xy = curve(run, m);
                chart = chart.series(label(run, m), xy[0], xy[1]);
                fewPoints &= m.needsValidation() && xy[0].length < 30;
            }
        }
        chart = chart.markers(fewPoints);
        for (Mark mark : marks) {
            List<double[]> dots = new ArrayList<>();
            for (Run run : runs) {
                for (Metric m : metrics) {
                    double[][] xy = curve(run, m);
                    for (int i = 0; i < xy[0].length; i++) {
                        if (Math.abs(xy[0][i] - mark.epoch()) < 1e-9) {
                            dots.add(new double[] {xy[0][i], xy[1][i]});
                        }
                    }
                }
            }
            if (dots.isEmpty()) {
                throw new IllegalArgumentException("mark '" + mark.name() + "': no run has a value at epoch " + mark.epoch());
            }
            chart = chart.points(mark.name(), dots.stream().mapToDouble(p -> p[0]).toArray(),
                    dots.stream().mapToDouble(p -> p[1]).toArray());
        }
        return chart;
    }

    /** A new XChart chart with one line per run and metric. */
    public XYChart build() {
        return lines().build();
    }

    /**
     * A bar chart of each run's last measured value of each metric: one group of bars per run,
     * one bar per metric (e.g. training against validation accuracy, to show the gap).
     */
    public BarChart finalValues() {
        if (runs.isEmpty()) {
            throw new IllegalStateException("history chart '" + effectiveTitle() + "' has no runs; add one with add(name, history)");
        }
        BarChart bars = BarChart.titled(effectiveTitle() + " after the last epoch").axes("", yLabel()).size(width, height)
                .categories(runs.stream().map(Run::name).toList());
        for (Metric m : metrics) {
            double[] values = new double[runs.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = lastValue(runs.get(i), m);
            }
            bars = bars.series(metricLabel(m), values);
        }
        return bars;
    }

    /**
     * The runs as a table, one row each: for every metric its value after the last epoch, its best
     * value (lowest loss, highest accuracy) and the epoch of that best, e.g. columns
     * {@code run, val_acc, best val_acc, best val_acc epoch}.
     */
    public Table table() {
        if (runs.isEmpty()) {
            throw new IllegalStateException("history chart '" + effectiveTitle() + "' has no runs; add one with add(name, history)");
        }
        StringColumn names = StringColumn.create("run", runs.stream().map(Run::name).toList());
        Table t = Table.create(effectiveTitle(), names);
        for (Metric m : metrics) {
            DoubleColumn last = DoubleColumn.create(m.column());
            DoubleColumn best = DoubleColumn.create("best " + m.column());
            IntColumn bestEpoch = IntColumn.create("best " + m.column() + " epoch");
            for (Run run : runs) {
                last.append(lastValue(run, m));
                EarlyStopping.Monitor monitor = new EarlyStopping.Monitor(m, Integer.MAX_VALUE, 0);
                run.history().epochs().forEach(monitor::remember);
                best.append(monitor.best());
                bestEpoch.append(monitor.bestEpoch());
            }
            last.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
            best.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
            t.addColumns(last, best, bestEpoch);
        }
        return t;
    }

    /** {@code run}'s last epoch-level value of {@code m} (the latest epoch where it was measured). */
    static double lastValue(Run run, Metric m) {
        List<EpochRecord> epochs = run.history().epochs();
        for (int i = epochs.size() - 1; i >= 0; i--) {
            double v = m.of(epochs.get(i));
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException(missing(run, m));
    }

    private double[][] curve(Run run, Metric m) {
        List<double[]> points = new ArrayList<>();
        if (m == Metric.TRAIN_LOSS || m == Metric.TRAIN_ACCURACY) {
            points = run.history().trainCurve(m == Metric.TRAIN_ACCURACY, -1, 0);
        }
        if (points.isEmpty()) {
            for (EpochRecord r : run.history().epochs()) {
                double v = m.of(r);
                if (!Double.isNaN(v)) {
                    points.add(new double[] {r.epoch(), v});
                }
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException(missing(run, m));
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        return new double[][] {x, y};
    }

    private static String missing(Run run, Metric m) {
        return "run '" + run.name() + "' has no " + m.column() + " in its history"
                + (m.needsValidation() ? " (was it trained with .validation(...)?)" : " (has it trained an epoch?)");
    }

    private String label(Run run, Metric m) {
        if (runs.size() > 1 && metrics.size() == 1) {
            return run.name();
        }
        if (runs.size() == 1) {
            return metricLabel(m);
        }
        return run.name() + ", " + metricLabel(m);
    }

    static String metricLabel(Metric m) {
        return switch (m) {
            case TRAIN_LOSS -> "training loss";
            case TRAIN_ACCURACY -> "training accuracy";
            case VALIDATION_LOSS -> "validation loss";
            case VALIDATION_ACCURACY -> "validation accuracy";
        };
    }

    private String yLabel() {
        boolean allLoss = metrics.stream().allMatch(m -> m == Metric.TRAIN_LOSS || m == Metric.VALIDATION_LOSS);
        boolean allAccuracy = metrics.stream().allMatch(m -> m == Metric.TRAIN_ACCURACY || m == Metric.VALIDATION_ACCURACY);
        return allLoss ? "loss" : allAccuracy ? "accuracy" : "value";
    }

    private String effectiveTitle() {
        if (title != null) {
            return title;
        }
        if (metrics.size() == 1) {
            String t = metricLabel(metrics.get(0));
            return Character.toUpperCase(t.charAt(0)) + t.substring(1);
        }
        if (runs.size() == 1) {
            return runs.get(0).name();
        }
        return String.join(" and ", metrics.stream().map(HistoryChart::metricLabel).toList());
    }

    @Override
    public MimeBundle toMimeBundle() {
        return Picture.of(build()).toMimeBundle();
    }

    @Override
    public String toString() {
        return "HistoryChart(" + Arrays.toString(metrics.toArray()) + " of " + runs.stream().map(Run::name).toList() + ")";
    }
}
