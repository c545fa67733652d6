package org.visionbook.toolkit.display;

/**
 * Where {@link Display} sends output. The Jupyter kernel and the headless runner install their
 * own; without one, output goes to the console as text.
 */
public interface DisplaySink {

    /** Shows {@code value} and returns an id that {@link #update} can later replace in place. */
    String display(Object value);

    /** Replaces the output shown under {@code displayId}. */
    void update(String displayId, Object value);

    /**
     * True where pictures are seen (a notebook): live charts are worth drawing. False on a
     * terminal, where a compact text line is better.
     */
    boolean isRich();
}
