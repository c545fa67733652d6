package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.visionbook.toolkit.viz.RasterTest.rgb;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FilterGridTest {

    @Test
    void weightsWithSeveralInputChannelsGetOneRowPerOutputChannel() {
        FilterGrid grid = FilterGrid.of(Nd4j.rand(4, 2, 3, 3)).scale(10);
        assertEquals(FilterGrid.Arrangement.ROWS, grid.effectiveArrangement());
        PictureLayout layout = grid.layout();
        assertEquals(8, layout.cells().size());
        for (PictureLayout.Box b : layout.cells()) {
            assertEquals(30, b.width());
            assertEquals(30, b.height());
        }
        for (int o = 0; o < 4; o++) {
            PictureLayout.Box in0 = layout.cell(2 * o);
            PictureLayout.Box in1 = layout.cell(2 * o + 1);
            assertEquals(in0.y(), in1.y(), "out " + o + " is one row");
            assertTrue(in1.x() > in0.right());
            assertEquals(layout.cell(0).x(), in0.x(), "input channel 0 is one column");
        }
        assertTrue(layout.cell(2).y() > layout.cell(0).bottom());
    }

    @Test
    void singleInputChannelFiltersAreTiledInASquareishBlock() {
        FilterGrid grid = FilterGrid.of(Nd4j.rand(6, 1, 5, 5));
        assertEquals(FilterGrid.Arrangement.TILED, grid.effectiveArrangement());
        PictureLayout layout = grid.layout();
        assertEquals(6, layout.cells().size());
        assertEquals(120, layout.cell(0).width(), "5 x 5 at the default 24 px per weight");
        assertEquals(layout.cell(0).y(), layout.cell(2).y(), "three columns");
        assertEquals(layout.cell(0).x(), layout.cell(3).x());
        Picture p = grid.render();
        assertEquals(layout.width(), p.width());
        assertEquals(layout.height(), p.height());
    }

    @Test
    void zeroWeightsAreWhiteAndTheExtremesAreBlueAndRed() {
        INDArray w = Nd4j.zeros(2, 1, 2, 2);
        w.putScalar(new int[] {0, 0, 0, 0}, -0.5);
        w.putScalar(new int[] {1, 0, 1, 1}, 0.25);
        FilterGrid grid = FilterGrid.of(w).scale(5);
        Picture p = grid.render();
        PictureLayout.Box f0 = grid.layout().cell(0);
        PictureLayout.Box f1 = grid.layout().cell(1);
        assertEquals(0x2166AC, rgb(p.image(), f0.x() + 2, f0.y() + 2), "-0.5 is the minimum of [-0.5, 0.5]");
        assertEquals(0xFFFFFF, rgb(p.image(), f0.x() + 7, f0.y() + 2), "zero");
        assertEquals(ColorMap.DIVERGING.rgb(0.75), rgb(p.image(), f1.x() + 7, f1.y() + 7), "0.25 of [-0.5, 0.5]");
        assertEquals(TileSheet.OUTLINE.getRGB() & 0xFFFFFF, rgb(p.image(), f0.x() - 1, f0.y() + 2), "white kernels are outlined");
    }

    @Test
    void separateNormalisationGivesEachFilterItsOwnExtremes() {
        INDArray w = Nd4j.zeros(2, 1, 1, 2);
        w.putScalar(new int[] {0, 0, 0, 0}, 4);
        w.putScalar(new int[] {1, 0, 0, 1}, -0.1);
        FilterGrid grid = FilterGrid.of(w).normalization(Normalization.SEPARATE).scale(6);
        Picture p = grid.render();
        assertEquals(0xB2182B, rgb(p.image(), grid.layout().cell(0).x() + 1, grid.layout().cell(0).y() + 1));
        assertEquals(0x2166AC, rgb(p.image(), grid.layout().cell(1).x() + 7, grid.layout().cell(1).y() + 1));
    }

    @Test
    void weightsThatAreNotRankFourAreRejectedNamingBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterGrid.of(Nd4j.zeros(6, 5, 5)));
        assertTrue(e.getMessage().contains("[O, I, kH, kW]"), e.getMessage());
        assertTrue(e.getMessage().contains("[6, 5, 5]"), e.getMessage());
    }
}
