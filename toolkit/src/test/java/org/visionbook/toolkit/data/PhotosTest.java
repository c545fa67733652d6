package org.visionbook.toolkit.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotosTest {

    @Test
    void everyPhotoLoadsAtItsDocumentedSize() {
        for (Photo photo : Photo.values()) {
            BufferedImage image = Photos.image(photo);
            String size = image.getWidth() + "x" + image.getHeight();
            assertTrue(photo.description().contains(size), photo + " is " + size + ": " + photo.description());
            assertTrue(photo.licence().contains("CC0") || photo.licence().contains("public domain"), photo.licence());
        }
    }

    @Test
    void tensorsAreChannelsByHeightByWidthInZeroToOne() {
        INDArray rgb = Photos.rgb(Photo.COFFEE);
        assertArrayEquals(new long[]{3, 200, 300}, rgb.shape());
        assertArrayEquals(new long[]{1, 200, 300}, Photos.grey(Photo.COFFEE).shape());
        assertTrue(rgb.minNumber().doubleValue() >= 0 && rgb.maxNumber().doubleValue() <= 1);
        assertTrue(rgb.maxNumber().doubleValue() > 0.9 && rgb.minNumber().doubleValue() < 0.1, "uses the full range");
    }

    @Test
    void colourChannelsAreRedGreenBlueInThatOrder() {
        BufferedImage image = Photos.image(Photo.CHELSEA);
        INDArray rgb = Photos.rgb(Photo.CHELSEA);
        INDArray grey = Photos.grey(Photo.CHELSEA);
        for (int[] p : new int[][]{{0, 0}, {75, 112}, {149, 224}, {30, 200}}) {
            int argb = image.getRGB(p[1], p[0]);
            int r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
            assertEquals(r / 255f, rgb.getFloat(0, p[0], p[1]), 1e-6);
            assertEquals(g / 255f, rgb.getFloat(1, p[0], p[1]), 1e-6);
            assertEquals(b / 255f, rgb.getFloat(2, p[0], p[1]), 1e-6);
            assertEquals((0.299 * r + 0.587 * g + 0.114 * b) / 255, grey.getFloat(0, p[0], p[1]), 1e-5);
        }
        // a cat photo is not grey: red and blue differ somewhere
        assertTrue(rgb.slice(0).sub(rgb.slice(2)).norm1Number().doubleValue() > 100);
    }

    @Test
    void greyPhotosKeepTheirStoredLevels() {
        BufferedImage image = Photos.image(Photo.CAMERA);
        assertEquals(1, image.getRaster().getNumBands());
        INDArray grey = Photos.grey(Photo.CAMERA);
        INDArray rgb = Photos.rgb(Photo.CAMERA);
        for (int[] p : new int[][]{{0, 0}, {100, 60}, {255, 255}, {128, 40}}) {
            float stored = image.getRaster().getSample(p[1], p[0], 0) / 255f;
            assertEquals(stored, grey.getFloat(0, p[0], p[1]));
            for (int c = 0; c < 3; c++) {
                assertEquals(stored, rgb.getFloat(c, p[0], p[1]));
            }
        }
    }
}
