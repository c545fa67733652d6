package org.visionbook.toolkit.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.visionbook.toolkit.Knobs;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelledImagesTest {

    @AfterEach
    void clearLimit() {
        System.clearProperty(Knobs.LIMIT_PROPERTY);
    }

    /** n 1x2 images; image i has pixels (i, 255 - i) and the given label. */
    private static LabelledImages tiny(int... labels) {
        byte[] px = new byte[labels.length * 2];
        for (int i = 0; i < labels.length; i++) {
            px[2 * i] = (byte) i;
            px[2 * i + 1] = (byte) (255 - i);
        }
        return LabelledImages.of("tiny", px, labels, 1, 2, List.of("a", "b", "c"));
    }

    @Test
    void limitSharesTheCapOverClassesAsEvenlyAsTheirSizesAllow() {
        // class a has 1 image, b has 5, c has 10: a cap of 9 gives 1, 4, 4
        LabelledImages set = tiny(2, 1, 2, 2, 1, 0, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2);
        LabelledImages limited = set.limit(9);
        assertArrayEquals(new int[]{1, 4, 4}, limited.classCounts());
        assertArrayEquals(new int[]{2, 1, 2, 2, 1, 0, 2, 1, 1}, limited.labels()); // stored order kept
        assertSame(set, set.limit(100));
        assertThrows(IllegalArgumentException.class, () -> set.limit(0));
    }

    @Test
    void limitKnobCapsWhatTheLoadersReturnKeepingClassesBalanced() {
        System.setProperty(Knobs.LIMIT_PROPERTY, "256");
        LabelledImages train = Mnist.train();
        assertEquals(256, train.size());
        for (int count : train.classCounts()) {
            assertTrue(count == 25 || count == 26, "class count " + count);
        }
        assertTrue(train.name().contains(Knobs.LIMIT_ENV), train.name());
        assertEquals(256, FashionMnist.test().size());
        System.setProperty(Knobs.LIMIT_PROPERTY, "5000");
        assertEquals(2000, Mnist.test().size());
    }

    @Test
    void shuffleIsFixedBySeed() {
        LabelledImages digits = Mnist.load(Split.TEST);
        assertArrayEquals(digits.shuffle(3).labels(), digits.shuffle(3).labels());
        assertFalse(Arrays.equals(digits.shuffle(3).labels(), digits.shuffle(4).labels()));
        assertArrayEquals(digits.classCounts(), digits.shuffle(3).classCounts());
    }

    @Test
    void selectKeepsImagesWithTheirLabels() {
        LabelledImages set = tiny(0, 1, 2);
        LabelledImages picked = set.select(2, 0, 2);
        assertArrayEquals(new int[]{2, 0, 2}, picked.labels());
        assertEquals(2 / 255f, picked.pixel(0, 0, 0));
        assertEquals(253 / 255f, picked.pixel(2, 0, 1));
    }

    @Test
    void tensorsHaveTheDocumentedShapesAndValues() {
        LabelledImages set = tiny(0, 2);
        INDArray features = set.features();
        assertArrayEquals(new long[]{2, 1, 1, 2}, features.shape());
        assertEquals(254 / 255f, features.getFloat(1, 0, 0, 1), 1e-7);
        assertArrayEquals(new long[]{2, 2}, set.flatFeatures().shape());
        INDArray oneHot = set.oneHotLabels();
        assertArrayEquals(new long[]{2, 3}, oneHot.shape());
        assertEquals(1f, oneHot.getFloat(1, 2));
        assertEquals(1f, oneHot.sumNumber().floatValue() / 2);
    }

    @Test
    void inconsistentInputIsRefusedWithAReason() {
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> LabelledImages.of("bad", new byte[5], new int[]{0, 1}, 1, 2, List.of("a", "b")));
        assertTrue(sizes.getMessage().contains("bad") && sizes.getMessage().contains("5 pixels"), sizes.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> LabelledImages.of("bad", new byte[4], new int[]{0, 3}, 1, 2, List.of("a", "b")));
        assertTrue(label.getMessage().contains("label 3"), label.getMessage());
    }

    @Test
    void theStoredPixelsCannotBeChangedFromOutside() {
        byte[] px = {10, 20};
        LabelledImages set = LabelledImages.of("one", px, new int[]{0}, 1, 2, List.of("a"));
        px[0] = 99;
        set.image(0)[0] = 1f;
        set.labels()[0] = 5;
        assertEquals(10 / 255f, set.pixel(0, 0, 0));
        assertEquals(0, set.label(0));
    }
}
