package org.visionbook.toolkit.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HoldOutTest {

    /** Image i is 1x1 with grey level i (so an image's identity survives a split) and the given label. */
    private static LabelledImages numbered(int... labels) {
        byte[] px = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            px[i] = (byte) i;
        }
        return LabelledImages.of("numbered", px, labels, 1, 1, List.of("a", "b", "c"));
    }

    /** 40 of class a, 20 of b, 10 of c, interleaved. */
    private static LabelledImages seventy() {
        int[] labels = new int[70];
        for (int i = 0; i < 70; i++) {
            labels[i] = i < 60 ? i % 3 == 2 ? 1 : 0 : 2;
        }
        return numbered(labels);
    }

    private static int[] ids(LabelledImages set) {
        int[] out = new int[set.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = set.rawImage(i)[0];
        }
        return out;
    }

    @Test
    void holdsOutTheFractionOfEveryClass() {
        LabelledImages set = seventy();
        assertArrayEquals(new int[]{40, 20, 10}, set.classCounts());
        HoldOut split = set.holdOut(0.1, 7);
        assertArrayEquals(new int[]{4, 2, 1}, split.validation().classCounts());
        assertArrayEquals(new int[]{36, 18, 9}, split.train().classCounts());
        assertEquals(set.classNames(), split.validation().classNames());
    }

    @Test
    void partsAreDisjointCoverTheSetAndKeepTheStoredOrder() {
        LabelledImages set = seventy();
        HoldOut split = set.holdOut(0.25, 3);
        int[] train = ids(split.train());
        int[] validation = ids(split.validation());
        Set<Integer> seen = new HashSet<>();
        for (int id : train) {
            assertTrue(seen.add(id), "image " + id + " twice");
        }
        for (int id : validation) {
            assertTrue(seen.add(id), "image " + id + " in both parts");
        }
        assertEquals(set.size(), seen.size());
        int[] sortedTrain = train.clone();
        Arrays.sort(sortedTrain);
        assertArrayEquals(sortedTrain, train);
        for (int i = 0; i < train.length; i++) { // labels travel with their images
            assertEquals(set.label(train[i]), split.train().label(i));
        }
    }

    @Test
    void theSeedFixesTheSplit() {
        LabelledImages set = seventy();
        assertArrayEquals(ids(set.holdOut(0.2, 42).validation()), ids(set.holdOut(0.2, 42).validation()));
        assertNotEquals(Arrays.toString(ids(set.holdOut(0.2, 42).validation())),
                Arrays.toString(ids(set.holdOut(0.2, 43).validation())));
    }

    @Test
    void everyClassKeepsAnImageOnEachSide() {
        HoldOut tiny = numbered(0, 0, 1, 1, 1).holdOut(0.05, 1);
        assertArrayEquals(new int[]{1, 1, 0}, tiny.validation().classCounts());
        HoldOut large = numbered(0, 0, 1, 1, 1).holdOut(0.95, 1);
        assertArrayEquals(new int[]{1, 1, 0}, large.train().classCounts());
    }

    @Test
    void refusesFractionsOutsideZeroToOneAndClassesTooSmall() {
        LabelledImages set = seventy();
        for (double bad : new double[]{0, 1, -0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set.holdOut(bad, 1));
            assertTrue(e.getMessage().contains("validation fraction"), e.getMessage());
        }
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> numbered(0, 0, 1, 2, 2).holdOut(0.5, 1));
        assertTrue(single.getMessage().contains("class 'b' has a single image"), single.getMessage());
        assertThrows(IllegalArgumentException.class, () -> numbered().holdOut(0.5, 1));
    }

    @Test
    void worksOnAShippedTrainingSet() {
        LabelledImages train = Mnist.train();
        HoldOut split = train.holdOut(0.1, 42);
        assertEquals(train.size(), split.train().size() + split.validation().size());
        int[] all = train.classCounts();
        int[] held = split.validation().classCounts();
        for (int c = 0; c < all.length; c++) {
            assertEquals(Math.round(0.1 * all[c]), held[c], "class " + c);
        }
        assertFalse(split.validation().name().equals(train.name()));
    }
}
