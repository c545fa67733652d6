package org.visionbook.toolkit.steps;

import java.util.Objects;

/**
 * How a window slides over an image: kernel size, stride, padding and dilation, for rows (height)
 * and columns (width). Convolutions, transposed convolutions and pooling all use it: a pooling
 * window slides exactly like a kernel, it just has no weights.
 *
 * <p>Immutable; start from {@link #kernel(int)} and change one thing at a time:
 * <pre>{@code Conv2dSpec.kernel(3).withStride(2).withPadding(Padding.same())}</pre>
 *
 * <p>{@link #height(int)} and {@link #width(int)} apply the output-size formula
 * {@value OutputSize#FORMULA} and say clearly when the numbers do not fit.
 */
public record Conv2dSpec(int kernelHeight, int kernelWidth, int strideHeight, int strideWidth,
                         Padding padding, int dilationHeight, int dilationWidth, Rounding rounding) {

    public Conv2dSpec {
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(rounding, "rounding");
        atLeastOne("kernel height", kernelHeight);
        atLeastOne("kernel width", kernelWidth);
        atLeastOne("stride height", strideHeight);
        atLeastOne("stride width", strideWidth);
        atLeastOne("dilation height", dilationHeight);
        atLeastOne("dilation width", dilationWidth);
    }

    /** A k×k kernel, stride 1, no padding, no dilation, strict output sizes. */
    public static Conv2dSpec kernel(int k) {
        return kernel(k, k);
    }

    /** A kernelHeight×kernelWidth kernel, stride 1, no padding, no dilation, strict output sizes. */
    public static Conv2dSpec kernel(int kernelHeight, int kernelWidth) {
        return new Conv2dSpec(kernelHeight, kernelWidth, 1, 1, Padding.valid(), 1, 1, Rounding.STRICT);
    }

    public Conv2dSpec withStride(int stride) {
        return withStride(stride, stride);
    }

    public Conv2dSpec withStride(int strideHeight, int strideWidth) {
        return new Conv2dSpec(kernelHeight, kernelWidth, strideHeight, strideWidth, padding,
                dilationHeight, dilationWidth, rounding);
    }

    public Conv2dSpec withPadding(Padding padding) {
        return new Conv2dSpec(kernelHeight, kernelWidth, strideHeight, strideWidth, padding,
                dilationHeight, dilationWidth, rounding);
    }

    /** {@code p} zeros on every side. */
    public Conv2dSpec withPadding(int p) {
        return withPadding(Padding.of(p));
    }

    public Conv2dSpec withDilation(int dilation) {
        return withDilation(dilation, dilation);
    }

    public Conv2dSpec withDilation(int dilationHeight, int dilationWidth) {
        return new Conv2dSpec(kernelHeight, kernelWidth, strideHeight, strideWidth, padding,
                dilationHeight, dilationWidth, rounding);
    }

    public Conv2dSpec withRounding(Rounding rounding) {
        return new Conv2dSpec(kernelHeight, kernelWidth, strideHeight, strideWidth, padding,
                dilationHeight, dilationWidth, rounding);
    }

    /** Zeros above and below an input of this height. */
    public Pad padRows(int inputHeight) {
        return resolve(padding instanceof Padding.Explicit e ? e.rows() : 0,
                inputHeight, kernelHeight, strideHeight, dilationHeight);
    }

    /** Zeros left and right of an input of this width. */
    public Pad padCols(int inputWidth) {
        return resolve(padding instanceof Padding.Explicit e ? e.cols() : 0,
                inputWidth, kernelWidth, strideWidth, dilationWidth);
    }

    /** The output-size formula along the height, checked; {@code .value()} is the number of output rows. */
    public OutputSize height(int inputHeight) {
        return new OutputSize("height", inputHeight, kernelHeight, strideHeight, dilationHeight,
                padRows(inputHeight), effectiveRounding());
    }

    /** The output-size formula along the width, checked; {@code .value()} is the number of output columns. */
    public OutputSize width(int inputWidth) {
        return new OutputSize("width", inputWidth, kernelWidth, strideWidth, dilationWidth,
                padCols(inputWidth), effectiveRounding());
    }

    /**
     * The height a transposed convolution with this spec produces from {@code inputHeight} rows: the
     * height {@code m} that this (forward) convolution would shrink back to {@code inputHeight}.
     * With explicit padding m = (n−1)s − 2p + d(k−1) + 1; with {@link Padding#same()} m = n·s.
     */
    public int transposedHeight(int inputHeight) {
        return transposedSize("height", inputHeight, kernelHeight, strideHeight, dilationHeight,
                padding instanceof Padding.Explicit e ? e.rows() : 0);
    }

    /** The width a transposed convolution with this spec produces; see {@link #transposedHeight}. */
    public int transposedWidth(int inputWidth) {
        return transposedSize("width", inputWidth, kernelWidth, strideWidth, dilationWidth,
                padding instanceof Padding.Explicit e ? e.cols() : 0);
    }

    /** Rows one window spans: d(k−1) + 1. */
    public int spanHeight() {
        return dilationHeight * (kernelHeight - 1) + 1;
    }

    /** Columns one window spans: d(k−1) + 1. */
    public int spanWidth() {
        return dilationWidth * (kernelWidth - 1) + 1;
    }

    @Override
    public String toString() {
        return "kernel " + pair(kernelHeight, kernelWidth) + ", stride " + pair(strideHeight, strideWidth)
                + ", padding " + padding + ", dilation " + pair(dilationHeight, dilationWidth)
                + (rounding == Rounding.FLOOR ? ", rounding down" : "");
    }

    // "same" chooses its padding so that the count is ⌈n/s⌉; it may then round down harmlessly.
    private Rounding effectiveRounding() {
        return padding instanceof Padding.Same ? Rounding.FLOOR : rounding;
    }

    private Pad resolve(int explicit, int n, int k, int s, int d) {
        if (padding instanceof Padding.Same) {
            int outputs = (n + s - 1) / s;
            int needed = Math.max((outputs - 1) * s + d * (k - 1) + 1 - n, 0);
            return new Pad(needed / 2, needed - needed / 2);
        }
        return new Pad(explicit, explicit);
    }

    private int transposedSize(String axis, int n, int k, int s, int d, int p) {
        if (n < 1) {
            throw new IllegalArgumentException("input " + axis + " must be at least 1; got " + n);
        }
        int size = padding instanceof Padding.Same ? n * s : (n - 1) * s - 2 * p + d * (k - 1) + 1;
        if (size < 1) {
            throw new IllegalArgumentException("transposed convolution output " + axis + " would be " + size
                    + ": (n-1)s - 2p + d(k-1) + 1 = (" + n + "-1)*" + s + " - 2*" + p + " + " + d + "*(" + k
                    + "-1) + 1; use less padding");
        }
        return size;
    }

    private static String pair(int a, int b) {
        return a == b ? String.valueOf(a) : a + "x" + b;
    }

    private static void atLeastOne(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1; got " + value);
        }
    }
}
