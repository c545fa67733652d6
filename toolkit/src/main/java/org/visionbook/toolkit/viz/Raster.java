package org.visionbook.toolkit.viz;

import java.awt.image.BufferedImage;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Arrays to plain images, nothing around them: each value becomes a {@code scale x scale} block of
 * one colour (nearest-neighbour upscaling, no smoothing), so a 28 x 28 digit at scale 8 is a crisp
 * 224 x 224 image. The building block of every picture here; use {@link Heatmap} for one with a
 * title, axes and a colour bar.
 */
public final class Raster {

    /** The largest picture any method here draws, in pixels: keeps a wrong scale from eating the heap. */
    static final long MAX_PIXELS = 64L * 1024 * 1024;

    private Raster() {
    }

    /** {@code values} [H][W] in {@code map} over {@code range}, each value a scale x scale block. */
    public static BufferedImage of(float[][] values, ColorMap map, ValueRange range, int scale) {
        return draw(Tensors.image(values, "image"), map, range, scale);
    }

    /** An INDArray [H, W] (or [1, H, W], [1, 1, H, W]) in {@code map} over {@code range}. */
    public static BufferedImage of(INDArray image, ColorMap map, ValueRange range, int scale) {
        return draw(Tensors.image(image, "image"), map, range, scale);
    }

    /** Greyscale: {@code range.min()} black, {@code range.max()} white. */
    public static BufferedImage grey(float[][] values, ValueRange range, int scale) {
        return of(values, ColorMap.GREYS, range, scale);
    }

    /** Greyscale from a flat row-major array of {@code height * width} values (e.g. a 784-value MNIST row). */
    public static BufferedImage grey(float[] values, int height, int width, ValueRange range, int scale) {
        return draw(Tensors.image(values, height, width, "image"), ColorMap.GREYS, range, scale);
    }

    /** Greyscale from an INDArray [H, W] (or [1, H, W], [1, 1, H, W]). */
    public static BufferedImage grey(INDArray image, ValueRange range, int scale) {
        return of(image, ColorMap.GREYS, range, scale);
    }

    /** Greyscale from any INDArray holding {@code height * width} values, e.g. a [784] or [1, 784] row. */
    public static BufferedImage grey(INDArray image, int height, int width, ValueRange range, int scale) {
        return draw(Tensors.image(image, height, width, "image"), ColorMap.GREYS, range, scale);
    }

    /** The whole-number scale that makes the larger side about {@code targetPixels} (at least 1). */
    public static int scaleFor(int height, int width, int targetPixels) {
        return Math.max(1, Math.round((float) targetPixels / Math.max(height, width)));
    }

    static int checkScale(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be a whole number >= 1 (pixels per value); got " + scale);
        }
        return scale;
    }

    /** Checks the picture that {@code w x h} pixels make is of a sane size. */
    static void checkSize(long width, long height) {
        if (width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("the picture would be " + width + " x " + height + " pixels (over "
                    + MAX_PIXELS + "); use a smaller scale or fewer images");
        }
    }

    static BufferedImage draw(float[][] m, ColorMap map, ValueRange range, int scale) {
        Objects.requireNonNull(map, "colour map");
        Objects.requireNonNull(range, "value range");
        checkScale(scale);
        int h = m.length;
        int w = m[0].length;
        checkSize((long) w * scale, (long) h * scale);
        BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w * scale];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int rgb = map.rgb(m[r][c], range);
                for (int k = 0; k < scale; k++) {
                    row[c * scale + k] = rgb;
                }
            }
            for (int k = 0; k < scale; k++) {
                img.setRGB(0, r * scale + k, w * scale, 1, row, 0, w * scale);
            }
        }
        return img;
    }
}
