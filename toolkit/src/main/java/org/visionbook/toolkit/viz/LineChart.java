package org.visionbook.toolkit.viz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import java.awt.BasicStroke;

/**
 * Line charts through XChart: loss curves, accuracy per epoch, activation functions.
 *
 * <pre>{@code
 * LineChart.titled("Loss").axes("iteration", "loss")
 *          .series("train", trainLoss).series("test", epochs, testLoss).build();
 * LineChart.titled("Activations").axes("x", "f(x)")
 *          .function("ReLU", x -> Math.max(0, x), -4, 4)
 *          .function("tanh", Math::tanh, -4, 4).build();
 * }</pre>
 *
 * Immutable until {@link #build()}, which returns a fresh XChart {@link XYChart} (a notebook shows
 * it; {@link PictureFiles} saves it as PNG or SVG).
 */
public final class LineChart {

    static final int DEFAULT_POINTS = 201;

    /** One named line. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "series name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values but y has " + y.length);
            }
            if (y.length == 0) {
                throw new IllegalArgumentException("series '" + name + "': no points");
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final int width;
    private final int height;
    private final boolean logY;
    private final boolean logX;
    private final boolean markers;
    private final Set<String> pointsOnly; // series drawn as dots without a line
    private final boolean dashed; // series after the first in dash patterns

    private LineChart(String title, String xLabel, String yLabel, List<Series> series, int width, int height, boolean logY,
                      boolean markers, Set<String> pointsOnly) {
        this(title, xLabel, yLabel, series, width, height, logY, false, markers, pointsOnly, false);
    }

    private LineChart(String title, String xLabel, String yLabel, List<Series> series, int width, int height, boolean logY,
                      boolean logX, boolean markers, Set<String> pointsOnly, boolean dashed) {
        this.dashed = dashed;
        this.logX = logX;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = series;
        this.width = width;
        this.height = height;
        this.logY = logY;
        this.markers = markers;
        this.pointsOnly = pointsOnly;
    }

    /** An empty chart called {@code title}, axes labelled "x" and "y" until {@link #axes} says otherwise. */
    public static LineChart titled(String title) {
        return new LineChart(Objects.requireNonNull(title, "title"), "x", "y", List.of(), 640, 400, false, false, Set.of());
    }

    public LineChart axes(String newXLabel, String newYLabel) {
        return new LineChart(title, Objects.requireNonNull(newXLabel, "x label"),
                Objects.requireNonNull(newYLabel, "y label"), series, width, height, logY, logX, markers, pointsOnly,
                dashed);
    }

    /** A line through (x[i], y[i]). */
    public LineChart series(String name, double[] x, double[] y) {
        Series s = new Series(name, x, y);
        if (series.stream().anyMatch(t -> t.name().equals(name))) {
            throw new IllegalArgumentException("series '" + name + "' is already in chart '" + title + "'; names must differ");
        }
        List<Series> more = new ArrayList<>(series);
        more.add(s);
        return new LineChart(title, xLabel, yLabel, List.copyOf(more), width, height, logY, logX, markers,
                pointsOnly, dashed);
    }

    /** A line through y[0], y[1], ... at x = 0, 1, ... (e.g. a loss per iteration). */
    public LineChart series(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return series(name, x, y);
    }

    public LineChart series(String name, float[] y) {
        return series(name, toDouble(y));
    }

    public LineChart series(String name, float[] x, float[] y) {
        return series(name, toDouble(x), toDouble(y));
    }

