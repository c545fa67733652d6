package org.visionbook.toolkit.attack;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The values a pixel may take. An attack clips its images to this range, so an adversarial
 * image is still an image: MNIST and Fashion-MNIST pixels are brightness in [0, 1].
 */
public record PixelRange(double min, double max) {

    /** Pixels in [0, 1], as every shipped dataset stores them. */
    public static final PixelRange UNIT = new PixelRange(0, 1);

    public PixelRange {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a pixel range needs finite min < max, got [" + min + ", " + max + "]");
        }
    }

    /** A new array: {@code images} with every value clipped to [min, max]. */
    public INDArray clip(INDArray images) {
        return clipInPlace(images.dup());
    }

    /** Clips every value of {@code images} to [min, max] in place and returns it. */
    public INDArray clipInPlace(INDArray images) {
        return Transforms.min(Transforms.max(images, min, false), max, false);
    }

    /**
     * Frees the memory of arrays this package made and no longer needs, at once rather than
     * whenever the garbage collector runs: an attack makes a few full-batch arrays per step, and
     * ND4J's off-heap memory would otherwise pile up to its limit (views and workspace arrays are
     * left alone).
     */
    static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }
}
