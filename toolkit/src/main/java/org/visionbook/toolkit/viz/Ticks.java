package org.visionbook.toolkit.viz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round tick values and short labels for axes and colour bars. */
final class Ticks {

    private Ticks() {
    }

    /** A label with at most 3 significant digits: 0.5, -0.0123, 120, 1.5e+04. */
    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) {
            String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e");
            String mantissa = new BigDecimal(parts[0]).round(new MathContext(3)).stripTrailingZeros().toPlainString();
            int exponent = Integer.parseInt(parts[1]);
            return mantissa + "e" + (exponent > 0 ? "+" : "") + exponent;
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Multiples of a 1-2-5 step inside [min, max], about {@code target} of them, zero included when inside. */
    static List<Double> nice(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * magnitude;
            if (step >= raw) {
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(min / step); k * step <= max + step * 1e-9; k++) {
            double t = k * step;
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    /** An index step from 1, 2, 5, 10, 20, ... so that labels {@code pixelsPerIndex} apart are at least {@code minGap} px apart. */
    static int indexStep(int pixelsPerIndex, int minGap) {
        int[] bases = {1, 2, 5};
        for (int scale = 1; ; scale *= 10) {
            for (int b : bases) {
                if (b * scale * pixelsPerIndex >= minGap) {
                    return b * scale;
                }
            }
        }
    }
}
