package org.visionbook.toolkit.train;

/** Data (or a layer's input) whose shape does not fit the network; the message names both shapes. */
public class ShapeMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ShapeMismatchException(String message) {
        super(message);
    }

    public ShapeMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
