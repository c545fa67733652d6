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

    /**
     * A colour picture from an RGB tensor [3, H, W] (or [1, 3, H, W]): channel 0 red, 1 green, 2
     * blue, each over [0, 1] (values outside are clamped, NaN shows as {@link ColorMap#NAN_RGB}).
     * The layout {@code Photos.rgb(...)} returns and convolution layers take.
     */
    public static BufferedImage rgb(INDArray image, int scale) {
        Objects.requireNonNull(image, "image");
        long[] s = image.shape();
        boolean chw = s.length == 3 && s[0] == 3;
        boolean nchw = s.length == 4 && s[0] == 1 && s[1] == 3;
        if (!chw && !nchw) {
            throw new IllegalArgumentException("an RGB picture needs shape [3, H, W] (or [1, 3, H, W]), got "
                    + Tensors.shape(s) + (s.length == 3 && s[2] == 3 ? "; channels look last: permute(2, 0, 1) first" : ""));
        }
        int h = (int) s[s.length - 2];
        int w = (int) s[s.length - 1];
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("an RGB picture needs at least one pixel, got shape " + Tensors.shape(s));
        }
        checkScale(scale);
        checkSize((long) w * scale, (long) h * scale);
        float[] v = Tensors.values(image);
        int plane = h * w;
        BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int p = r * w + c;
                float red = v[p];
                float green = v[plane + p];
                float blue = v[2 * plane + p];
                int rgb = Float.isNaN(red) || Float.isNaN(green) || Float.isNaN(blue) ? ColorMap.NAN_RGB
                        : level(red) << 16 | level(green) << 8 | level(blue);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(c * scale + dx, r * scale + dy, rgb);
                    }
                }
            }
        }
        return img;
    }

    /** A value in [0, 1] as a level 0..255, clamped. */
    private static int level(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
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
