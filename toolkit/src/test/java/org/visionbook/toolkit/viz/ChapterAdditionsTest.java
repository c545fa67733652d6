package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.visionbook.toolkit.viz.RasterTest.rgb;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Heatmaps with numbers, RGB rasters and rows of pictures: what the chapters 01-03 draw. */
class ChapterAdditionsTest {

    /** How many pixels inside cell (row, col) of a heatmap are light (text is antialiased: not all are pure white). */
    private static int lightPixels(Picture p, PictureLayout.Box box, int scale, int row, int col) {
        int n = 0;
        for (int y = box.y() + row * scale; y < box.y() + (row + 1) * scale; y++) {
            for (int x = box.x() + col * scale; x < box.x() + (col + 1) * scale; x++) {
                int c = rgb(p.image(), x, y);
                n += ((c >> 16) & 0xFF) + ((c >> 8) & 0xFF) + (c & 0xFF) > 3 * 160 ? 1 : 0;
            }
        }
        return n;
    }

    /** How many pixels of {@code color} lie inside cell (row, col) of a heatmap. */
    private static int pixelsOf(Picture p, PictureLayout.Box box, int scale, int row, int col, int color) {
        int n = 0;
        for (int y = box.y() + row * scale; y < box.y() + (row + 1) * scale; y++) {
            for (int x = box.x() + col * scale; x < box.x() + (col + 1) * scale; x++) {
                n += rgb(p.image(), x, y) == color ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void numbersAreWrittenWhiteOnDarkCellsAndDarkOnLightCellsLeavingTheCellColourAround() {
        Heatmap h = Heatmap.of(new float[][] {{0f, 255f}}).greys().scale(30).numbers("%.0f");
        Picture p = h.render();
        PictureLayout.Box box = h.layout().cell(0);

        int blackCellWhiteInk = lightPixels(p, box, 30, 0, 0);
        int whiteCellNonWhite = 30 * 30 - lightPixels(p, box, 30, 0, 1);
        assertTrue(blackCellWhiteInk > 5, "the 0 on black is drawn in white: " + blackCellWhiteInk + " white pixels");
        assertTrue(whiteCellNonWhite > 5, "the 255 on white is drawn dark: " + whiteCellNonWhite + " non-white pixels");
        assertEquals(0x000000, rgb(p.image(), box.x() + 1, box.y() + 1), "the black cell's corner stays black");
        assertEquals(0xFFFFFF, rgb(p.image(), box.x() + 30 + 1, box.y() + 1), "the white cell's corner stays white");
    }

    @Test
    void aHeatmapWithNumbersHasTheSameLayoutAsOneWithout() {
        float[][] v = {{0.1f, 0.2f}, {0.3f, 0.4f}};
        Heatmap plain = Heatmap.of(v).scale(40);
        Heatmap numbered = plain.numbers("%.2f");
        assertEquals(plain.layout(), numbered.layout());
        PictureLayout.Box box = plain.layout().cell(0);
        int cellColour = ColorMap.SEQUENTIAL.rgb(0.0);
        int plainPixels = pixelsOf(plain.render(), box, 40, 0, 0, cellColour);
        int numberedPixels = pixelsOf(numbered.render(), box, 40, 0, 0, cellColour);
        assertEquals(40 * 40, plainPixels, "without numbers the cell is one colour");
        assertTrue(numberedPixels < plainPixels && numberedPixels > 40 * 40 / 2,
                "the number covers part of the cell, not all of it: " + numberedPixels + " of 1600 pixels keep the colour");
    }

    @Test
    void cellsTooSmallForTheNumbersAreRejectedSayingWhatToChange() {
        Heatmap h = Heatmap.of(new float[][] {{0.123f, 0.5f}}).scale(6).numbers("%.3f");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::render);
        assertTrue(e.getMessage().contains("6 px") && e.getMessage().contains("0.123") && e.getMessage().contains("scale"),
                e.getMessage());
    }

    @Test
    void aFormatThatIsNotForOneNumberIsRejectedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Heatmap.of(new float[][] {{1f, 2f}}).numbers("%d"));
        assertTrue(e.getMessage().contains("%d"), e.getMessage());
    }

    @Test
    void anRgbTensorBecomesAColourPictureWithEachChannelInItsPlace() {
        // [3, 1, 2]: pixel (0,0) pure red, pixel (0,1) half green + full blue
        var image = Nd4j.create(new float[] {1f, 0f, 0f, 0.5f, 0f, 1f}, new long[] {3, 1, 2});
        BufferedImage img = Raster.rgb(image, 2);

        assertEquals(4, img.getWidth());
        assertEquals(2, img.getHeight());
        assertEquals(0xFF0000, rgb(img, 1, 1));
        assertEquals(0x0080FF, rgb(img, 3, 1));
        assertEquals(img.getRGB(0, 0), Raster.rgb(image.reshape(1, 3, 1, 2), 2).getRGB(0, 0), "a batch of one draws the same");
    }

    @Test
    void rgbValuesOutsideZeroToOneAreClamped() {
        var image = Nd4j.create(new float[] {2f, -1f, 0.5f}, new long[] {3, 1, 1});
        assertEquals(0xFF0080, rgb(Raster.rgb(image, 1), 0, 0));
    }

