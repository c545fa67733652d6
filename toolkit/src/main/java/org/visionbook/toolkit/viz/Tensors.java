package org.visionbook.toolkit.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shape checks and copies from INDArrays and flat arrays into the row-major float[][] images the
 * pictures are drawn from. Every mismatch names what was passed, the shape expected and the
 * shape got.
 */
final class Tensors {

    private Tensors() {
    }

    static String shape(long... s) {
        return Arrays.toString(s);
    }

    /** A copy of {@code a}'s values in row-major (C) order, as floats. */
    static float[] values(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** One image from [H, W], [1, H, W] or [1, 1, H, W]. */
    static float[][] image(INDArray a, String what) {
        requireNonEmpty(a, what, "[H, W]");
        long[] s = a.shape();
        boolean leadingOnes = s.length >= 2 && s.length <= 4
                && Arrays.stream(s, 0, s.length - 2).allMatch(d -> d == 1);
        if (!leadingOnes) {
            throw new IllegalArgumentException(what + ": expected shape [H, W] (or [1, H, W], [1, 1, H, W]), got " + shape(s)
                    + (s.length == 1 ? "; a flat vector needs its height and width, e.g. image(x, 28, 28)" : ""));
        }
        return image(values(a), (int) s[s.length - 2], (int) s[s.length - 1], what);
    }

    /** One image of {@code h x w} from any array holding exactly h*w values, e.g. [784] or [1, 784]. */
    static float[][] image(INDArray a, int h, int w, String what) {
        requireNonEmpty(a, what, "[" + h + ", " + w + "]");
        if (a.length() != (long) h * w) {
            throw new IllegalArgumentException(what + ": expected " + h + " x " + w + " = " + (long) h * w
                    + " values, got shape " + shape(a.shape()) + " (" + a.length() + " values)");
        }
        return image(values(a), h, w, what);
    }

    /** One image of {@code h x w} from a flat row-major array. */
    static float[][] image(float[] flat, int h, int w, String what) {
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException(what + ": height and width must be at least 1; got " + h + " x " + w);
        }
        if (flat.length != (long) h * w) {
            throw new IllegalArgumentException(what + ": expected " + h + " x " + w + " = " + (long) h * w
                    + " values, got " + flat.length);
        }
        float[][] m = new float[h][w];
        for (int r = 0; r < h; r++) {
            System.arraycopy(flat, r * w, m[r], 0, w);
        }
        return m;
    }

    /** A checked float copy of a rectangular, non-empty matrix of doubles. */
    static float[][] image(double[][] m, String what) {
        requireMatrix(m, what);
        return floats(m, what);
    }

