package org.visionbook.toolkit.steps;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Short number text for pictures and arithmetic: at most a few decimals, no trailing zeros, no "-0". */
final class Numbers {

    private Numbers() {
    }

    static String format(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (Math.abs(value) >= 1e6) {
            return String.format(java.util.Locale.ROOT, "%.3g", value);
        }
        String text = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** A JSON number: up to 6 significant digits are plenty for a picture; non-finite values become null. */
    static String json(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toString();
    }
}
