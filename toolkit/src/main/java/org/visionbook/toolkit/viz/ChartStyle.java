package org.visionbook.toolkit.viz;

import java.awt.Color;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.AxesChartStyler;

/** The look shared by every chart here: white, the pictures' font, a fixed colour cycle. */
final class ChartStyle {

    /** Distinct, colour-blind-friendly series colours (blue, orange, green, red, purple, brown, pink, grey). */
    static final Color[] SERIES = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
    };

    private ChartStyle() {
    }

    static Color color(int index) {
        return SERIES[index % SERIES.length];
    }

    static void apply(XYChart chart, int seriesCount) {
        apply(chart.getStyler(), seriesCount);
    }

    static void apply(AxesChartStyler s, int seriesCount) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotGridLinesColor(new Color(0xE5E5E5));
        s.setChartFontColor(Canvas.INK);
        s.setAxisTickLabelsColor(Canvas.INK);
        s.setChartTitleFont(Fonts.bold(15f));
        s.setAxisTitleFont(Fonts.plain(13f));
        s.setAxisTickLabelsFont(Fonts.plain(11f));
        s.setLegendFont(Fonts.plain(12f));
        s.setChartTitleBoxVisible(false);
        // Below the plot, so the legend never hides a line.
        s.setLegendVisible(seriesCount > 1);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setSeriesColors(SERIES);
        s.setAntiAlias(true);
    }

    /**
     * Widens the x axis by 3% of the data's span on each side. Besides breathing room this keeps
     * XChart's tick rule for evenly spaced x values (one tick per data point: 0, 3, 6, ... or
     * long unrounded decimals) from kicking in; it then chooses round tick values.
     */
    static void padX(XYChart chart, double min, double max) {
        double pad = (max > min ? max - min : Math.max(1, Math.abs(min))) * 0.03;
        chart.getStyler().setXAxisMin(min - pad);
        chart.getStyler().setXAxisMax(max + pad);
    }
}
