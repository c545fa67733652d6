package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class RasterTest {

    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    static int grey(int level) {
        return level << 16 | level << 8 | level;
    }

    @Test
    void aTwoByTwoArrayAtScaleThreeGivesExactlyTheSixBySixBlocks() {
        float[][] v = {{0f, 1f}, {0.5f, 0.25f}};
        BufferedImage img = Raster.grey(v, ValueRange.unit(), 3);

        assertEquals(6, img.getWidth());
        assertEquals(6, img.getHeight());
        // 0 -> black, 1 -> white, 0.5 -> 127.5 rounds to 128, 0.25 -> 63.75 rounds to 64
        int[][] expected = {{grey(0), grey(255)}, {grey(128), grey(64)}};
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(expected[y / 3][x / 3], rgb(img, x, y), "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void aFlatArrayAndAnIndArrayGiveTheSamePixelsAsTheMatrix() {
        float[][] m = {{0f, 0.2f, 0.4f}, {0.6f, 0.8f, 1f}};
        BufferedImage fromMatrix = Raster.grey(m, ValueRange.unit(), 2);
        BufferedImage fromFlat = Raster.grey(new float[] {0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f}, 2, 3, ValueRange.unit(), 2);
        BufferedImage fromNd = Raster.grey(Nd4j.create(m).reshape(1, 1, 2, 3), ValueRange.unit(), 2);
        BufferedImage fromRow = Raster.grey(Nd4j.create(new float[] {0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f}), 2, 3, ValueRange.unit(), 2);
        for (BufferedImage other : new BufferedImage[] {fromFlat, fromNd, fromRow}) {
            assertEquals(6, other.getWidth());
            assertEquals(4, other.getHeight());
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 6; x++) {
                    assertEquals(rgb(fromMatrix, x, y), rgb(other, x, y));
                }
            }
        }
    }

    @Test
    void valuesOutsideTheRangeAreClampedAndNanIsMagenta() {
        BufferedImage img = Raster.grey(new float[][] {{-5f, 7f, Float.NaN}}, ValueRange.unit(), 1);
        assertEquals(grey(0), rgb(img, 0, 0));
        assertEquals(grey(255), rgb(img, 1, 0));
        assertEquals(ColorMap.NAN_RGB, rgb(img, 2, 0));
    }

    @Test
    void aRankThreeBatchIsRejectedNamingExpectedAndActualShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Raster.grey(Nd4j.zeros(2, 3, 4), ValueRange.unit(), 1));
        assertTrue(e.getMessage().contains("[H, W]"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 3, 4]"), e.getMessage());
    }

    @Test
    void aFlatArrayOfTheWrongLengthIsRejectedNamingBothCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Raster.grey(new float[5], 2, 3, ValueRange.unit(), 1));
        assertTrue(e.getMessage().contains("2 x 3 = 6"), e.getMessage());
        assertTrue(e.getMessage().contains("got 5"), e.getMessage());
    }

    @Test
    void aFlatIndArrayWithoutHeightAndWidthSaysHowToPassThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Raster.grey(Nd4j.zeros(784), ValueRange.unit(), 1));
        assertTrue(e.getMessage().contains("[784]"), e.getMessage());
        assertTrue(e.getMessage().contains("height and width"), e.getMessage());
    }

    @Test
    void raggedRowsAreRejectedNamingTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Raster.grey(new float[][] {{1, 2}, {3}}, ValueRange.unit(), 1));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void aScaleBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Raster.grey(new float[][] {{1}}, ValueRange.unit(), 0));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
    }

    @Test
    void scaleForMakesATwentyEightPixelDigitReadable() {
        assertEquals(10, Raster.scaleFor(28, 28, 280));
        assertEquals(1, Raster.scaleFor(1000, 10, 280));
    }
}