    public LineChart series(String name, List<? extends Number> y) {
        return series(name, y.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /**
     * Single points drawn as dots without a connecting line, e.g. to mark worked examples on a
     * curve drawn with {@link #function}.
     */
    public LineChart points(String name, double[] x, double[] y) {
        LineChart withSeries = series(name, x, y);
        Set<String> dots = new HashSet<>(pointsOnly);
        dots.add(name);
        return new LineChart(title, xLabel, yLabel, withSeries.series, width, height, logY, logX, markers,
                Set.copyOf(dots), dashed);
    }

    /** {@code f} sampled at {@value #DEFAULT_POINTS} evenly spaced points from {@code from} to {@code to}. */
    public LineChart function(String name, DoubleUnaryOperator f, double from, double to) {
        return function(name, f, from, to, DEFAULT_POINTS);
    }

    public LineChart function(String name, DoubleUnaryOperator f, double from, double to, int points) {
        if (points < 2 || !(from < to)) {
            throw new IllegalArgumentException("function '" + name + "': need from < to and at least 2 points; got ["
                    + from + ", " + to + "] with " + points);
        }
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = from + (to - from) * i / (points - 1);
            y[i] = f.applyAsDouble(x[i]);
        }
        return series(name, x, y);
    }

    /** Chart size in pixels (default 640 x 400). */
    public LineChart size(int newWidth, int newHeight) {
        if (newWidth < 100 || newHeight < 100) {
            throw new IllegalArgumentException("a chart needs at least 100 x 100 pixels; got " + newWidth + " x " + newHeight);
        }
        return new LineChart(title, xLabel, yLabel, series, newWidth, newHeight, logY, logX, markers, pointsOnly,
                dashed);
    }

    /** A logarithmic y axis (every y must then be positive), good for losses falling over decades. */
    public LineChart logY(boolean on) {
        return new LineChart(title, xLabel, yLabel, series, width, height, on, logX, markers, pointsOnly, dashed);
    }

    /** A logarithmic x axis (every x must then be positive), e.g. for parameter counts spanning decades. */
    public LineChart logX(boolean on) {
        return new LineChart(title, xLabel, yLabel, series, width, height, logY, on, markers, pointsOnly, dashed);
    }

    /**
     * Each series after the first drawn with its own dash pattern (dashes, dots, dash-dot, long
     * dashes), so that lines lying on top of each other stay visible: the upper one lets the lower
     * one show through its gaps.
     */
    public LineChart dashed(boolean on) {
        return new LineChart(title, xLabel, yLabel, series, width, height, logY, logX, markers, pointsOnly, on);
    }

    /** Dots on each point as well as lines (useful for few points, e.g. one per epoch). */
    public LineChart markers(boolean on) {
        return new LineChart(title, xLabel, yLabel, series, width, height, logY, logX, on, pointsOnly, dashed);
    }

    public List<Series> seriesList() {
        return series;
    }

    /** A new XChart chart holding every series. */
    public XYChart build() {
        if (series.isEmpty()) {
            throw new IllegalStateException("line chart '" + title + "' has no series; add one with series(...) or function(...)");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        ChartStyle.apply(chart, series.size());
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisLogarithmic(logX);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double x : s.x) {
                if (Double.isFinite(x)) {
                    xMin = Math.min(xMin, x);
                    xMax = Math.max(xMax, x);
                }
            }
        }
        if (xMin <= xMax && logX && xMin > 0) {
            chart.getStyler().setXAxisMin(xMin / 1.5);   // the same margin, measured in factors
            chart.getStyler().setXAxisMax(xMax * 1.5);
        } else if (xMin <= xMax) {
            ChartStyle.padX(chart, xMin, xMax);
        }
        for (Series s : series) {
            double[] ys = s.y();
            if (logX) {
                double[] xs = s.x;
                for (int i = 0; i < xs.length; i++) {
                    if (!(xs[i] > 0)) {
                        throw new IllegalArgumentException("series '" + s.name() + "': a logarithmic x axis needs x > 0, but x["
                                + i + "] = " + xs[i]);
                    }
                }
            }
            if (logY) {
                for (int i = 0; i < ys.length; i++) {
                    if (!(ys[i] > 0)) {
                        throw new IllegalArgumentException("series '" + s.name() + "': a logarithmic y axis needs y > 0, but y["
                                + i + "] = " + ys[i]);
                    }
                }
            }
            XYSeries xy = chart.addSeries(s.name(), s.x(), ys);
            boolean dots = pointsOnly.contains(s.name());
            xy.setMarker(markers || dots ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (dots) {
                xy.setLineStyle(SeriesLines.NONE);
            } else if (dashed) {
                xy.setLineStyle(DASHES[(chart.getSeriesMap().size() - 1) % DASHES.length]);
            } else {
                xy.setLineWidth(2f);
            }
        }
        if (!logY) {
            yPatternFor(series).ifPresent(chart.getStyler()::setYAxisDecimalPattern);
        }
        return chart;
    }

    /** Solid, then dashes, dots, dash-dot and long dashes, all 2 px wide. */
    private static final BasicStroke[] DASHES = {
        new BasicStroke(2f),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f),
        new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 5f}, 0f),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 4f, 2f, 4f}, 0f),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {16f, 8f}, 0f),
    };

    /**
     * A y-axis number pattern with a leading zero ("0.08", never XChart's ".08") and as many
     * decimals as ticks about a fifth of the data's span apart need. Empty when the data have no
     * span or need more than 6 decimals (XChart then picks its own).
     */
    static java.util.Optional<String> yPatternFor(List<Series> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double y : s.y) {
                if (Double.isFinite(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        if (!(max > min)) {
            return java.util.Optional.empty();
        }
        int decimals = (int) Math.max(0, -Math.floor(Math.log10((max - min) / 5)));
        if (decimals > 6) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("#,##0" + (decimals > 0 ? "." + "#".repeat(decimals) : ""));
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
