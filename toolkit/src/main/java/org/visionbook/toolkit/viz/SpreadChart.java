package org.visionbook.toolkit.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lines through the median of repeated measurements, each with a shaded band from the lowest to
 * the highest value: a learning curve over several seeds, say.
 *
 * <pre>{@code
 * SpreadChart.titled("MNIST with few labels").axes("labels per class", "test accuracy").logX(true)
 *         .series("from scratch", new double[] {10, 100}, new double[][] {{0.61, 0.64, 0.66}, {0.90, 0.91, 0.92}})
 *         .build();
 * }</pre>
 */
public final class SpreadChart {

    /** One named line: at {@code x[i]}, the repeated values {@code samples[i]}. */
    public record Series(String name, double[] x, double[][] samples) {
        public Series {
            Objects.requireNonNull(name, "series name");
            if (x.length != samples.length || x.length == 0) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but "
                        + samples.length + " groups of samples (need the same number, at least one)");
            }
            x = x.clone();
            double[][] copy = new double[samples.length][];
            for (int i = 0; i < samples.length; i++) {
                if (samples[i].length == 0) {
                    throw new IllegalArgumentException("series '" + name + "': no samples at x = " + x[i]);
                }
                copy[i] = samples[i].clone();
            }
            samples = copy;
        }

        /** The median at each x. */
        public double[] medians() {
            return Arrays.stream(samples).mapToDouble(SpreadChart::median).toArray();
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final boolean logX;
    private final int width;
    private final int height;

    private SpreadChart(String title, String xLabel, String yLabel, List<Series> series, boolean logX, int width,
                        int height) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = series;
        this.logX = logX;
        this.width = width;
        this.height = height;
    }

    public static SpreadChart titled(String title) {
        return new SpreadChart(title, "x", "y", List.of(), false, 640, 400);
    }

    public SpreadChart axes(String newXLabel, String newYLabel) {
        return new SpreadChart(title, newXLabel, newYLabel, series, logX, width, height);
    }

    public SpreadChart series(String name, double[] x, double[][] samples) {
        List<Series> more = new ArrayList<>(series);
        more.add(new Series(name, x, samples));
        return new SpreadChart(title, xLabel, yLabel, List.copyOf(more), logX, width, height);
    }

    /** A logarithmic x axis (every x must be positive), e.g. for dataset sizes spanning decades. */
    public SpreadChart logX(boolean on) {
        return new SpreadChart(title, xLabel, yLabel, series, on, width, height);
    }

    /** Chart size in pixels (default 640 x 400). */
    public SpreadChart size(int newWidth, int newHeight) {
        if (newWidth < 100 || newHeight < 100) {
            throw new IllegalArgumentException("a chart needs at least 100 x 100 pixels; got " + newWidth + " x "
                    + newHeight);
        }
        return new SpreadChart(title, xLabel, yLabel, series, logX, newWidth, newHeight);
    }

    public List<Series> seriesList() {
        return series;
    }

    /** A new XChart chart: per series a line with dots through the medians and a band from min to max. */
    public XYChart build() {
        if (series.isEmpty()) {
            throw new IllegalStateException("spread chart '" + title + "' has no series; add one with series(...)");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        ChartStyle.apply(chart, series.size());
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setXAxisLogarithmic(logX);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double x : s.x) {
                if (logX && !(x > 0)) {
                    throw new IllegalArgumentException("series '" + s.name()
                            + "': a logarithmic x axis needs x > 0, got " + x);
                }
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
            }
        }
        if (logX) {
            chart.getStyler().setXAxisMin(xMin / 1.3);
            chart.getStyler().setXAxisMax(xMax * 1.3);
        } else {
            ChartStyle.padX(chart, xMin, xMax);
        }
        // Bands first, so every line is drawn over them.
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            int n = s.x.length;
            double[] bx = new double[2 * n];
            double[] by = new double[2 * n];
            for (int i = 0; i < n; i++) {
                bx[i] = s.x[i];
                by[i] = Arrays.stream(s.samples[i]).max().orElseThrow();
                bx[2 * n - 1 - i] = s.x[i];
                by[2 * n - 1 - i] = Arrays.stream(s.samples[i]).min().orElseThrow();
            }
            Color c = ChartStyle.color(k);
            XYSeries band = chart.addSeries(s.name() + " (min to max)", bx, by);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 50));
            band.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);
        }
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            XYSeries line = chart.addSeries(s.name(), s.x(), s.medians());
            line.setLineColor(ChartStyle.color(k));
            line.setMarkerColor(ChartStyle.color(k));
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineWidth(2f);
        }
        return chart;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
