package org.visionbook.toolkit.detect;

import java.util.Objects;

/**
 * What a detector says: in image {@code image} there is an object of class {@code label} inside
 * {@code box}, with confidence {@code score} (higher is surer).
 */
public record Detection(int image, int label, double score, Box box) {

    public Detection {
        Objects.requireNonNull(box, "box");
        if (image < 0 || label < 0) {
            throw new IllegalArgumentException("a detection needs image >= 0 and label >= 0, got image " + image
                    + ", label " + label);
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("the score of a detection in image " + image + " is NaN");
        }
    }
}
