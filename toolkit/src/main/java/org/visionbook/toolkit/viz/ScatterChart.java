package org.visionbook.toolkit.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Points in the plane coloured by class: a 2-D projection of features (PCA, say), one colour per
 * class with its name in the legend.
 *
 * <pre>{@code
 * ScatterChart.titled("fc2 features, PCA").axes("PC 1", "PC 2").classNames(Mnist.CLASS_NAMES)
 *         .points(xy.getColumn(0).toDoubleVector(), xy.getColumn(1).toDoubleVector(), labels).build();
 * }</pre>
 */
public final class ScatterChart {

    /** Ten colours that stay apart on white: the eight series colours plus olive and cyan. */
    private static final java.awt.Color[] CLASS_COLORS = {
        ChartStyle.SERIES[0], ChartStyle.SERIES[1], ChartStyle.SERIES[2], ChartStyle.SERIES[3],
        ChartStyle.SERIES[4], ChartStyle.SERIES[5], ChartStyle.SERIES[6], ChartStyle.SERIES[7],
        new java.awt.Color(0xBCBD22), new java.awt.Color(0x17BECF),
    };

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> classNames;
    private final double[] x;
    private final double[] y;
    private final int[] labels;
    private final int width;
    private final int height;

    private ScatterChart(String title, String xLabel, String yLabel, List<String> classNames, double[] x, double[] y,
                         int[] labels, int width, int height) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.classNames = classNames;
        this.x = x;
        this.y = y;
        this.labels = labels;
        this.width = width;
        this.height = height;
    }

    public static ScatterChart titled(String title) {
        return new ScatterChart(title, "x", "y", List.of(), new double[0], new double[0], new int[0], 480, 420);
    }

    public ScatterChart axes(String newXLabel, String newYLabel) {
        return new ScatterChart(title, newXLabel, newYLabel, classNames, x, y, labels, width, height);
    }

    /** The legend's name for class {@code i} (default: the class number). */
    public ScatterChart classNames(List<String> names) {
        return new ScatterChart(title, xLabel, yLabel, List.copyOf(names), x, y, labels, width, height);
    }

    /** Point {@code i} at ({@code xs[i]}, {@code ys[i]}) in the colour of class {@code classes[i]} (0, 1, ...). */
    public ScatterChart points(double[] xs, double[] ys, int[] classes) {
        Objects.requireNonNull(xs, "xs");
        if (xs.length != ys.length || xs.length != classes.length || xs.length == 0) {
            throw new IllegalArgumentException("need as many x, y and class values, at least one; got " + xs.length
                    + ", " + ys.length + " and " + classes.length);
        }
        for (int c : classes) {
            if (c < 0) {
                throw new IllegalArgumentException("class numbers start at 0, got " + c);
            }
        }
        return new ScatterChart(title, xLabel, yLabel, classNames, xs.clone(), ys.clone(), classes.clone(), width,
                height);
    }

    public ScatterChart size(int newWidth, int newHeight) {
        if (newWidth < 100 || newHeight < 100) {
            throw new IllegalArgumentException("a chart needs at least 100 x 100 pixels; got " + newWidth + " x "
                    + newHeight);
        }
        return new ScatterChart(title, xLabel, yLabel, classNames, x, y, labels, newWidth, newHeight);
    }

    /** A new XChart chart, one series of dots per class. */
    public XYChart build() {
        if (x.length == 0) {
            throw new IllegalStateException("scatter chart '" + title + "' has no points; add them with points(...)");
        }
        int classes = 0;
        for (int c : labels) {
            classes = Math.max(classes, c + 1);
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        ChartStyle.apply(chart, classes);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        for (int c = 0; c < classes; c++) {
            List<Double> cx = new ArrayList<>();
            List<Double> cy = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    cx.add(x[i]);
                    cy.add(y[i]);
                }
            }
            if (cx.isEmpty()) {
                continue;
            }
            String name = c < classNames.size() ? classNames.get(c) : String.valueOf(c);
            XYSeries s = chart.addSeries(name, cx, cy);
            java.awt.Color color = CLASS_COLORS[c % CLASS_COLORS.length];
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new java.awt.Color(color.getRed(), color.getGreen(), color.getBlue(), 160));
        }
        return chart;
    }
}
