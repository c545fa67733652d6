package org.visionbook.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.visionbook.toolkit.display.MimeBundle;
import org.visionbook.toolkit.viz.BarChart;
import org.visionbook.toolkit.viz.LineChart;

class HistoryChartTest {

    /**
     * A history of {@code epochs} epochs of 20 batches each: batch loss {@code start - epoch - b/100},
     * validation loss {@code valLoss[e]}, validation accuracy {@code 0.5 + e/100}.
     */
    static History history(double start, double... valLoss) {
        History h = new History();
        for (int e = 1; e <= valLoss.length; e++) {
            History.BatchLog log = h.startEpoch(e);
            for (int b = 0; b < 20; b++) {
                log.add(start - e - b / 100.0, 8, 10);
            }
            h.add(new EpochRecord(e, start - e, 0.8, valLoss[e - 1], 0.5 + e / 100.0, 1e-3, 1));
        }
        return h;
    }

    @Test
    void oneMetricOfSeveralRunsNamesEachLineAfterItsRun() {
        XYChart chart = HistoryChart.of(Metric.VALIDATION_LOSS).add("SGD", history(10, 3, 2, 1))
                .add("Adam", history(10, 2, 1, 0.5)).build();
        assertEquals(List.of("SGD", "Adam"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {1, 2, 3}, chart.getSeriesMap().get("Adam").getXData());
        assertArrayEquals(new double[] {2, 1, 0.5}, chart.getSeriesMap().get("Adam").getYData());
        assertEquals("Validation loss", chart.getTitle());
        assertEquals("loss", chart.getYAxisTitle());
    }

    @Test
    void trainingMetricsFollowTheBatchesAtTenPointsPerEpoch() {
        LineChart lines = HistoryChart.of(Metric.TRAIN_LOSS, Metric.VALIDATION_LOSS).add("run", history(10, 3, 2)).lines();
        LineChart.Series train = lines.seriesList().get(0);
        assertEquals("training loss", train.name());
        assertEquals(20, train.x().length, "2 epochs of 20 batches, binned by 2");
        assertEquals(0.1, train.x()[0], 1e-12);
        assertEquals(2.0, train.x()[19], 1e-12);
        assertEquals(10 - 1 - 0.005, train.y()[0], 1e-6, "mean of the first two batch losses of epoch 1");
        assertEquals("validation loss", lines.seriesList().get(1).name());
    }

    @Test
    void severalRunsAndMetricsNameBothAndMapsKeepTheirOrder() {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("b", history(5, 1));
        runs.put("a", history(5, 2));
        LineChart lines = HistoryChart.of(Metric.VALIDATION_LOSS, Metric.VALIDATION_ACCURACY).add(runs).lines();
        assertEquals(List.of("b, validation loss", "b, validation accuracy", "a, validation loss", "a, validation accuracy"),
                lines.seriesList().stream().map(LineChart.Series::name).toList());
        assertEquals("value", lines.build().getYAxisTitle());
    }

    @Test
    void aMarkPutsADotOnEveryLineAtTheEndOfThatEpoch() {
        LineChart lines = HistoryChart.of(Metric.TRAIN_LOSS, Metric.VALIDATION_LOSS).add("run", history(10, 3, 2, 2.5))
                .mark("best epoch", 2).lines();
        LineChart.Series dots = lines.seriesList().get(2);
        assertEquals("best epoch", dots.name());
        assertArrayEquals(new double[] {2, 2}, dots.x());
        assertEquals(10 - 2 - 0.185, dots.y()[0], 1e-6, "the training curve's last point of epoch 2");
        assertEquals(2.0, dots.y()[1], 1e-12, "validation loss of epoch 2");
        assertThrows(IllegalArgumentException.class,
                () -> HistoryChart.of(Metric.VALIDATION_LOSS).add("run", history(10, 3)).mark("later", 5).lines());
    }

    @Test
    void finalValuesAreTheLastMeasuredValuePerRunAndMetric() {
        History h = history(10, 3, 2);
        h.add(new EpochRecord(3, 6, 0.9, Double.NaN, Double.NaN, 1e-3, 1)); // validation skipped in epoch 3
        BarChart bars = HistoryChart.of(Metric.TRAIN_ACCURACY, Metric.VALIDATION_ACCURACY).add("x", h)
                .add("y", history(10, 1)).finalValues();
        assertEquals(List.of("training accuracy", "validation accuracy"),
                bars.seriesList().stream().map(BarChart.Series::name).toList());
        assertArrayEquals(new double[] {0.9, 0.8}, bars.seriesList().get(0).values(), 1e-12);
        assertArrayEquals(new double[] {0.52, 0.51}, bars.seriesList().get(1).values(), 1e-12);
    }

    @Test
    void theTableHasTheLastAndTheBestValueOfEachMetricPerRun() {
        tech.tablesaw.api.Table t = HistoryChart.of(Metric.VALIDATION_LOSS, Metric.VALIDATION_ACCURACY)
                .add("rising", history(10, 3, 1, 2)).add("falling", history(10, 3, 2, 1)).table();
        assertEquals(List.of("run", "val_loss", "best val_loss", "best val_loss epoch", "val_acc", "best val_acc",
                "best val_acc epoch"), t.columnNames());
        assertEquals(List.of("rising", "falling"), t.stringColumn("run").asList());
        assertEquals(List.of(2.0, 1.0), t.doubleColumn("val_loss").asList());
        assertEquals(List.of(1.0, 1.0), t.doubleColumn("best val_loss").asList());
        assertEquals(List.of(2, 3), t.intColumn("best val_loss epoch").asList(), "lowest loss for a loss");
        assertEquals(List.of(3, 3), t.intColumn("best val_acc epoch").asList(), "highest accuracy for an accuracy");
        assertEquals(0.53, t.doubleColumn("best val_acc").get(0), 1e-12);
    }

    @Test
    void missingDataAndBadArgumentsAreClearErrors() {
        History noValidation = new History();
        noValidation.add(new EpochRecord(1, 1, 0.5, Double.NaN, Double.NaN, 1e-3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HistoryChart.of(Metric.VALIDATION_ACCURACY).add("plain", noValidation).build());
        assertTrue(e.getMessage().contains("'plain'") && e.getMessage().contains("validation"), e.getMessage());
        assertThrows(IllegalArgumentException.class, HistoryChart::of);
        assertThrows(IllegalArgumentException.class, () -> HistoryChart.of(Metric.TRAIN_LOSS, Metric.TRAIN_LOSS));
        assertThrows(IllegalArgumentException.class, () -> HistoryChart.of(Metric.TRAIN_LOSS).add("a", noValidation).add("a", noValidation));
        assertThrows(IllegalStateException.class, () -> HistoryChart.of(Metric.TRAIN_LOSS).build());
        assertThrows(IllegalArgumentException.class, () -> HistoryChart.of(Metric.TRAIN_LOSS).mark("zero", 0));
    }

    @Test
    void aNotebookShowsItAsAPicture() {
        MimeBundle bundle = HistoryChart.of(Metric.VALIDATION_ACCURACY).add("run", history(10, 1, 0.5)).toMimeBundle();
        assertTrue(bundle.data().containsKey("image/png"), bundle.data().keySet().toString());
    }
}
