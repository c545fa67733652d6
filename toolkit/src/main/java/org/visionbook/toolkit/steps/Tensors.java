package org.visionbook.toolkit.steps;

import java.util.Arrays;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small helpers around the plain [N, C, H, W] arrays the reference ops use: shapes, random
 * arrays, and conversion to and from ND4J (in double precision) to compare with the library.
 */
public final class Tensors {

    private Tensors() {
    }

    /** The shape [N, C, H, W], after checking the array is rectangular. */
    public static int[] shape(double[][][][] x) {
        return Shape4.of("array", x).toArray();
    }

    /** Numbers drawn uniformly from [−1, 1), the same for the same seed. */
    public static double[][][][] random(long seed, int n, int c, int h, int w) {
        Random random = new Random(seed);
        double[][][][] x = new double[n][c][h][w];
        for (double[][][] image : x) {
            for (double[][] map : image) {
                for (double[] row : map) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = 2 * random.nextDouble() - 1;
                    }
                }
            }
        }
        return x;
    }

    /** Random numbers in [−1, 1) of the given shape [N, C, H, W], e.g. {@code random(seed, shape(y))}. */
    public static double[][][][] random(long seed, int[] shape) {
        if (shape.length != 4) {
            throw new IllegalArgumentException("expected a shape [N, C, H, W] but got " + Arrays.toString(shape));
        }
        return random(seed, shape[0], shape[1], shape[2], shape[3]);
    }

    /** {@code length} numbers drawn uniformly from [−1, 1). */
    public static double[] random(long seed, int length) {
        Random random = new Random(seed);
        double[] v = new double[length];
        for (int j = 0; j < length; j++) {
            v[j] = 2 * random.nextDouble() - 1;
        }
        return v;
    }

    /** Σ a·b over all entries: a handy scalar loss whose gradient with respect to a is b. */
    public static double dot(double[][][][] a, double[][][][] b) {
        Shape4 s = Shape4.of("a", a);
        Shape4.of("b", b).expect(s.n(), s.c(), s.h(), s.w(), "a's shape");
        double sum = 0;
        for (int n = 0; n < s.n(); n++) {
            for (int c = 0; c < s.c(); c++) {
                for (int h = 0; h < s.h(); h++) {
                    for (int w = 0; w < s.w(); w++) {
                        sum += a[n][c][h][w] * b[n][c][h][w];
                    }
                }
            }
        }
        return sum;
    }

    /** Entries in row-major (C) order. */
    public static double[] flatten(double[][][][] x) {
        Shape4 s = Shape4.of("array", x);
        double[] flat = new double[s.n() * s.c() * s.h() * s.w()];
        int k = 0;
        for (double[][][] image : x) {
            for (double[][] map : image) {
                for (double[] row : map) {
                    System.arraycopy(row, 0, flat, k, row.length);
                    k += row.length;
                }
            }
        }
        return flat;
    }

    /** A DOUBLE INDArray of the same shape and values. */
    public static INDArray toNd4j(double[][][][] x) {
        Shape4 s = Shape4.of("array", x);
        return Nd4j.create(flatten(x), new long[] {s.n(), s.c(), s.h(), s.w()}, DataType.DOUBLE);
    }

    public static INDArray toNd4j(double[] v) {
        return Nd4j.create(v.clone(), new long[] {v.length}, DataType.DOUBLE);
    }

    /** A rank-4 INDArray as nested arrays (values read in double precision). */
    public static double[][][][] fromNd4j(INDArray array) {
        if (array.rank() != 4) {
            throw new IllegalArgumentException("expected a rank-4 array [N, C, H, W] but got shape "
                    + Arrays.toString(array.shape()));
        }
        long[] s = array.shape();
        double[] flat = array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][][][] x = new double[(int) s[0]][(int) s[1]][(int) s[2]][(int) s[3]];
        int k = 0;
        for (double[][][] image : x) {
            for (double[][] map : image) {
                for (double[] row : map) {
                    System.arraycopy(flat, k, row, 0, row.length);
                    k += row.length;
                }
            }
        }
        return x;
    }

    /**
     * The largest |a − b| / max(|a|, |b|) over all entries (0 where both are 0): how far two
     * computations of the same thing disagree. The shapes must match.
     */
    public static double maxRelativeDifference(double[][][][] a, double[][][][] b) {
        Shape4 s = Shape4.of("a", a);
        Shape4.of("b", b).expect(s.n(), s.c(), s.h(), s.w(), "a's shape");
        double[] fa = flatten(a);
        double[] fb = flatten(b);
        return maxRelativeDifference(fa, fb);
    }

    public static double maxRelativeDifference(double[] a, double[] b) {
        Shape4.vector("b", b, a.length, "a's length");
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            double scale = Math.max(Math.abs(a[k]), Math.abs(b[k]));
            if (scale > 0) {
                worst = Math.max(worst, Math.abs(a[k] - b[k]) / scale);
            } else if (Double.isNaN(a[k]) || Double.isNaN(b[k])) {
                return Double.NaN;
            }
        }
        return worst;
    }
}
