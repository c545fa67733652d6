package org.visionbook.toolkit.steps;

import java.util.Locale;
import java.util.Objects;

/**
 * The output-size formula along one axis, with the numbers that went into it:
 *
 * <pre>  out = (n + 2p − d(k−1) − 1) / s + 1</pre>
 *
 * where n is the input size, p the padding on each side, k the kernel size, d the dilation and s
 * the stride. Construction checks the formula: an output of zero or less, or (under
 * {@link Rounding#STRICT}) a size that is not a whole number, throws an
 * {@link IllegalArgumentException} that says which and what would fix it.
 *
 * @param axis     "height", "width" or any name used in messages
 * @param input    n, the input size along this axis
 * @param kernel   k
 * @param stride   s
 * @param dilation d (1 = no holes)
 * @param pad      zeros before and after the input (their sum replaces 2p)
 * @param rounding what to do with a fractional result
 */
public record OutputSize(String axis, int input, int kernel, int stride, int dilation, Pad pad, Rounding rounding) {

    /** The formula as it is usually written. */
    public static final String FORMULA = "(n + 2p - d(k-1) - 1)/s + 1";

    public OutputSize {
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(pad, "pad");
        Objects.requireNonNull(rounding, "rounding");
        requireAtLeastOne(axis, "input size n", input);
        requireAtLeastOne(axis, "kernel size k", kernel);
        requireAtLeastOne(axis, "stride s", stride);
        requireAtLeastOne(axis, "dilation d", dilation);
        check(axis, input, kernel, stride, dilation, pad, rounding);
    }

    /** The strict formula with {@code p} zeros on both sides: {@code OutputSize.of(28, 5, 1, 2, 1).value() == 28}. */
    public static OutputSize of(int n, int k, int s, int p, int d) {
        return new OutputSize("size", n, k, s, d, new Pad(p, p), Rounding.STRICT);
    }

    /** The number of outputs along this axis. */
    public int value() {
        return numerator(input, kernel, dilation, pad) / stride + 1;
    }

    /** How many input cells one window spans: d(k−1) + 1. */
    public int span() {
        return span(kernel, dilation);
    }

    /** The formula with these numbers filled in, e.g. {@code (7 + 2*1 - 1*(3-1) - 1)/2 + 1 = 4}. */
    public String worked() {
        boolean floored = numerator(input, kernel, dilation, pad) % stride != 0;
        String division = filledIn(input, kernel, stride, dilation, pad);
        return (floored ? "floor(" + division + ")" : division) + " + 1 = " + value();
    }

    @Override
    public String toString() {
        return axis + ": " + worked();
    }

    private static void requireAtLeastOne(String axis, String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " along the " + axis + " must be at least 1; got " + value);
        }
    }

    private static int span(int kernel, int dilation) {
        return dilation * (kernel - 1) + 1;
    }

    private static int numerator(int n, int k, int d, Pad pad) {
        return n + pad.total() - span(k, d);
    }

    private static String filledIn(int n, int k, int s, int d, Pad pad) {
        String padding = pad.before() == pad.after()
                ? "2*" + pad.before()
                : pad.before() + " + " + pad.after();
        return "(" + n + " + " + padding + " - " + d + "*(" + k + "-1) - 1)/" + s;
    }

    private static void check(String axis, int n, int k, int s, int d, Pad pad, Rounding rounding) {
        int numerator = numerator(n, k, d, pad);
        if (numerator < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "output %s would be 0 or less: %s + 1 = %s. One window spans d(k-1)+1 = %d*(%d-1)+1 = %d cells "
                            + "but the padded input has only n + padding = %d + %d = %d; use a smaller kernel or "
                            + "dilation, or pad by %d more in total",
                    axis, filledIn(n, k, s, d, pad), decimal(numerator, s), d, k, span(k, d),
                    n, pad.total(), n + pad.total(), -numerator));
        }
        int leftover = numerator % s;
        if (leftover != 0 && rounding == Rounding.STRICT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "stride %d does not fit the %s: %s + 1 = %s is not a whole number, so the last %d "
                            + "row(s)/column(s) of the padded input are never reached by a whole window. "
                            + "Pad by %d more in total, crop %d, pick a stride that divides %d, "
                            + "or round down with withRounding(Rounding.FLOOR)",
                    s, axis, filledIn(n, k, s, d, pad), decimal(numerator, s), leftover,
                    s - leftover, leftover, numerator));
        }
    }

    private static String decimal(int numerator, int stride) {
        double exact = (double) numerator / stride + 1;
        String text = String.format(Locale.ROOT, "%.2f", exact);
        return text.replaceAll("\\.?0+$", "");
    }
}
