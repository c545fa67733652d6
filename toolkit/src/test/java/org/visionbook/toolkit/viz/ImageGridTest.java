package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.visionbook.toolkit.viz.RasterTest.grey;
import static org.visionbook.toolkit.viz.RasterTest.rgb;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.display.MimeBundle;

class ImageGridTest {

    static final int RED = Canvas.MISTAKE.getRGB() & 0xFFFFFF;

    /** n constant 2 x 2 images; image i has value i / (n - 1). */
    static List<float[][]> constantImages(int n) {
        List<float[][]> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float v = i / (float) (n - 1);
            images.add(new float[][] {{v, v}, {v, v}});
        }
        return images;
    }

    @Test
    void cellsAreLaidOutLeftToRightThenTopToBottomWithEqualPitch() {
        ImageGrid grid = ImageGrid.of(constantImages(5)).scale(4).columns(2);
        PictureLayout layout = grid.layout();

        assertEquals(5, layout.cells().size());
        for (PictureLayout.Box b : layout.cells()) {
            assertEquals(8, b.width());
            assertEquals(8, b.height());
        }
        int pitchX = layout.cell(1).x() - layout.cell(0).x();
        int pitchY = layout.cell(2).y() - layout.cell(0).y();
        assertTrue(pitchX > 8 && pitchY > 8, "cells are apart: " + pitchX + ", " + pitchY);
        assertEquals(layout.cell(0).y(), layout.cell(1).y());
        assertEquals(layout.cell(0).x(), layout.cell(2).x());
        assertEquals(layout.cell(0).x(), layout.cell(4).x());
        assertEquals(layout.cell(0).y() + 2 * pitchY, layout.cell(4).y());
        assertEquals(layout.cell(2).x() + pitchX, layout.cell(3).x());
    }

    @Test
    void rowLabelsTakeRoomLeftOfTheGridAndMustNotOutnumberTheRows() {
        ImageGrid plain = ImageGrid.of(constantImages(6)).scale(4).columns(3);
        ImageGrid labelled = plain.rowLabels("original", "a much longer row label");
        int shift = labelled.layout().cell(0).x() - plain.layout().cell(0).x();
        assertTrue(shift > Canvas.textWidth(TileSheet.LABEL_FONT, "original"), "the grid moves right past the longest label: " + shift);
        assertEquals(labelled.layout().cell(0).x(), labelled.layout().cell(3).x(), "both rows start at the same x");
        BufferedImage image = labelled.render().image();
        boolean ink = false;
        for (int x = 0; x < labelled.layout().cell(0).x() - 4 && !ink; x++) {
            for (int y = labelled.layout().cell(3).y(); y < labelled.layout().cell(3).bottom(); y++) {
                ink |= (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
        }
        assertTrue(ink, "the second row's label is drawn left of it");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.rowLabels("a", "b", "c"));
        assertTrue(e.getMessage().contains("only 2 rows"), e.getMessage());
    }

    @Test
    void eachCellShowsItsOwnImagePixelExactly() {
        ImageGrid grid = ImageGrid.of(constantImages(5)).scale(4).columns(2).range(ValueRange.unit());
        Picture p = grid.render();
        PictureLayout layout = grid.layout();
        assertEquals(layout.width(), p.width());
        assertEquals(layout.height(), p.height());
        int[] levels = {0, 64, 128, 191, 255};   // 0, .25, .5, .75, 1 of 255, rounded
        for (int i = 0; i < 5; i++) {
            PictureLayout.Box b = layout.cell(i);
            for (int y = b.y(); y < b.bottom(); y++) {
                for (int x = b.x(); x < b.right(); x++) {
                    assertEquals(grey(levels[i]), rgb(p.image(), x, y), "image " + i + " at (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void aMistakeIsFramedInRedAndARightAnswerIsNot() {
        ImageGrid grid = ImageGrid.of(constantImages(4)).scale(10).labels(0, 1, 2, 3).predictions(0, 7, 2, 3);
        Picture p = grid.render();
        PictureLayout.Box wrong = grid.layout().cell(1);
        PictureLayout.Box right = grid.layout().cell(2);

        int midY = wrong.y() + wrong.height() / 2;
        assertEquals(RED, rgb(p.image(), wrong.x() - 1, midY), "left frame");
        assertEquals(RED, rgb(p.image(), wrong.x() - 2, midY), "frame is 2 px");
        assertEquals(RED, rgb(p.image(), wrong.right(), midY), "right frame");
        assertEquals(RED, rgb(p.image(), wrong.x() + 5, wrong.y() - 1), "top frame");
        assertEquals(RED, rgb(p.image(), wrong.x() + 5, wrong.bottom()), "bottom frame");
        assertEquals(0xFFFFFF, rgb(p.image(), wrong.x() - 3, midY), "white outside the frame");
        assertEquals(0xFFFFFF, rgb(p.image(), right.x() - 1, right.y() + right.height() / 2), "no frame on a right answer");
        assertTrue(redPixels(p.image(), wrong.x() - 6, wrong.bottom() + 3, wrong.width() + 12, 20) > 5, "a red caption under the mistake");
        assertEquals(0, redPixels(p.image(), right.x() - 6, right.bottom() + 3, right.width() + 12, 20), "no red under a right answer");
    }

    @Test
    void theDefaultTitleCountsRightAnswersAndMistakes() {
        ImageGrid grid = ImageGrid.of(constantImages(5)).labels(0, 1, 2, 3, 4).predictions(0, 1, 9, 3, 4);
        assertEquals(1, grid.mistakes());
        assertEquals("4 of 5 right, 1 mistake", grid.render().title());
        assertEquals("digits", grid.title("digits").render().title());
    }

    @Test
    void labelsAndPredictionsMayBeOneHotOrScoreArrays() {
        ImageGrid grid = ImageGrid.of(constantImages(3))
                .labels(Nd4j.create(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}))
                .predictions(Nd4j.create(new float[][] {{0.7f, 0.2f, 0.1f}, {0.1f, 0.1f, 0.8f}, {0.2f, 0.3f, 0.5f}}));
        assertEquals(1, grid.mistakes());
    }

    @Test
    void rowsOfSevenHundredEightyFourValuesAreTwentyEightByTwentyEightImages() {
        ImageGrid grid = ImageGrid.of(Nd4j.rand(6, 784)).scale(1);
        assertEquals(6, grid.size());
        assertEquals(28, grid.layout().cell(0).width());
        assertEquals(grid.layout().cell(0).x(), grid.layout().cell(3).x(), "6 images make 3 columns");
        assertNotEquals(grid.layout().cell(0).y(), grid.layout().cell(3).y());
    }

    @Test
    void aWrongNumberOfLabelsIsRejectedWithBothCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.of(constantImages(5)).labels(1, 2, 3));
        assertEquals("labels: expected 5 (one per image), got 3", e.getMessage());
    }

    @Test
    void colourImagesAndNonSquareRowsAreRejectedNamingTheShape() {
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.of(Nd4j.zeros(2, 3, 8, 8)));
        assertTrue(channels.getMessage().contains("[2, 3, 8, 8]"), channels.getMessage());
        assertTrue(channels.getMessage().contains("3 channels"), channels.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(Nd4j.zeros(2, 10)));
        assertTrue(rows.getMessage().contains("[2, 10]"), rows.getMessage());
        assertTrue(rows.getMessage().contains("not a square"), rows.getMessage());
    }

    @Test
    void imagesOfDifferentSizesAreRejectedNamingTheOddOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.of(List.of(new float[2][2], new float[2][2], new float[3][2])));
        assertTrue(e.getMessage().contains("image 2 is 3 x 2"), e.getMessage());
    }

    @Test
    void aLabelWithoutAClassNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.of(constantImages(2)).labels(0, 5).classNames("cat", "dog"));
        assertTrue(e.getMessage().contains("class 5 at index 1"), e.getMessage());
    }

    @Test
    void optionsReturnNewGridsAndLeaveTheOriginalAlone() {
        ImageGrid plain = ImageGrid.of(constantImages(4)).scale(2);
        ImageGrid labelled = plain.labels(0, 1, 2, 3).predictions(3, 1, 2, 3);
        assertEquals(0, plain.mistakes());
        assertEquals(1, labelled.mistakes());
        assertNotEquals(plain.layout().height(), labelled.layout().height(), "captions take room");
    }

    @Test
    void aPictureShowsInANotebookAsPngWithATextFallback() throws Exception {
        Picture p = ImageGrid.of(constantImages(4)).title("four").render();
        MimeBundle bundle = p.toMimeBundle();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(bundle.data().get(MimeBundle.PNG))));
        assertEquals(p.width(), back.getWidth());
        assertEquals(p.height(), back.getHeight());
        assertArrayEquals(new int[] {p.image().getRGB(20, 20)}, new int[] {back.getRGB(20, 20)});
        assertTrue(bundle.plainText().startsWith("four ("), bundle.plainText());
    }

    static int redPixels(BufferedImage img, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x0 + w); x++) {
                int c = rgb(img, x, y);
                int r = (c >> 16) & 0xFF, g = (c >> 8) & 0xFF, b = c & 0xFF;
                if (r > 150 && g < 120 && b < 120) {
                    n++;
                }
            }
        }
        return n;
    }
}
