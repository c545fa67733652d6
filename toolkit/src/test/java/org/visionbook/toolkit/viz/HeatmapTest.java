package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.visionbook.toolkit.viz.RasterTest.rgb;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class HeatmapTest {

    /** The colour at the centre of cell (row, col) of a heatmap's image. */
    static int cellColor(Picture p, PictureLayout.Box box, int scale, int row, int col) {
        return rgb(p.image(), box.x() + col * scale + scale / 2, box.y() + row * scale + scale / 2);
    }

    @Test
    void aSignedHeatmapShowsMinimumBlueZeroWhiteAndMaximumRed() {
        float[][] v = {{-2f, 0f, 1f, 2f}};
        Heatmap h = Heatmap.of(v).diverging().scale(10);
        Picture p = h.render();
        PictureLayout.Box box = h.layout().cell(0);

        assertEquals(ValueRange.of(-2, 2), h.effectiveRange());
        assertEquals(0x2166AC, cellColor(p, box, 10, 0, 0));
        assertEquals(0xFFFFFF, cellColor(p, box, 10, 0, 1));
        assertEquals(0xEF8A62, cellColor(p, box, 10, 0, 2), "1 of [-2, 2] sits exactly on the fourth anchor");
        assertEquals(0xB2182B, cellColor(p, box, 10, 0, 3));
    }

    @Test
    void theColourBarRunsFromTheMaximumColourAtTheTopToTheMinimumAtTheBottomThroughWhite() {
        // 3 rows at scale 25: a 75 px bar, so its middle row is exactly position 0.5
        Heatmap h = Heatmap.of(new float[][] {{-1f, 0.5f}, {0f, 1f}, {0.25f, -0.5f}}).diverging().scale(25);
        Picture p = h.render();
        PictureLayout.Box bar = h.layout().colorBar().orElseThrow();

        assertEquals(75, bar.height());
        int x = bar.x() + bar.width() / 2;
        assertEquals(0xB2182B, rgb(p.image(), x, bar.y()));
        assertEquals(0xFFFFFF, rgb(p.image(), x, bar.y() + 37));
        assertEquals(0x2166AC, rgb(p.image(), x, bar.bottom() - 1));
    }

    @Test
    void anActivationHeatmapUsesTheSequentialMapOverTheDataRange() {
        Heatmap h = Heatmap.of(Nd4j.create(new float[][] {{0f, 3f}, {6f, 1.5f}})).scale(8);
        Picture p = h.render();
        PictureLayout.Box box = h.layout().cell(0);
        assertEquals(ValueRange.of(0, 6), h.effectiveRange());
        assertEquals(0x440154, cellColor(p, box, 8, 0, 0));
        assertEquals(0xFDE725, cellColor(p, box, 8, 1, 0));
        assertEquals(ColorMap.SEQUENTIAL.rgb(0.5), cellColor(p, box, 8, 0, 1));
    }

    @Test
    void theImageIsCopiedPixelExactlyIntoThePicture() {
        float[][] v = {{0f, 1f}, {0.5f, 0.25f}};
        Heatmap h = Heatmap.of(v).greys().range(ValueRange.unit()).scale(3);
        BufferedImage raw = Raster.grey(v, ValueRange.unit(), 3);
        Picture p = h.render();
        PictureLayout.Box box = h.layout().cell(0);
        assertEquals(6, box.width());
        assertEquals(6, box.height());
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(rgb(raw, x, y), rgb(p.image(), box.x() + x, box.y() + y));
            }
        }
    }

    @Test
    void thePictureHasItsTitleWrittenAboveTheImage() {
        Heatmap h = Heatmap.of(new float[][] {{1, 2}, {3, 4}}).title("Four values").scale(40);
        Picture p = h.render();
        assertEquals("Four values", p.title());
        PictureLayout layout = h.layout();
        assertEquals(layout.width(), p.width());
        assertEquals(layout.height(), p.height());
        assertTrue(darkPixels(p.image(), 0, 0, p.width(), layout.cell(0).y()) > 20, "title text above the image");
        assertTrue(darkPixels(p.image(), 0, layout.cell(0).y(), layout.cell(0).x(), layout.cell(0).height()) > 5, "row indices left of the image");
    }

    @Test
    void aDefaultHeatmapOfADigitIsAboutTwoHundredEightyPixels() {
        Heatmap h = Heatmap.of(new float[28 * 28], 28, 28);
        assertEquals(10, h.effectiveScale());
        assertEquals(280, h.layout().cell(0).width());
    }

    @Test
    void aThinVectorIsScaledUpUntilItCanBeSeen() {
        Heatmap h = Heatmap.of(new float[100], 1, 100);
        assertEquals(10, h.effectiveScale(), "1000 px long at most, as thick as that allows");
        assertEquals(24, Heatmap.of(new float[40], 1, 40).effectiveScale(), "at least 24 px thick");
    }

    @Test
    void aTitleWiderThanTheContentCentresTheContentUnderIt() {
        Heatmap h = Heatmap.of(new float[][] {{1}}).scale(4).colorBar(false).axes(false)
                .title("a title much, much wider than one four pixel square");
        PictureLayout layout = h.layout();
        PictureLayout.Box cell = layout.cell(0);
        int leftGap = cell.x();
        int rightGap = layout.width() - cell.right();
        assertTrue(Math.abs(leftGap - rightGap) <= 1, leftGap + " vs " + rightGap);
    }

    @Test
    void aHeatmapOfABatchIsRejectedNamingTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Heatmap.of(Nd4j.zeros(4, 1, 28, 28)));
        assertTrue(e.getMessage().contains("heatmap values"), e.getMessage());
        assertTrue(e.getMessage().contains("[4, 1, 28, 28]"), e.getMessage());
    }

    static int darkPixels(BufferedImage img, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int c = rgb(img, x, y);
                if (((c >> 16) & 0xFF) < 128 && ((c >> 8) & 0xFF) < 128 && (c & 0xFF) < 128) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void doublesDrawLikeFloatsAndCellTextReplacesTheNumbers() {
        Heatmap fromDoubles = Heatmap.of(new double[][] {{0, 3}, {6, 1.5}}).scale(30);
        Heatmap fromFloats = Heatmap.of(new float[][] {{0f, 3f}, {6f, 1.5f}}).scale(30);
        assertEquals(fromFloats.effectiveRange(), fromDoubles.effectiveRange());
        BufferedImage a = fromDoubles.render().image();
        BufferedImage b = fromFloats.render().image();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertEquals(b.getRGB(x, y), a.getRGB(x, y), "pixel " + x + ", " + y);
            }
        }
        Heatmap labelled = Heatmap.of(new double[][] {{0,
                0}}).colorMap(ColorMap.GREYS.reversed()).range(ValueRange.unit())
                .scale(40).cellText(new String[][] {{"27", ""}});
        Picture p = labelled.render();
        PictureLayout.Box box = labelled.layout().cell(0);
        assertTrue(inkIn(p.image(), box.x(), box.y(), 40), "the text of cell 0 is drawn");
        assertTrue(!inkIn(p.image(), box.x() + 40, box.y(), 40), "an empty text leaves its cell blank");
        assertThrows(IllegalArgumentException.class, () -> labelled.cellText(new String[][] {{"1"}}));
    }

    /** Whether a cell of white background holds any darker pixel. */
    private static boolean inkIn(BufferedImage image, int x0, int y0, int size) {
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    return true;
                }
            }
        }
        return false;
    }
}
