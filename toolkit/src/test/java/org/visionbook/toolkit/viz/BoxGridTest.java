package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.detect.Box;
import org.visionbook.toolkit.detect.Detection;
import org.visionbook.toolkit.detect.GroundTruth;

class BoxGridTest {

    @Test
    void groundTruthIsDrawnInItsClassColourOnTheRightCanvas() {
        // two black 16 x 16 canvases, scale 4: canvas 1 gets a class-2 box at (2, 2)-(10, 10)
        Picture p = BoxGrid.of(Nd4j.zeros(2, 3, 16, 16)).truths(List.of(new GroundTruth(1, 2, new Box(2, 2, 10, 10))))
                .classNames(List.of("a", "b", "c")).columns(2).scale(4).render();
        int x0 = 10 + 64 + 10; // margin, first canvas, gap
        int y0 = 10;
        int edge = p.image().getRGB(x0 + 2 * 4, y0 + 6 * 4) & 0xFFFFFF;   // left edge of the box, below its tag
        assertEquals(BoxGrid.PALETTE[2].getRGB() & 0xFFFFFF, edge);
        assertEquals(0, p.image().getRGB(10 + 6 * 4, y0 + 6 * 4) & 0xFFFFFF, "the first canvas stays black");
    }

    @Test
    void predictionsAreDrawnInTheirClassColourAndTruthInWhite() {
        Picture p = BoxGrid.of(Nd4j.zeros(1, 3, 16, 16)).truths(List.of(new GroundTruth(0, 0, new Box(1, 1, 15, 15))))
                .predictions(List.of(new Detection(0, 1, 0.9, new Box(4, 4, 12, 12)))).scale(4).render();
        int x0 = 10;
        int y0 = 10;
        assertEquals(BoxGrid.PALETTE[1].getRGB() & 0xFFFFFF, p.image().getRGB(x0 + 4 * 4, y0 + 8 * 4) & 0xFFFFFF);
        int white = 0;
        int black = 0;
        for (int y = y0 + 8; y < y0 + 56; y++) {                      // down the truth's left edge at x = 1 * 4
            int rgb = p.image().getRGB(x0 + 4, y) & 0xFFFFFF;
            white += rgb == 0xFFFFFF ? 1 : 0;
            black += rgb == 0 ? 1 : 0;
        }
        assertTrue(white > 10 && black > 5, "a dashed white edge: " + white + " white, " + black + " black pixels");
    }

    @Test
    void notRgbCanvasesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoxGrid.of(Nd4j.zeros(2, 1,
                8, 8)));
        assertTrue(e.getMessage().contains("[n, 3, H, W]"), e.getMessage());
    }
}
