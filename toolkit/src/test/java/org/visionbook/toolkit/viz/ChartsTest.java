package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.nd4j.linalg.factory.Nd4j;

class ChartsTest {

    @Test
    void aLineChartCarriesItsTitleAxisTitlesAndEverySeries() {
        XYChart chart = LineChart.titled("Loss").axes("iteration", "loss")
                .series("train", new double[] {2.0, 1.0, 0.5})
                .series("test", new double[] {0, 2}, new double[] {2.1, 0.9})
                .build();
        assertEquals("Loss", chart.getTitle());
        assertEquals("iteration", chart.getXAxisTitle());
        assertEquals("loss", chart.getYAxisTitle());
        assertEquals(List.of("train", "test"), List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries train = chart.getSeriesMap().get("train");
        assertArrayEquals(new double[] {0, 1, 2}, train.getXData());
        assertArrayEquals(new double[] {2.0, 1.0, 0.5}, train.getYData());
        assertTrue(chart.getStyler().isLegendVisible(), "two series need a legend");
    }

    @Test
    void aLogarithmicXAxisSurvivesTheOtherSettingsAndNeedsPositiveX() {
        XYChart chart = LineChart.titled("params").logX(true).axes("parameters", "error").size(500, 300)
                .points("nets", new double[] {6e4, 6e7, 1.38e8}, new double[] {1, 15.3, 7.3}).build();
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertTrue(chart.getStyler().getXAxisMin() > 0, "a log axis cannot start at or below 0");
        assertTrue(chart.getStyler().getXAxisMin() < 6e4 && chart.getStyler().getXAxisMax() > 1.38e8);
        assertTrue(!LineChart.titled("t").series("a", new double[] {1, 2}).build().getStyler().isXAxisLogarithmic());
        IllegalArgumentException log = assertThrows(IllegalArgumentException.class,
                () -> LineChart.titled("t").logX(true).series("a", new double[] {0, 1}, new double[] {1, 2}).build());
        assertTrue(log.getMessage().contains("x[0] = 0.0"), log.getMessage());
    }

    @Test
    void aFunctionIsSampledEvenlyBetweenItsEnds() {
        XYChart chart = LineChart.titled("ReLU").function("relu", x -> Math.max(0, x), -1, 1, 5).build();
        XYSeries s = chart.getSeriesMap().get("relu");
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, s.getXData(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 1}, s.getYData(), 1e-12);
    }

    @Test
    void lineChartMistakesAreNamed() {
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> LineChart.titled("t").series("a", new double[] {1, 2}, new double[] {1}));
        assertEquals("series 'a': x has 2 values but y has 1", lengths.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> LineChart.titled("t").series("a", new double[] {1}).series("a", new double[] {2}));
        assertTrue(twice.getMessage().contains("'a' is already"), twice.getMessage());
        assertThrows(IllegalStateException.class, () -> LineChart.titled("empty").build());
        IllegalArgumentException log = assertThrows(IllegalArgumentException.class,
                () -> LineChart.titled("t").logY(true).series("loss", new double[] {1, 0}).build());
        assertTrue(log.getMessage().contains("y[1] = 0.0"), log.getMessage());
    }

    @Test
    void aHistogramCountsEveryFiniteValueOnceInEqualBins() {
        HistogramChart h = HistogramChart.of("w", new double[] {0, 0.1, 0.5, 0.9, 1.0, Double.NaN}).bins(2);
        HistogramChart.Bins bins = h.counts();
        assertArrayEquals(new double[] {0, 0.5, 1.0}, bins.edges(), 1e-12);
        assertArrayEquals(new double[] {2, 3}, bins.counts().get(0), "the maximum falls in the last bin");
        XYChart chart = h.title("Weights").axes("weight", "count").build();
        assertEquals("Weights", chart.getTitle());
        assertEquals("weight", chart.getXAxisTitle());
        assertEquals("count", chart.getYAxisTitle());
        assertEquals(List.of("w (1 NaN/inf left out)"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void histogramSeriesShareOneSetOfBins() {
        HistogramChart h = HistogramChart.of("before", Nd4j.create(new float[] {-1, 0, 1})).series("after", new double[] {3});
        HistogramChart.Bins bins = h.bins(4).counts();
        assertEquals(-1, bins.edges()[0], 1e-12);
        assertEquals(3, bins.edges()[4], 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 0}, bins.counts().get(0));
        assertArrayEquals(new double[] {0, 0, 0, 1}, bins.counts().get(1));
        assertEquals("Histogram of before", h.build().getTitle());
    }

    @Test
    void aHistogramWithoutFiniteValuesSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HistogramChart.of("dead", new double[] {Double.NaN}).build());
        assertTrue(e.getMessage().contains("no finite values"), e.getMessage());
        assertTrue(e.getMessage().contains("dead"), e.getMessage());
    }

    @Test
    void dashedSeriesGetDistinctStrokesSoOverlappingLinesStayVisible() {
        double[] y = {0.1, 0.08, 0.05, 0.02, 0.0};
        XYChart chart = LineChart.titled("rates").series("a", y).series("b", y).series("c", y).dashed(true).build();
        List<java.awt.BasicStroke> strokes = chart.getSeriesMap().values().stream().map(XYSeries::getLineStyle)
                .toList();
        assertEquals(3, strokes.stream().map(st -> java.util.Arrays.toString(st.getDashArray())).distinct().count(),
                "three series, three dash patterns: " + strokes);
    }

    @Test
    void yTickLabelsHaveALeadingZeroAndEnoughDecimals() {
        assertEquals("#,##0.##", LineChart.yPatternFor(List.of(new LineChart.Series("lr", new double[] {0, 1, 2, 3, 4},
                new double[] {0, 0.025, 0.05, 0.075, 0.1}))).orElseThrow());
        assertEquals("#,##0", LineChart.yPatternFor(List.of(new LineChart.Series("n", new double[] {0, 1},
                new double[] {0, 500}))).orElseThrow());
        XYChart chart = LineChart.titled("rates").series("lr", new double[] {0.1, 0.05, 0.0}).build();
        assertEquals("0.08", new java.text.DecimalFormat(chart.getStyler().getYAxisDecimalPattern(),
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(0.08));
    }

    @Test
    void longCategoryNamesAreTurnedSoTheyDoNotCollide() {
        List<String> clothes = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker",
                "Bag", "Ankle boot");
        assertEquals(45, BarChart.labelRotation(clothes, 640));
        assertEquals(0, BarChart.labelRotation(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), 520));
        org.knowm.xchart.CategoryChart bars = BarChart.titled("t").categories(clothes).series("p",
                new double[10]).build();
        assertEquals(45, bars.getStyler().getXAxisLabelRotation());
    }
}
