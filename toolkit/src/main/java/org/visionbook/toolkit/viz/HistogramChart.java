package org.visionbook.toolkit.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Histograms through XChart, e.g. of a layer's weights before and after training. Several series
 * share one set of bins and are drawn see-through, so overlaps show.
 *
 * <pre>{@code
 * HistogramChart.of("before", w0).series("after", w1).title("conv1 weights").axes("weight", "count").build();
 * }</pre>
 *
 * Counting is XChart's {@link Histogram}; NaN and infinite values are left out and the legend says
 * how many. Immutable until {@link #build()}.
 */
public final class HistogramChart {

    /** Bin edges (one more than counts) and each series' count per bin. */
    public record Bins(double[] edges, List<double[]> counts) {
    }

    private record Named(String name, double[] values, int skipped) {
    }

    private final List<Named> series;
    private final int bins;
    private final ValueRange range;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;

    private HistogramChart(List<Named> series, int bins, ValueRange range, String title, String xLabel, String yLabel,
                           int width, int height) {
        this.series = series;
        this.bins = bins;
        this.range = range;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.width = width;
        this.height = height;
    }

    public static HistogramChart of(String name, double[] values) {
        return new HistogramChart(List.of(named(name, values)), 30, null, null, "value", "count", 640, 400);
    }

    public static HistogramChart of(String name, float[] values) {
        return of(name, toDouble(values));
    }

    /** All values of {@code values}, whatever its shape (e.g. conv weights [O, I, kH, kW]). */
    public static HistogramChart of(String name, INDArray values) {
        return of(name, toDouble(Tensors.values(Objects.requireNonNull(values, name))));
    }

    /** Another series on the same bins. */
    public HistogramChart series(String name, double[] values) {
        if (series.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("series '" + name + "' is already in this histogram; names must differ");
        }
        List<Named> more = new ArrayList<>(series);
        more.add(named(name, values));
        return new HistogramChart(List.copyOf(more), bins, range, title, xLabel, yLabel, width, height);
    }

    public HistogramChart series(String name, float[] values) {
        return series(name, toDouble(values));
    }

    public HistogramChart series(String name, INDArray values) {
        return series(name, toDouble(Tensors.values(Objects.requireNonNull(values, name))));
    }

    /** Number of equal-width bins (default 30). */
    public HistogramChart bins(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a histogram needs at least 1 bin; got " + count);
        }
        return new HistogramChart(series, count, range, title, xLabel, yLabel, width, height);
    }

    /** The span the bins cover; values outside are not counted. Default: all finite values. */
    public HistogramChart range(ValueRange newRange) {
        return new HistogramChart(series, bins, Objects.requireNonNull(newRange, "range"), title, xLabel, yLabel, width, height);
    }

    public HistogramChart title(String newTitle) {
        return new HistogramChart(series, bins, range, Objects.requireNonNull(newTitle, "title"), xLabel, yLabel, width, height);
    }

    /** Axis labels (default "value" and "count"). */
    public HistogramChart axes(String newXLabel, String newYLabel) {
        return new HistogramChart(series, bins, range, title, Objects.requireNonNull(newXLabel, "x label"),
                Objects.requireNonNull(newYLabel, "y label"), width, height);
    }

    public HistogramChart size(int newWidth, int newHeight) {
        if (newWidth < 100 || newHeight < 100) {
            throw new IllegalArgumentException("a chart needs at least 100 x 100 pixels; got " + newWidth + " x " + newHeight);
        }
        return new HistogramChart(series, bins, range, title, xLabel, yLabel, newWidth, newHeight);
    }

    /** The bins and counts the chart draws. */
    public Bins counts() {
        ValueRange r = effectiveRange();
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = r.min() + (r.max() - r.min()) * i / bins;
        }
        List<double[]> counts = new ArrayList<>();
        for (Named s : series) {
            List<Double> values = new ArrayList<>(s.values().length);
            for (double v : s.values()) {
                values.add(v);
            }
            Histogram h = new Histogram(values, bins, r.min(), r.max());
            counts.add(h.getyAxisData().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new Bins(edges, counts);
    }

    /** A new XChart chart: one filled outline per series. */
    public XYChart build() {
        Bins b = counts();
        String t = title != null ? title : "Histogram of " + series.get(0).name();
        XYChart chart = new XYChartBuilder().width(width).height(height).title(t).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        ChartStyle.apply(chart, series.size());
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.padX(chart, b.edges()[0], b.edges()[bins]);
        for (int k = 0; k < series.size(); k++) {
            Named s = series.get(k);
            double[] c = b.counts().get(k);
            double[] x = new double[2 * bins + 2];
            double[] y = new double[2 * bins + 2];
            x[0] = b.edges()[0];
            for (int i = 0; i < bins; i++) {
                x[2 * i + 1] = b.edges()[i];
                y[2 * i + 1] = c[i];
                x[2 * i + 2] = b.edges()[i + 1];
                y[2 * i + 2] = c[i];
            }
            x[2 * bins + 1] = b.edges()[bins];
            String label = s.skipped() == 0 ? s.name() : s.name() + " (" + s.skipped() + " NaN/inf left out)";
            XYSeries xy = chart.addSeries(label, x, y);
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            xy.setMarker(SeriesMarkers.NONE);
            Color line = ChartStyle.color(k);
            xy.setLineColor(line);
            xy.setLineWidth(1.5f);
            xy.setFillColor(new Color(line.getRed(), line.getGreen(), line.getBlue(), series.size() > 1 ? 90 : 160));
        }
        return chart;
    }

    private ValueRange effectiveRange() {
        if (range != null) {
            return range;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Named s : series) {
            for (double v : s.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("histogram: no finite values to count in " + series.stream().map(Named::name).toList());
        }
        return lo < hi ? new ValueRange(lo, hi) : new ValueRange(lo - 0.5, hi + 0.5);
    }

    private static Named named(String name, double[] values) {
        Objects.requireNonNull(name, "series name");
        Objects.requireNonNull(values, name);
        double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
        return new Named(name, finite, values.length - finite.length);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
