package org.visionbook.toolkit.attack;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.visionbook.toolkit.data.LabelledImages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attacks against a small digit network trained for a few seconds. */
class AttacksTest {

    private static MultiLayerNetwork net;
    private static LabelledImages test;

    @BeforeAll
    static void train() {
        net = SmallNets.trainedDigitNet();
        test = SmallNets.testDigits();
    }

    private static double maxAbs(INDArray a) {
        return Transforms.abs(a, true).maxNumber().doubleValue();
    }

    @Test
    void fgsmMovesEveryPixelByEpsilonAlongTheGradientSignUnlessClipped() {
        LabelledImages few = test.limit(20);
        INDArray x = few.features();
        INDArray y = few.oneHotLabels();
        INDArray adv = Fgsm.linf(0.1).apply(net, x, y);
        INDArray sign = Transforms.sign(InputGradients.of(net, x, y), true);
        float[] xs = x.data().asFloat();
        float[] as = adv.data().asFloat();
        float[] ss = sign.data().asFloat();
        int moved = 0;
        for (int i = 0; i < xs.length; i++) {
            double wanted = Math.min(1, Math.max(0, xs[i] + 0.1 * ss[i]));
            assertEquals(wanted, as[i], 1e-6, "pixel " + i);
            if (Math.abs(as[i] - xs[i]) > 0.099) {
                moved++;
            }
        }
        assertTrue(moved > xs.length / 4, "most pixels should move by the full epsilon, moved " + moved);
    }

    @Test
    void fgsmWithEpsilonZeroChangesNothing() {
        INDArray x = test.limit(10).features();
        assertEquals(x, Fgsm.linf(0).apply(net, x, test.limit(10).oneHotLabels()));
    }

    @Test
    void attacksHurtFarMoreThanRandomNoiseOfTheSameSize() {
        double clean = Robustness.accuracy(net, test);
        double noise = Robustness.accuracy(net, test, RandomSign.linf(0.15).seed(1));
        double fgsm = Robustness.accuracy(net, test, Fgsm.linf(0.15));
        double pgd = Robustness.accuracy(net, test, Pgd.linf(0.15).steps(10).stepSize(0.03).seed(1));
        String all = String.format("clean %.3f noise %.3f fgsm %.3f pgd %.3f", clean, noise, fgsm, pgd);
        assertTrue(clean > 0.85, all);
        assertTrue(noise > clean - 0.1, all);
        assertTrue(fgsm < noise - 0.2, all);
        assertTrue(pgd < fgsm, all);
        assertTrue(pgd < 0.2, all);
    }

    @Test
    void pgdStaysInsideTheBallAndThePixelRange() {
        LabelledImages few = test.limit(50);
        INDArray x = few.features();
        INDArray adv = Pgd.linf(0.2).steps(5).stepSize(0.1).seed(3).apply(net, x, few.oneHotLabels());
        assertArrayEquals(x.shape(), adv.shape());
        assertTrue(maxAbs(adv.sub(x)) <= 0.2 + 1e-6);
        assertTrue(adv.minNumber().doubleValue() >= 0 && adv.maxNumber().doubleValue() <= 1);
    }

    @Test
    void projectionClipsToTheBallThenToThePixelRange() {
        INDArray original = Nd4j.createFromArray(new float[] {0.5f, 0.5f, 0.95f, 0.02f, 0.3f}).reshape(1, 5);
        INDArray moved = Nd4j.createFromArray(new float[] {0.9f, 0.1f, 1.2f, -0.4f, 0.35f}).reshape(1, 5);
        INDArray projected = Pgd.project(moved, original, 0.2, PixelRange.UNIT);
        assertArrayEquals(new float[] {0.7f, 0.3f, 1.0f, 0f, 0.35f}, projected.toFloatVector(), 1e-6f);
        assertEquals(original, Pgd.project(moved, original, 0, PixelRange.UNIT));
        assertThrows(IllegalArgumentException.class, () -> Pgd.project(moved, original.reshape(5, 1), 0.1, PixelRange.UNIT));
    }

    @Test
    void targetedPgdReachesTheChosenClass() {
        LabelledImages few = test.limit(20);
        int[] targets = new int[few.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (few.label(i) + 1) % 10;
        }
        INDArray adv = Pgd.linf(0.3).steps(20).stepSize(0.03).targeted().seed(2)
                .apply(net, few.features(), Robustness.oneHot(10, targets));
        int[] predicted = Robustness.predictions(net, adv);
        int hit = 0;
        for (int i = 0; i < targets.length; i++) {
            hit += predicted[i] == targets[i] ? 1 : 0;
        }
        assertTrue(hit >= 0.8 * targets.length, hit + " of " + targets.length + " reached their target");
    }

    @Test
    void targetedFgsmStepsAgainstTheGradientOfTheTargetsLoss() {
        LabelledImages few = test.limit(5);
        INDArray targets = Robustness.oneHot(10, 3, 3, 3, 3, 3);
        INDArray x = few.features();
        INDArray expected = Fgsm.step(x, InputGradients.of(net, x, targets).neg(), 0.05, PixelRange.UNIT);
        assertEquals(expected, Fgsm.linf(0.05).targeted().apply(net, x, targets));
    }

    @Test
    void randomStartsRepeatForASeedAndDifferBetweenBatches() {
        LabelledImages few = test.limit(8);
        Pgd pgd = Pgd.linf(0.1).steps(1).stepSize(0).seed(9);      // step 0: only the random start remains
        INDArray a = pgd.apply(net, few.features(), few.oneHotLabels());
        INDArray b = pgd.apply(net, few.features(), few.oneHotLabels());
        INDArray c = pgd.forBatch(1).apply(net, few.features(), few.oneHotLabels());
        assertEquals(a, b);
        assertFalse(a.equals(c));
        assertFalse(a.equals(few.features()));
        RandomSign noise = RandomSign.linf(0.1).seed(4);
        assertEquals(noise.apply(net, few.features(), null), noise.apply(net, few.features(), null));
    }

    @Test
    void adversarialBatchesAttackEveryBatchAndKeepTheLabels() {
        LabelledImages few = test.limit(64);
        AdversarialBatches batches = AdversarialBatches.wrap(few.batches().batchSize(32).inOrder().build(), net,
                Fgsm.linf(0.1));
        org.nd4j.linalg.dataset.DataSet first = batches.next();
        INDArray clean = few.features().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 32));
        assertEquals(few.oneHotLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 32)), first.getLabels());
        assertEquals(Fgsm.linf(0.1).apply(net, clean, first.getLabels()), first.getFeatures());
        assertTrue(batches.hasNext());
        assertFalse(batches.asyncSupported());
    }

    @Test
    void badSettingsAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fgsm.linf(-0.1));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pgd.linf(0.1).steps(0));
        assertThrows(IllegalArgumentException.class, () -> new PixelRange(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Robustness.oneHot(10, 10));
    }

    @Test
    void namesSayWhatTheAttackIs() {
        assertEquals("FGSM eps=0.1", Fgsm.linf(0.1).name());
        assertEquals("PGD-20 eps=0.3", Pgd.linf(0.3).steps(20).name());
        assertEquals("random sign eps=0.25", RandomSign.linf(0.25).name());
    }
}
