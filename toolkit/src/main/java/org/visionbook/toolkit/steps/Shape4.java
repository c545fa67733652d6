package org.visionbook.toolkit.steps;

import java.util.Arrays;

/**
 * The checked shape [N, C, H, W] of a nested array, read once so the ops can trust it. Every
 * message names the array ("input x", "weights w") and the offending index.
 */
record Shape4(String name, int n, int c, int h, int w) {

    static Shape4 of(String name, double[][][][] array) {
        if (array == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        int n = array.length;
        nonEmpty(name, "", n, "N (batch)");
        int c = lengthOf(name, "[0]", array[0], "C (channels)");
        int h = lengthOf(name, "[0][0]", array[0][0], "H (rows)");
        int w = lengthOf(name, "[0][0][0]", array[0][0][0], "W (columns)");
        for (int i = 0; i < n; i++) {
            sameLength(name, "[" + i + "]", array[i], c, "channels");
            for (int j = 0; j < c; j++) {
                sameLength(name, "[" + i + "][" + j + "]", array[i][j], h, "rows");
                for (int k = 0; k < h; k++) {
                    sameLength(name, "[" + i + "][" + j + "][" + k + "]", array[i][j][k], w, "columns");
                }
            }
        }
        return new Shape4(name, n, c, h, w);
    }

    static int[] of2d(String name, double[][] array) {
        if (array == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        nonEmpty(name, "", array.length, "rows");
        int w = lengthOf(name, "[0]", array[0], "columns");
        for (int i = 0; i < array.length; i++) {
            sameLength(name, "[" + i + "]", array[i], w, "columns");
        }
        return new int[] {array.length, w};
    }

    static void vector(String name, double[] array, int expectedLength, String why) {
        if (array == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (array.length != expectedLength) {
            throw new IllegalArgumentException(name + ": expected length " + expectedLength + " (" + why
                    + ") but got " + array.length);
        }
    }

    /** Fails unless this shape equals [n, c, h, w]; {@code why} says where the expectation comes from. */
    void expect(int n, int c, int h, int w, String why) {
        if (this.n != n || this.c != c || this.h != h || this.w != w) {
            throw new IllegalArgumentException(name + ": expected shape " + Arrays.toString(new int[] {n, c, h, w})
                    + " (" + why + ") but got " + this);
        }
    }

    int[] toArray() {
        return new int[] {n, c, h, w};
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }

    private static int lengthOf(String name, String index, Object array, String axis) {
        if (array == null) {
            throw new IllegalArgumentException(name + index + " is null");
        }
        int length = java.lang.reflect.Array.getLength(array);
        nonEmpty(name, index, length, axis);
        return length;
    }

    private static void nonEmpty(String name, String index, int length, String axis) {
        if (length == 0) {
            throw new IllegalArgumentException(name + index + " is empty: " + axis + " must be at least 1");
        }
    }

    private static void sameLength(String name, String index, Object array, int expected, String what) {
        if (array == null) {
            throw new IllegalArgumentException(name + index + " is null");
        }
        int length = java.lang.reflect.Array.getLength(array);
        if (length != expected) {
            throw new IllegalArgumentException(name + " is ragged: " + name + index + " has " + length + " " + what
                    + " but the first one has " + expected);
        }
    }
}
