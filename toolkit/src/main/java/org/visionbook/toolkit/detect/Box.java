package org.visionbook.toolkit.detect;

/**
 * An axis-aligned box by its corners, in pixels (or any unit, as long as both boxes of a
 * comparison use the same): {@code (x1, y1)} top left, {@code (x2, y2)} bottom right, x to the
 * right and y down as in an image. A box of zero width or height is allowed (its area is 0).
 */
public record Box(double x1, double y1, double x2, double y2) {

    public Box {
        if (!Double.isFinite(x1) || !Double.isFinite(y1) || !Double.isFinite(x2) || !Double.isFinite(y2)) {
            throw new IllegalArgumentException("a box needs finite corners, got " + text(x1, y1, x2, y2));
        }
        if (x2 < x1 || y2 < y1) {
            throw new IllegalArgumentException("a box needs x1 <= x2 and y1 <= y2 (top left, then bottom right), got "
                    + text(x1, y1, x2, y2));
        }
    }

    /** The box with centre ({@code cx}, {@code cy}), width {@code w} and height {@code h}. */
    public static Box centred(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    public double centreX() {
        return (x1 + x2) / 2;
    }

    public double centreY() {
        return (y1 + y2) / 2;
    }

    /** The area both boxes cover (0 when they only touch or do not meet). */
    public double intersection(Box other) {
        double w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    /**
     * Intersection over union: the overlap divided by the area the two boxes cover together, from
     * 0 (apart or only touching) to 1 (the same box). Two boxes of zero area have no union; their
     * IoU is 0 by convention.
     */
    public double iou(Box other) {
        double inter = intersection(other);
        double union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** The box with every coordinate multiplied by {@code factor} (e.g. grid cells to pixels). */
    public Box scaled(double factor) {
        return new Box(x1 * factor, y1 * factor, x2 * factor, y2 * factor);
    }

    /** The box cut to the rectangle [0, width] x [0, height]. */
    public Box clipped(double width, double height) {
        double a = clamp(x1, width);
        double b = clamp(y1, height);
        return new Box(a, b, Math.max(a, clamp(x2, width)), Math.max(b, clamp(y2, height)));
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    @Override
    public String toString() {
        return text(x1, y1, x2, y2);
    }

    private static String text(double x1, double y1, double x2, double y2) {
        return String.format(java.util.Locale.ROOT, "[%.1f, %.1f, %.1f, %.1f]", x1, y1, x2, y2);
    }
}
