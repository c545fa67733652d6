package org.visionbook.toolkit.check;

import java.util.Objects;

/**
 * The result of one check: what was checked, whether it passed, how much it weighs towards the
 * exercise's score, and - when it failed - what was expected, what was got and a hint.
 *
 * @param label   what was checked, in the words of the test ("output shape", "sums to one")
 * @param passed  whether it passed
 * @param weight  its share of the exercise's points (1 unless the test says otherwise)
 * @param detail  expected versus got, a few values and where they differ; empty when it passed
 * @param hint    a hint shown when it fails; empty if none
 * @param picture expected, actual and difference as pictures (2-D and 3-D arrays), or null
 */
public record Outcome(String label, boolean passed, double weight, String detail, String hint, Picture picture) {

    public Outcome {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(hint, "hint");
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("a check's weight must be a positive number, got " + weight);
        }
    }

    static Outcome pass(String label) {
        return new Outcome(label, true, 1, "", "", null);
    }

    static Outcome fail(String label, String detail) {
        return new Outcome(label, false, 1, detail, "", null);
    }

    Outcome withHint(String text) {
        return new Outcome(label, passed, weight, detail, Objects.requireNonNull(text, "hint"), picture);
    }

    Outcome withWeight(double w) {
        return new Outcome(label, passed, w, detail, hint, picture);
    }

    Outcome withPicture(Picture p) {
        return new Outcome(label, passed, weight, detail, hint, p);
    }

    /**
     * Expected, actual and |difference| as PNG images (one panel each, channels side by side),
     * drawn on the same colour scale for expected and actual.
     */
    public record Picture(byte[] expectedPng, byte[] actualPng, byte[] differencePng, String scale) {
    }
}
