package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.visionbook.toolkit.viz.RasterTest.rgb;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureMapGridTest {

    static final int LOW = 0x440154;
    static final int HIGH = 0xFDE725;

    /** Three 4 x 5 maps: map c holds (c + 1) at its top-left corner and 0 elsewhere. */
    static INDArray maps() {
        INDArray a = Nd4j.zeros(3, 4, 5);
        for (int c = 0; c < 3; c++) {
            a.putScalar(new int[] {c, 0, 0}, c + 1);
        }
        return a;
    }

    @Test
    void aCxHxWTensorGivesOneCellPerChannelInASquareishGrid() {
        FeatureMapGrid grid = FeatureMapGrid.of(maps()).scale(6);
        PictureLayout layout = grid.layout();
        assertEquals(3, grid.channels());
        assertEquals(3, layout.cells().size());
        for (PictureLayout.Box b : layout.cells()) {
            assertEquals(30, b.width());
            assertEquals(24, b.height());
        }
        assertEquals(layout.cell(0).y(), layout.cell(1).y(), "two columns for three maps");
        assertEquals(layout.cell(0).x(), layout.cell(2).x());
        Picture p = grid.render();
        assertEquals(layout.width(), p.width());
        assertEquals(layout.height(), p.height());
    }

    @Test
    void separatelyNormalisedMapsEachReachTheTopColour() {
        FeatureMapGrid grid = FeatureMapGrid.of(maps()).scale(6);
        Picture p = grid.render();
        for (int c = 0; c < 3; c++) {
            PictureLayout.Box b = grid.layout().cell(c);
            assertEquals(HIGH, rgb(p.image(), b.x() + 1, b.y() + 1), "map " + c + " peak");
            assertEquals(LOW, rgb(p.image(), b.right() - 1, b.bottom() - 1), "map " + c + " floor");
        }
    }

    @Test
    void jointlyNormalisedMapsKeepTheirRelativeStrength() {
        FeatureMapGrid grid = FeatureMapGrid.of(maps()).normalization(Normalization.JOINT).scale(6);
        Picture p = grid.render();
        ValueRange r = ValueRange.of(0, 3);
        for (int c = 0; c < 3; c++) {
            PictureLayout.Box b = grid.layout().cell(c);
            assertEquals(ColorMap.SEQUENTIAL.rgb(c + 1, r), rgb(p.image(), b.x() + 1, b.y() + 1), "map " + c + " peak");
        }
        PictureLayout.Box bar = grid.layout().colorBar().orElseThrow();
        assertEquals(HIGH, rgb(p.image(), bar.x() + 3, bar.y()));
        assertEquals(LOW, rgb(p.image(), bar.x() + 3, bar.bottom() - 1));
    }

    @Test
    void aBatchOfOneIsAcceptedAndALargerBatchIsRejectedWithAHint() {
        assertEquals(3, FeatureMapGrid.of(maps().reshape(1, 3, 4, 5)).channels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureMapGrid.of(Nd4j.zeros(2, 3, 4, 5)));
        assertTrue(e.getMessage().contains("[C, H, W]"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 3, 4, 5]"), e.getMessage());
        assertTrue(e.getMessage().contains("pick one example"), e.getMessage());
    }
}
