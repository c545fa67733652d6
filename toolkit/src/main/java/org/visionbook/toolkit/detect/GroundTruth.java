package org.visionbook.toolkit.detect;

import java.util.Objects;

/** A labelled object: in image {@code image} an object of class {@code label} lies inside {@code box}. */
public record GroundTruth(int image, int label, Box box) {

    public GroundTruth {
        Objects.requireNonNull(box, "box");
        if (image < 0 || label < 0) {
            throw new IllegalArgumentException("a ground-truth object needs image >= 0 and label >= 0, got image "
                    + image
                    + ", label " + label);
        }
    }
}
