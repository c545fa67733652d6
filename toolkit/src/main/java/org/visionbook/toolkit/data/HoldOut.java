package org.visionbook.toolkit.data;

import java.util.Objects;

/**
 * A training set split in two: {@code train} to learn from and {@code validation} to make choices
 * with (early stopping, learning rates, which model), so that the test set is used once, at the end.
 * Made by {@link LabelledImages#holdOut(double, long)}.
 *
 * @param train      the images to learn from
 * @param validation the held-out images, disjoint from {@code train}, with the same class proportions
 */
public record HoldOut(LabelledImages train, LabelledImages validation) {

    public HoldOut {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }

    @Override
    public String toString() {
        return String.format("HoldOut: %,d to train on, %,d to validate with", train.size(), validation.size());
    }
}
