package org.visionbook.kernel.engine;

/**
 * The value code produced: the value of its last expression, or nothing (statements,
 * declarations). A {@code null} value is a value ({@code hasValue} true); it is simply not shown.
 */
public record Evaluation(Object value, boolean hasValue) {

    public static final Evaluation NOTHING = new Evaluation(null, false);

    public static Evaluation of(Object value) {
        return new Evaluation(value, true);
    }
}
