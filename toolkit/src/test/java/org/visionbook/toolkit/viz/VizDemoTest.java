package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VizDemoTest {

    @Test
    void theDemoWritesReadablePicturesAndChartsIntoTheFolder(@TempDir Path dir) throws IOException {
        List<Path> files = VizDemo.write(dir, 7);
        assertTrue(files.contains(dir.resolve("digit-grid.png")));
        assertTrue(files.contains(dir.resolve("filter-grid.png")));
        for (Path f : files) {
            assertTrue(Files.size(f) > 1000, f + " has content");
            if (f.toString().endsWith(".png")) {
                BufferedImage img = ImageIO.read(f.toFile());
                assertNotNull(img, f + " is a PNG");
                assertTrue(img.getWidth() > 100 && img.getHeight() > 100, f + " is a real picture");
            } else {
                assertTrue(Files.readString(f).contains("<svg"), f + " is an SVG");
            }
        }
        assertEquals(files.size(), PictureFilesTest.names(dir).size(), "nothing else written");
    }

    @Test
    void syntheticDigitsAreWhiteInkOnBlackInTheUnitRange() {
        float[][] d = VizDemo.syntheticDigit(8, new java.util.Random(1));
        ValueRange r = ValueRange.fit(d);
        assertTrue(r.min() >= 0 && r.max() <= 1, r.toString());
        assertEquals(0f, d[0][0], "corner is background");
        assertTrue(r.max() > 0.9, "some pixels are full ink");
    }
}