    /** Rows of doubles as floats (shapes are checked by the caller). */
    static float[][] floats(double[][] rows, String what) {
        if (rows == null) {
            throw new IllegalArgumentException(what + ": expected rows of values, got null");
        }
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                throw new IllegalArgumentException(what + ": row " + r + " is null");
            }
            out[r] = new float[rows[r].length];
            for (int c = 0; c < rows[r].length; c++) {
                out[r][c] = (float) rows[r][c];
            }
        }
        return out;
    }

    /** A checked copy of a rectangular, non-empty matrix. */
    static float[][] image(float[][] m, String what) {
        requireMatrix(m, what);
        float[][] copy = new float[m.length][];
        for (int r = 0; r < m.length; r++) {
            copy[r] = m[r].clone();
        }
        return copy;
    }

    /** Rows (arrays of any primitive type) that are non-empty and all of one length. */
    private static void requireMatrix(Object[] m, String what) {
        if (m == null || m.length == 0 || m[0] == null || java.lang.reflect.Array.getLength(m[0]) == 0) {
            throw new IllegalArgumentException(what + ": expected a non-empty [H, W] array");
        }
        int width = java.lang.reflect.Array.getLength(m[0]);
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null || java.lang.reflect.Array.getLength(m[r]) != width) {
                throw new IllegalArgumentException(what + ": rows must all have " + width + " values; row " + r
                        + " has " + (m[r] == null ? "none (null)" : java.lang.reflect.Array.getLength(m[r])));
            }
        }
    }

    /**
     * N images from [N, H, W], [N, 1, H, W], or [N, H*W] with square images (e.g. [64, 784] gives
     * 64 images of 28 x 28).
     */
    static List<float[][]> images(INDArray a, String what) {
        requireNonEmpty(a, what, "[N, H, W]");
        long[] s = a.shape();
        if (s.length == 2) {
            long side = Math.round(Math.sqrt(s[1]));
            if (side * side != s[1]) {
                throw new IllegalArgumentException(what + ": expected shape [N, H, W], [N, 1, H, W] or [N, H*W] with square images; got "
                        + shape(s) + " (" + s[1] + " is not a square; pass the height and width)");
            }
            return images(a, (int) side, (int) side, what);
        }
        if (s.length == 3 || (s.length == 4 && s[1] == 1)) {
            return split(values(a), (int) s[0], (int) s[s.length - 2], (int) s[s.length - 1], what);
        }
        throw new IllegalArgumentException(what + ": expected shape [N, H, W], [N, 1, H, W] or [N, H*W], got " + shape(s)
                + (s.length == 4 ? " (" + s[1] + " channels; these pictures show one channel per image)" : ""));
    }

    /** N images of {@code h x w} from [N, h*w], [N, h, w] or [N, 1, h, w]. */
    static List<float[][]> images(INDArray a, int h, int w, String what) {
        requireNonEmpty(a, what, "[N, " + h * w + "]");
        long[] s = a.shape();
        long perImage = s.length == 0 ? 0 : a.length() / s[0];
        if (s.length < 2 || perImage != (long) h * w) {
            throw new IllegalArgumentException(what + ": expected shape [N, " + (long) h * w + "] (N images of " + h + " x " + w
                    + "), got " + shape(s));
        }
        return split(values(a), (int) s[0], h, w, what);
    }

    /** N images of {@code h x w} from [N, h*w] rows. */
    static List<float[][]> images(float[][] rows, int h, int w, String what) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(what + ": expected at least one image");
        }
        List<float[][]> out = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            out.add(image(rows[i], h, w, what + " row " + i));
        }
        return out;
    }

    /** Conv weights [O, I, kH, kW] as weights[o][i] = a kH x kW image. */
    static float[][][][] filters(INDArray a, String what) {
        requireNonEmpty(a, what, "[O, I, kH, kW]");
        long[] s = a.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException(what + ": expected shape [O, I, kH, kW] (rank 4: out channels, in channels, kernel height, width), got "
                    + shape(s) + " (rank " + s.length + ")");
        }
        int o = (int) s[0], in = (int) s[1], kh = (int) s[2], kw = (int) s[3];
        float[] v = values(a);
        float[][][][] out = new float[o][in][][];
        for (int i = 0; i < o; i++) {
            for (int j = 0; j < in; j++) {
                float[] flat = Arrays.copyOfRange(v, (i * in + j) * kh * kw, (i * in + j + 1) * kh * kw);
                out[i][j] = image(flat, kh, kw, what);
            }
        }
        return out;
    }

    /** Feature maps [C, H, W] (or [1, C, H, W]) as maps[c] = an H x W image. */
    static List<float[][]> featureMaps(INDArray a, String what) {
        requireNonEmpty(a, what, "[C, H, W]");
        long[] s = a.shape();
        boolean ok = s.length == 3 || (s.length == 4 && s[0] == 1);
        if (!ok) {
            throw new IllegalArgumentException(what + ": expected shape [C, H, W] (or [1, C, H, W] for one example), got " + shape(s)
                    + (s.length == 4 ? " (a batch of " + s[0] + "; pick one example, e.g. x.slice(0))" : ""));
        }
        int n = s.length;
        return split(values(a), (int) s[n - 3], (int) s[n - 2], (int) s[n - 1], what);
    }

    /** Class indices from [N] / [N, 1] indices or [N, K] scores or one-hot rows (argmax). */
    static int[] classes(INDArray a, String what) {
        requireNonEmpty(a, what, "[N] or [N, K]");
        long[] s = a.shape();
        float[] v = values(a);
        if (s.length == 1 || (s.length == 2 && s[1] == 1)) {
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                if (v[i] != Math.rint(v[i]) || v[i] < 0) {
                    throw new IllegalArgumentException(what + ": class indices must be whole numbers >= 0; value " + i + " is " + v[i]);
                }
                out[i] = (int) v[i];
            }
            return out;
        }
        if (s.length == 2) {
            int n = (int) s[0], k = (int) s[1];
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (v[i * k + j] > v[i * k + best]) {
                        best = j;
                    }
                }
                out[i] = best;
            }
            return out;
        }
        throw new IllegalArgumentException(what + ": expected shape [N] (class indices) or [N, K] (one-hot or scores), got " + shape(s));
    }

    private static List<float[][]> split(float[] v, int n, int h, int w, String what) {
        List<float[][]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(image(Arrays.copyOfRange(v, i * h * w, (i + 1) * h * w), h, w, what));
        }
        return out;
    }

    private static void requireNonEmpty(INDArray a, String what, String expected) {
        if (a == null) {
            throw new IllegalArgumentException(what + ": expected an array of shape " + expected + ", got null");
        }
        if (a.isEmpty() || a.length() == 0) {
            throw new IllegalArgumentException(what + ": expected shape " + expected + ", got an empty array " + shape(a.shape()));
        }
    }
}
