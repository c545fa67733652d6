package org.visionbook.toolkit.check;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Arrays of any supported kind as one shape plus flat values (row-major), and the short text a
 * learner reads: a shape, a few values, a number without noise digits.
 */
final class Values {

    /** A rectangular array: its shape and its values in row-major order. */
    record Flat(long[] shape, double[] values) {
        int rank() {
            return shape.length;
        }
    }

    private Values() {
    }

    /** Flattens {@code value}; fails with a message naming a ragged row. */
    static Flat flatten(Object value, String what) {
        if (value instanceof INDArray a) {
            INDArray c = a.castTo(DataType.DOUBLE).dup('c');
            double[] v = c.length() == 0 ? new double[0] : c.data().asDouble();
            return new Flat(a.shape().clone(), v.length == c.length() ? v : Arrays.copyOf(v, (int) c.length()));
        }
        if (value instanceof double[] d) {
            return new Flat(new long[]{d.length}, d.clone());
        }
        if (value instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return new Flat(new long[]{f.length}, d);
        }
        if (value instanceof int[] ints) {
            return new Flat(new long[]{ints.length}, Arrays.stream(ints).asDoubleStream().toArray());
        }
        if (value instanceof long[] longs) {
            return new Flat(new long[]{longs.length}, Arrays.stream(longs).asDoubleStream().toArray());
        }
        if (value instanceof Object[] rows && value.getClass().getComponentType().isArray()) {
            if (rows.length == 0) {
                return new Flat(new long[]{0, 0}, new double[0]);
            }
            Flat first = null;
            double[] all = null;
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] == null) {
                    throw new IllegalArgumentException(what + " has a null row at index " + r);
                }
                Flat row = flatten(rows[r], what + "[" + r + "]");
                if (first == null) {
                    first = row;
                    all = new double[Math.multiplyExact(rows.length, row.values().length)];
                } else if (!Arrays.equals(first.shape(), row.shape())) {
                    throw new IllegalArgumentException(what + " is ragged: row " + r + " has shape " + shape(row.shape())
                            + " but row 0 has " + shape(first.shape()));
                }
                System.arraycopy(row.values(), 0, all, r * row.values().length, row.values().length);
            }
            long[] s = new long[first.shape().length + 1];
            s[0] = rows.length;
            System.arraycopy(first.shape(), 0, s, 1, first.shape().length);
            return new Flat(s, all);
        }
        throw new IllegalArgumentException(what + " is a " + typeName(value) + ", not an array");
    }

    static boolean isArray(Object value) {
        return value instanceof INDArray || (value != null && value.getClass().isArray());
    }

    static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    static String shape(long[] shape) {
        return Arrays.toString(shape);
    }

    /** A number as a person writes it: at most 6 significant digits, no trailing zeros. */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return String.valueOf(x);
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.valueOf((long) x);
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(x);
        return a >= 1e-4 && a < 1e7 ? rounded.toPlainString() : rounded.toString().replace("E", "e").replace("e+", "e");
    }

    /** The first values of an array, nested by its shape: {@code [[1, 2, …], [3, 4, …], …]}. */
    static String preview(Flat f) {
        StringBuilder sb = new StringBuilder();
        preview(f, 0, 0, sb);
        return sb.toString();
    }

    private static final int MAX_ITEMS = 6;

    private static void preview(Flat f, int dim, int offset, StringBuilder sb) {
        if (f.rank() == 0) {
            sb.append(number(f.values()[0]));
            return;
        }
        long n = f.shape()[dim];
        int stride = 1;
        for (int d = dim + 1; d < f.rank(); d++) {
            stride *= (int) f.shape()[d];
        }
        int show = dim == f.rank() - 1 ? MAX_ITEMS : 3;
        sb.append('[');
        for (int i = 0; i < n && i < show; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (dim == f.rank() - 1) {
                sb.append(number(f.values()[offset + i]));
            } else {
                preview(f, dim + 1, offset + i * stride, sb);
            }
        }
        if (n > show) {
            sb.append(", …");
        }
        sb.append(']');
    }

    /** Row-major index {@code i} as coordinates in {@code shape}: {@code [1, 2]}. */
    static String coordinates(long[] shape, int i) {
        long[] c = new long[shape.length];
        long rest = i;
        for (int d = shape.length - 1; d >= 0; d--) {
            c[d] = shape[d] == 0 ? 0 : rest % shape[d];
            rest = shape[d] == 0 ? 0 : rest / shape[d];
        }
        return Arrays.toString(c);
    }
}
