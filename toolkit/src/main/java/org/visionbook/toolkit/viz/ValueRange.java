package org.visionbook.toolkit.viz;

/**
 * The values that span a colour map: {@code min} gets the map's first colour, {@code max} its last,
 * values outside are clamped. Immutable; always {@code min < max} and both finite.
 */
public record ValueRange(double min, double max) {

    public ValueRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("a value range needs finite min < max; got [" + min + ", " + max + "]");
        }
    }

    public static ValueRange of(double min, double max) {
        return new ValueRange(min, max);
    }

    /** [0, 1]: pixel intensities such as MNIST's. */
    public static ValueRange unit() {
        return new ValueRange(0, 1);
    }

    /** [-limit, limit]: signed values with zero in the middle of a diverging map. */
    public static ValueRange symmetric(double limit) {
        if (!(limit > 0) || !Double.isFinite(limit)) {
            throw new IllegalArgumentException("a symmetric range needs a finite limit > 0; got " + limit);
        }
        return new ValueRange(-limit, limit);
    }

    /**
     * The smallest range holding every finite value. A constant input c gets [c - 1, c + 1] (so it
     * shows in the middle colour) and an input without finite values gets [0, 1].
     */
    public static ValueRange fit(float[]... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] row : values) {
            for (float v : row) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return unit();
        }
        return lo < hi ? new ValueRange(lo, hi) : new ValueRange(lo - 1, hi + 1);
    }

    /** Like {@link #fit} but symmetric about zero: [-max|v|, max|v|]; all zeros give [-1, 1]. */
    public static ValueRange fitSymmetric(float[]... values) {
        double limit = 0;
        for (float[] row : values) {
            for (float v : row) {
                if (Float.isFinite(v)) {
                    limit = Math.max(limit, Math.abs(v));
                }
            }
        }
        return symmetric(limit > 0 ? limit : 1);
    }

    /** Where {@code value} falls in this range, clamped to [0, 1]; NaN stays NaN. */
    public double position(double value) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double t = (value - min) / (max - min);
        return Math.max(0, Math.min(1, t));
    }

    /** True when the range holds zero strictly inside: a diverging map fits it. */
    public boolean spansZero() {
        return min < 0 && max > 0;
    }

    @Override
    public String toString() {
        return "[" + Ticks.format(min) + ", " + Ticks.format(max) + "]";
    }
}
