package org.visionbook.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.data.LabelledImages;

class AugmentationTest {

    private final LabelledImages images = Tiny.quadrants(64, 3);
    private final DataSet batch = images.toDataSet();

    private static final Augmentation EVERYTHING = Augmentation.seeded(5).horizontalFlip(0.5).shift(2).rotate(15).crop(0.8)
            .cutout(3, 0.5).mixup(0.4);

    @Test
    void theSameSeedGivesTheSameImagesAndAnotherSeedOthers() {
        DataSet a = EVERYTHING.apply(batch);
        DataSet b = EVERYTHING.apply(batch);
        DataSet c = EVERYTHING.seed(6).apply(batch);
        assertEquals(a.getFeatures(), b.getFeatures());
        assertEquals(a.getLabels(), b.getLabels());
        assertNotEquals(a.getFeatures(), c.getFeatures());
    }

    @Test
    void shapesAndTypesAreKept() {
        DataSet a = EVERYTHING.apply(batch);
        assertArrayEquals(batch.getFeatures().shape(), a.getFeatures().shape());
        assertArrayEquals(batch.getLabels().shape(), a.getLabels().shape());
        assertEquals(batch.getFeatures().dataType(), a.getFeatures().dataType());
    }

    @Test
    void theInputBatchIsNotChanged() {
        INDArray before = batch.getFeatures().dup();
        EVERYTHING.apply(batch);
        assertEquals(before, batch.getFeatures());
    }

    @Test
    void aCertainFlipMirrorsEachRow() {
        DataSet flipped = Augmentation.seeded(1).horizontalFlip(1.0).apply(batch);
        INDArray x = batch.getFeatures();
        INDArray y = flipped.getFeatures();
        for (int col = 0; col < Tiny.SIDE; col++) {
            assertEquals(x.getDouble(3, 0, 2, col), y.getDouble(3, 0, 2, Tiny.SIDE - 1 - col), 1e-7);
        }
    }

    @Test
    void aShiftMovesPixelsByWholeSteps() {
        // one bright pixel in the middle of an otherwise black image moves, unchanged in value
        INDArray x = Nd4j.zeros(1, 1, 9, 9);
        x.putScalar(new long[] {0, 0, 4, 4}, 0.8);
        DataSet one = new DataSet(x, Nd4j.create(new float[][] {{1, 0}}));
        for (long seed = 0; seed < 10; seed++) {
            INDArray y = Augmentation.seeded(seed).shift(2).apply(one).getFeatures();
            assertEquals(0.8, y.sumNumber().doubleValue(), 1e-6, "seed " + seed);
            assertEquals(0.8, y.maxNumber().doubleValue(), 1e-6);
        }
    }

    @Test
    void aSmallRotationKeepsMostOfTheInkNearTheCentre() {
        INDArray x = Nd4j.zeros(1, 1, 15, 15);
        for (int r = 5; r < 10; r++) {
            for (int c = 5; c < 10; c++) {
                x.putScalar(new long[] {0, 0, r, c}, 1.0);
            }
        }
        DataSet one = new DataSet(x, Nd4j.create(new float[][] {{1, 0}}));
        INDArray y = Augmentation.seeded(2).rotate(20).apply(one).getFeatures();
        double ink = y.sumNumber().doubleValue();
        assertEquals(25, ink, 2.5, "bilinear rotation roughly keeps the area");
        assertNotEquals(x, y);
    }

    @Test
    void cutoutBlanksASquare() {
        INDArray x = Nd4j.ones(1, 1, 10, 10);
        DataSet one = new DataSet(x, Nd4j.create(new float[][] {{1, 0}}));
        INDArray y = Augmentation.seeded(3).cutout(4, 1.0).apply(one).getFeatures();
        long zeros = 100 - y.sumNumber().longValue();
        assertTrue(zeros > 0 && zeros <= 16, zeros + " pixels blanked");
    }

    @Test
    void mixupBlendsPairsAndTheirLabelsAlike() {
        DataSet mixed = Augmentation.seeded(4).mixup(0.4).apply(batch);
        INDArray labels = mixed.getLabels();
        for (int i = 0; i < labels.rows(); i++) {
            assertEquals(1.0, labels.getRow(i).sumNumber().doubleValue(), 1e-5, "row " + i + " is still a distribution");
        }
        // every mixed image is lambda * x_i + (1 - lambda) * x_j for the lambda its label reveals
        INDArray x = batch.getFeatures();
        int k = Nd4j.argMax(batch.getLabels().getRow(0)).getInt(0);
        double lambdaOrMore = labels.getDouble(0, k);
        assertTrue(lambdaOrMore > 0 && lambdaOrMore <= 1);
        assertNotEquals(x, mixed.getFeatures());
    }

    @Test
    void theIteratorStageIsSeededAndResetsWithItsBase() {
        DataSetIterator a = EVERYTHING.wrap(Tiny.inOrder(images, 16));
        DataSetIterator b = EVERYTHING.wrap(Tiny.inOrder(images, 16));
        List<INDArray> epoch1 = new ArrayList<>();
        while (a.hasNext()) {
            DataSet x = a.next();
            assertEquals(x.getFeatures(), b.next().getFeatures());
            epoch1.add(x.getFeatures());
        }
        assertEquals(4, epoch1.size());
        a.reset();
        assertNotEquals(epoch1.get(0), a.next().getFeatures(), "a new epoch sees new variants");
        assertEquals(4, Trainer.expectedBatches(a, 0), "the trainer still knows the epoch length");
    }

    @Test
    void flatFeaturesAreRejectedNamingTheShape() {
        DataSet flat = new DataSet(Nd4j.zeros(4, 64), Nd4j.zeros(4, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EVERYTHING.apply(flat));
        assertTrue(e.getMessage().contains("[4, 64]"), e.getMessage());
    }

    @Test
    void nothingConfiguredChangesNothing() {
        Augmentation none = Augmentation.seeded(1);
        assertTrue(none.isIdentity());
        assertEquals(batch.getFeatures(), none.apply(batch).getFeatures());
    }
}
