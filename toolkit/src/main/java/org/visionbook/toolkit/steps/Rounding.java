package org.visionbook.toolkit.steps;

/** What to do when the windows do not fit the (padded) input exactly. */
public enum Rounding {
    /** Refuse: an output size that is not a whole number is an error that says how to fix it. */
    STRICT,
    /**
     * Round the output size down: the last rows/columns that no whole window reaches are dropped
     * (PyTorch's behaviour, DL4J's {@code ConvolutionMode.Truncate}).
     */
    FLOOR
}
