package org.visionbook.toolkit.check;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Feature maps as pictures, so a learner sees where expected and actual differ: one panel for
 * expected, one for actual (same grey scale), one for |difference| (black = equal, bright = far
 * off). Channels of a 3-D array sit side by side. No text is drawn into the image (fonts are not
 * always there on a headless machine); captions belong to the HTML around it.
 */
final class Pictures {

    private static final int MAX_CHANNELS = 8;
    private static final int TARGET_PIXELS = 120;

    private Pictures() {
    }

    /** A picture for arrays of rank 2 or 3 (or 4 with a batch of one); null for other shapes. */
    static Outcome.Picture of(Values.Flat expected, Values.Flat actual) {
        long[] s = expected.shape();
        int channels;
        int h;
        int w;
        if (s.length == 2) {
            channels = 1;
            h = (int) s[0];
            w = (int) s[1];
        } else if (s.length == 3) {
            channels = (int) s[0];
            h = (int) s[1];
            w = (int) s[2];
        } else if (s.length == 4 && s[0] == 1) {
            channels = (int) s[1];
            h = (int) s[2];
            w = (int) s[3];
        } else {
            return null;
        }
        if (h == 0 || w == 0 || channels == 0 || h > 2048 || w > 2048) {
            return null;
        }
        int shown = Math.min(channels, MAX_CHANNELS);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxDiff = 0;
        int n = shown * h * w;
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            double e = expected.values()[i];
            double a = actual.values()[i];
            for (double v : new double[]{e, a}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            double d = Math.abs(e - a);
            diff[i] = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
            if (Double.isFinite(diff[i])) {
                maxDiff = Math.max(maxDiff, diff[i]);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        int scale = Math.max(1, Math.min(16, TARGET_PIXELS / Math.max(h, w)));
        byte[] e = png(expected.values(), shown, h, w, scale, lo, hi, false);
        byte[] a = png(actual.values(), shown, h, w, scale, lo, hi, false);
        byte[] d = png(diff, shown, h, w, scale, 0, maxDiff == 0 ? 1 : maxDiff, true);
        String caption = "grey scale " + Values.number(lo) + " (black) to " + Values.number(hi) + " (white); difference 0 (black) to "
                + Values.number(maxDiff) + " (yellow); red marks NaN or infinity"
                + (shown < channels ? "; first " + shown + " of " + channels + " channels" : "");
        return new Outcome.Picture(e, a, d, caption);
    }

    private static byte[] png(double[] v, int channels, int h, int w, int scale, double lo, double hi, boolean heat) {
        int gap = 2;
        int width = channels * w * scale + (channels - 1) * gap;
        BufferedImage img = new BufferedImage(width, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < h * scale; y++) {
                img.setRGB(x, y, 0x808080);
            }
        }
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double x = v[(c * h + i) * w + j];
                    int rgb = colour(x, lo, hi, heat);
                    int x0 = c * (w * scale + gap) + j * scale;
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            img.setRGB(x0 + dx, i * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int colour(double x, double lo, double hi, boolean heat) {
        if (!Double.isFinite(x)) {
            return 0xE53935;
        }
        double t = hi > lo ? (x - lo) / (hi - lo) : 0.5;
        t = Math.max(0, Math.min(1, t));
        if (heat) {
            // black -> dark red -> yellow: small differences stay dark, large ones glow
            int r = (int) Math.round(255 * Math.min(1, 2 * t));
            int g = (int) Math.round(255 * Math.max(0, 2 * t - 1));
            return (r << 16) | (g << 8);
        }
        int g = (int) Math.round(255 * t);
        return (g << 16) | (g << 8) | g;
    }
}
