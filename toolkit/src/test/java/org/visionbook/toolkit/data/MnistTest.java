package org.visionbook.toolkit.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MnistTest {

    @Test
    void shipsTenThousandDigitsSplitEightThousandToTwoThousand() {
        LabelledImages train = Mnist.load(Split.TRAIN);
        LabelledImages test = Mnist.load(Split.TEST);
        assertEquals(8000, train.size());
        assertEquals(2000, test.size());
        for (LabelledImages set : new LabelledImages[]{train, test}) {
            assertEquals(28, set.height());
            assertEquals(28, set.width());
            assertEquals(Mnist.CLASS_NAMES, set.classNames());
        }
    }

    @Test
    void everyDigitHasAboutOneThousandExamplesAndAFifthOfThemInTest() {
        int[] train = Mnist.load(Split.TRAIN).classCounts();
        int[] test = Mnist.load(Split.TEST).classCounts();
        for (int digit = 0; digit < 10; digit++) {
            int all = train[digit] + test[digit];
            assertTrue(all >= 850 && all <= 1150, "digit " + digit + " has " + all);
            assertTrue(Math.abs(test[digit] - all / 5.0) <= 1, "digit " + digit + ": " + test[digit] + " of " + all + " in test");
        }
        assertEquals(10000, Arrays.stream(train).sum() + Arrays.stream(test).sum());
    }

    @Test
    void digitsAreInkOnABlackBackground() {
        LabelledImages train = Mnist.load(Split.TRAIN);
        double border = 0;
        double centre = 0;
        for (int i = 0; i < train.size(); i++) {
            for (int k = 0; k < 28; k++) {
                border += train.pixel(i, 0, k) + train.pixel(i, 27, k);
            }
            for (int r = 10; r < 18; r++) {
                for (int c = 10; c < 18; c++) {
                    centre += train.pixel(i, r, c);
                }
            }
        }
        double borderMean = border / (train.size() * 56.0);
        double centreMean = centre / (train.size() * 64.0);
        assertTrue(borderMean < 0.01, "border mean " + borderMean);
        assertTrue(centreMean > 0.2, "centre mean " + centreMean);
        float[] first = train.image(0);
        for (float v : first) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void noTestDigitAlsoAppearsInTraining() {
        Set<String> seen = new HashSet<>();
        LabelledImages train = Mnist.load(Split.TRAIN);
        for (int i = 0; i < train.size(); i++) {
            seen.add(Arrays.toString(train.rawImage(i)));
        }
        LabelledImages test = Mnist.load(Split.TEST);
        for (int i = 0; i < test.size(); i++) {
            assertTrue(seen.add(Arrays.toString(test.rawImage(i))), "test digit " + i + " also in train");
        }
    }

    @Test
    void aSplitIsReadAndVerifiedOnceThenShared() {
        assertSame(Mnist.load(Split.TRAIN), Mnist.load(Split.TRAIN));
    }
}
