package org.visionbook.toolkit.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Bar charts through XChart, one bar per category and series side by side: class probabilities,
 * per-class counts or accuracies.
 *
 * <pre>{@code
 * BarChart.titled("Softmax").axes("class", "value").categories("cat", "dog", "bird")
 *         .series("logit", logits).series("probability", p).build();
 * }</pre>
 *
 * Immutable until {@link #build()}, which returns a fresh XChart {@link CategoryChart} in the same
 * look as {@link LineChart}.
 */
public final class BarChart {

    /** One named row of bar heights, one per category. */
    public record Series(String name, double[] values) {
        public Series {
            Objects.requireNonNull(name, "series name");
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final List<Series> series;
    private final int width;
    private final int height;

    private BarChart(String title, String xLabel, String yLabel, List<String> categories, List<Series> series, int width, int height) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.categories = categories;
        this.series = series;
        this.width = width;
        this.height = height;
    }

    /** An empty bar chart called {@code title}. */
    public static BarChart titled(String title) {
        return new BarChart(Objects.requireNonNull(title, "title"), "", "", List.of(), List.of(), 640, 360);
    }

    public BarChart axes(String newXLabel, String newYLabel) {
        return new BarChart(title, Objects.requireNonNull(newXLabel, "x label"), Objects.requireNonNull(newYLabel, "y label"),
                categories, series, width, height);
    }

    /** The names along the x axis, in order; every series gives one value per name. */
    public BarChart categories(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("bar chart '" + title + "' needs at least one category");
        }
        return new BarChart(title, xLabel, yLabel, List.copyOf(names), series, width, height);
    }

    public BarChart categories(String... names) {
        return categories(List.of(names));
    }

    /** One bar per category with these heights. */
    public BarChart series(String name, double... values) {
        if (series.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("series '" + name + "' is already in bar chart '" + title + "'; names must differ");
        }
        List<Series> more = new ArrayList<>(series);
        more.add(new Series(name, values));
        return new BarChart(title, xLabel, yLabel, categories, List.copyOf(more), width, height);
    }

    public BarChart series(String name, float... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return series(name, d);
    }

    /** Chart size in pixels (default 640 x 360). */
    public BarChart size(int newWidth, int newHeight) {
        if (newWidth < 100 || newHeight < 100) {
            throw new IllegalArgumentException("a chart needs at least 100 x 100 pixels; got " + newWidth + " x " + newHeight);
        }
        return new BarChart(title, xLabel, yLabel, categories, series, newWidth, newHeight);
    }

    public List<Series> seriesList() {
        return series;
    }

    /**
     * 0, or 45 degrees when the category names laid side by side would not fit under their bars
     * (the plot takes about 85% of the chart's width), so that names never run into each other.
     */
    static int labelRotation(List<String> categories, int chartWidth) {
        double room = 0.85 * chartWidth / categories.size();
        for (String c : categories) {
            if (Canvas.textWidth(Fonts.plain(11f), c) + 6 > room) {
                return 45;
            }
        }
        return 0;
    }

    /** A new XChart chart holding every series. */
    public CategoryChart build() {
        if (categories.isEmpty()) {
            throw new IllegalStateException("bar chart '" + title + "' has no categories; add them with categories(...)");
        }
        if (series.isEmpty()) {
            throw new IllegalStateException("bar chart '" + title + "' has no series; add one with series(...)");
        }
        for (Series s : series) {
            if (s.values.length != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values.length + " values but bar chart '"
                        + title + "' has " + categories.size() + " categories " + categories);
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        ChartStyle.apply(chart.getStyler(), series.size());
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setXAxisLabelRotation(labelRotation(categories, width));
        for (Series s : series) {
            List<Double> heights = new ArrayList<>();
            for (double v : s.values) {
                heights.add(v);
            }
            chart.addSeries(s.name(), categories, heights);
        }
        return chart;
    }
}
