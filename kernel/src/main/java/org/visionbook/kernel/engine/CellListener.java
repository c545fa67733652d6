package org.visionbook.kernel.engine;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Where a running cell's output goes, in Jupyter's terms. The Jupyter kernel publishes each call
 * as an IOPub message; the headless runner appends it to the cell's outputs. Calls arrive in the
 * order the cell produced them, never concurrently.
 */
public interface CellListener {

    /** Text printed on {@code stdout} or {@code stderr} (see {@link #STDOUT}, {@link #STDERR}). */
    void stream(String name, String text);

    /** A {@code display_data} output; {@link DisplayData#getDisplayId()} is set when it can be updated later. */
    void display(DisplayData data);

    /** Replaces every output shown under {@code data}'s display id. */
    void updateDisplay(DisplayData data);

    /** Clears the cell's output so far ({@code wait}: only when the next output arrives). */
    default void clearOutput(boolean wait) {
    }

    /** One line typed by the user for {@code System.in}, or {@code null} at end of input. */
    default String readLine(String prompt) {
        return null;
    }

    String STDOUT = "stdout";
    String STDERR = "stderr";

    /** A listener that drops everything (warm-up, startup scripts). */
    static CellListener discarding() {
        return new CellListener() {
            @Override
            public void stream(String name, String text) {
            }

            @Override
            public void display(DisplayData data) {
            }

            @Override
            public void updateDisplay(DisplayData data) {
            }
        };
    }
}
