package org.visionbook.toolkit.viz;

import java.awt.Color;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns a number into a colour: evenly spaced anchor colours, linearly interpolated in RGB.
 * Position 0 gives exactly the first anchor, 1 exactly the last, and (for an odd number of
 * anchors) 0.5 exactly the middle one, so a diverging map shows zero as pure white.
 * Immutable.
 */
public final class ColorMap {

    /** Shown for NaN by every map: a colour none of them uses, so broken values stand out. */
    public static final int NAN_RGB = 0xFF00FF;

    /** Black (low) to white (high): pixel intensities, MNIST-style white ink on black. */
    public static final ColorMap GREYS = new ColorMap("greys", false, 0x000000, 0xFFFFFF);

    /**
     * Blue (negative) through white (zero) to red (positive), for signed values such as kernels
     * and gradients. Use it with a range symmetric about zero ({@link ValueRange#symmetric}).
     */
    public static final ColorMap DIVERGING = new ColorMap("blue-white-red", true,
            0x2166AC, 0x67A9CF, 0xFFFFFF, 0xEF8A62, 0xB2182B);

    /** Dark purple (low) to yellow (high), perceptually even: activations and other magnitudes. */
    public static final ColorMap SEQUENTIAL = new ColorMap("viridis", false,
            0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725);

    private final String name;
    private final boolean diverging;
    private final int[] anchors;

    private ColorMap(String name, boolean diverging, int... anchors) {
        this.name = name;
        this.diverging = diverging;
        this.anchors = anchors;
    }

    /** A sequential map through {@code anchorsRgb} (0xRRGGBB), evenly spaced from position 0 to 1. */
    public static ColorMap of(String name, int... anchorsRgb) {
        return create(name, false, anchorsRgb);
    }

    /**
     * A diverging map through {@code anchorsRgb}: its middle is meant for zero, so pictures that
     * fit a range themselves make it symmetric about zero.
     */
    public static ColorMap diverging(String name, int... anchorsRgb) {
        return create(name, true, anchorsRgb);
    }

    private static ColorMap create(String name, boolean diverging, int... anchorsRgb) {
        Objects.requireNonNull(name, "name");
        if (anchorsRgb.length < 2) {
            throw new IllegalArgumentException("a colour map needs at least 2 anchor colours; got " + anchorsRgb.length);
        }
        return new ColorMap(name, diverging, Arrays.stream(anchorsRgb).map(c -> c & 0xFFFFFF).toArray());
    }

    public String name() {
        return name;
    }

    /** True for maps centred on zero (signed values); false for low-to-high maps. */
    public boolean isDiverging() {
        return diverging;
    }

    /** The range a picture uses when none is given: symmetric about zero for a diverging map, else the data's min to max. */
    ValueRange fit(float[]... values) {
        return diverging ? ValueRange.fitSymmetric(values) : ValueRange.fit(values);
    }

    /** The same anchors in opposite order: e.g. {@code GREYS.reversed()} draws black ink on white. */
    public ColorMap reversed() {
        int[] r = new int[anchors.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = anchors[anchors.length - 1 - i];
        }
        return new ColorMap(name + " reversed", diverging, r);
    }

    /** The colour (0xRRGGBB) at position {@code t}, clamped to [0, 1]; NaN gives {@link #NAN_RGB}. */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return NAN_RGB;
        }
        double x = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = (int) Math.floor(x);
        if (i >= anchors.length - 1) {
            return anchors[anchors.length - 1];
        }
        double f = x - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return mix(a >> 16, b >> 16, f) << 16 | mix(a >> 8, b >> 8, f) << 8 | mix(a, b, f);
    }

    /** The colour (0xRRGGBB) of {@code value} in {@code range}. */
    public int rgb(double value, ValueRange range) {
        return rgb(range.position(value));
    }

    public Color color(double value, ValueRange range) {
        return new Color(rgb(value, range));
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * f);
    }

    @Override
    public String toString() {
        return "ColorMap[" + name + "]";
    }
}
