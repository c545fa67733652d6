package org.visionbook.toolkit.steps;

/**
 * Padding resolved along one axis: zeros added {@code before} (top or left) and {@code after}
 * (bottom or right) the input. {@link Padding#same()} can make them differ by one.
 */
public record Pad(int before, int after) {
    public Pad {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("padding must be 0 or more; got before=" + before + ", after=" + after);
        }
    }

    public int total() {
        return before + after;
    }
}