    @Test
    void aChannelsLastImageIsRejectedSayingHowToPermuteIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Raster.rgb(Nd4j.zeros(4, 5, 3), 1));
        assertTrue(e.getMessage().contains("[4, 5, 3]") && e.getMessage().contains("permute"), e.getMessage());
    }

    @Test
    void aRowPlacesPicturesLeftToRightUnderItsTitle() {
        Picture red = new Picture(Raster.rgb(Nd4j.create(new float[] {1f, 0f, 0f}, new long[] {3, 1, 1}), 20), "red");
        Picture blue = new Picture(Raster.rgb(Nd4j.create(new float[] {0f, 0f, 1f}, new long[] {3, 1, 1}), 30), "blue");
        Picture row = Picture.row("two squares", red, blue);

        assertEquals("two squares", row.title());
        assertTrue(row.width() >= 20 + 30 + 16, "both fit side by side: " + row.width());
        int redX = -1;
        int blueX = -1;
        int y = row.height() - 8 - 30 + 5; // 5 px below the tops: the row ends 8 px under the 30 px blue square
        for (int x = 0; x < row.width(); x++) {
            int c = rgb(row.image(), x, y);
            if (c == 0xFF0000 && redX < 0) {
                redX = x;
            }
            if (c == 0x0000FF && blueX < 0) {
                blueX = x;
            }
        }
        assertTrue(redX >= 0 && blueX > redX, "red at x=" + redX + " comes before blue at x=" + blueX);
        assertThrows(IllegalArgumentException.class, () -> Picture.row("empty"));
    }

    @Test
    void aCaptionedPictureKeepsTheImageAtTheTopAndWritesTheCaptionUnderIt() {
        BufferedImage red = Raster.rgb(Nd4j.create(new float[] {1f, 0f, 0f}, new long[] {3, 1, 1}), 40);
        Picture p = Picture.captioned(red, "a wide caption under a small square");

        assertEquals("a wide caption under a small square", p.title());
        assertTrue(p.width() > 40, "the picture widens to fit the caption: " + p.width());
        assertTrue(p.height() > 40, "the caption adds height: " + p.height());
        assertEquals(0xFF0000, rgb(p.image(), p.width() / 2, 20), "the square sits centred at the top");
        int dark = 0;
        for (int y = 40; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                dark += (rgb(p.image(), x, y) & 0xFF) < 128 ? 1 : 0;
            }
        }
        assertTrue(dark > 20, "text is drawn below the square: " + dark + " dark pixels");
    }

    @Test
    void aNegativeZeroIsWrittenWithoutItsMinusSign() {
        assertEquals("0.0000", Heatmap.withoutNegativeZero(String.format(java.util.Locale.ROOT, "%.4f", -0.0)));
        assertEquals("0", Heatmap.withoutNegativeZero(String.format(java.util.Locale.ROOT, "%.0f", -0.2)));
        assertEquals("-0.0001", Heatmap.withoutNegativeZero("-0.0001"));
        assertEquals("-10", Heatmap.withoutNegativeZero("-10"));
    }

    @Test
    void aBarChartHasOneBarPerCategoryInEachSeriesSideBySide() {
        org.knowm.xchart.CategoryChart chart = BarChart.titled("Softmax").axes("class", "value")
                .categories("cat", "dog", "bird").series("logit", 2.0, 1.0, 0.1).series("p", 0.66f, 0.24f, 0.1f).build();
        assertEquals("Softmax", chart.getTitle());
        assertEquals("class", chart.getXAxisTitle());
        assertEquals(java.util.List.of("logit", "p"), java.util.List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(java.util.List.of("cat", "dog", "bird"), java.util.List.copyOf(chart.getSeriesMap().get("logit").getXData()));
        assertEquals(1.0, chart.getSeriesMap().get("logit").getYData().stream().skip(1).findFirst().orElseThrow().doubleValue());
        assertEquals(java.awt.Color.WHITE, chart.getStyler().getChartBackgroundColor(), "the same look as the line charts");
        assertTrue(Picture.of(chart).width() == 640, "it draws");
    }

    @Test
    void aBarSeriesOfTheWrongLengthIsRejectedNamingBothCounts() {
        BarChart chart = BarChart.titled("t").categories("a", "b").series("three", 1, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, chart::build);
        assertTrue(e.getMessage().contains("3 values") && e.getMessage().contains("2 categories"), e.getMessage());
    }

    @Test
    void pointsAreDrawnAsDotsWithoutALineWhileFunctionsKeepTheirLine() {
        org.knowm.xchart.XYChart chart = LineChart.titled("loss").function("-log p", q -> -Math.log(q), 0.1, 1)
                .points("example", new double[] {0.5}, new double[] {Math.log(2)}).build();
        var dots = chart.getSeriesMap().get("example");
        var line = chart.getSeriesMap().get("-log p");
        assertEquals(org.knowm.xchart.style.lines.SeriesLines.NONE, dots.getLineStyle());
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE, dots.getMarker());
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.NONE, line.getMarker());
    }
}
