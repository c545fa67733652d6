package org.visionbook.toolkit.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.visionbook.toolkit.data.LabelledImages;

/**
 * Which examples get a label when only a few per class may: a seeded, class-balanced draw of
 * indices, so the same indices pick both the images and their precomputed features.
 */
public final class FewLabels {

    private FewLabels() {
    }

    /**
     * {@code perClass} random indices of each class of {@code set} (all of a class that has fewer),
     * in a random order fixed by {@code seed}.
     */
    public static int[] indices(LabelledImages set, int perClass, long seed) {
        if (perClass < 1) {
            throw new IllegalArgumentException("need at least 1 example per class, got " + perClass);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        int[] taken = new int[set.numClasses()];
        int[] chosen = new int[set.size()];
        int n = 0;
        for (int i : order) {
            int label = set.label(i);
            if (taken[label] < perClass) {
                taken[label]++;
                chosen[n++] = i;
            }
        }
        return Arrays.copyOf(chosen, n);
    }
}
