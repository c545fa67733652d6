package org.visionbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.visionbook.kernel.engine.Engine;

/**
 * What notebook cells call to show things, as in IJava; statically imported by the default
 * startup script.
 *
 * <pre>{@code
 * String id = display(chart);          // shows the chart, returns its display id
 * display(chart, "image/svg+xml");     // as SVG instead of PNG
 * updateDisplay(id, chart);            // redraws it in place (live training curves)
 * DisplayData d = render(table);       // the MIME bundle, without showing it
 * }</pre>
 */
public final class Notebook {

    private Notebook() {
    }

    /** Shows {@code value} below the running cell and returns an id for {@link #updateDisplay}. */
    public static String display(Object value) {
        return Engine.current().display(value);
    }

    /** Shows {@code value} as the given MIME types (e.g. {@code "image/svg+xml"}, {@code "text/html"}). */
    public static String display(Object value, String... mimeTypes) {
        return Engine.current().display(value, mimeTypes);
    }

    /** Replaces what is shown under {@code displayId} with {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        Engine.current().updateDisplay(displayId, value);
    }

    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        Engine.current().updateDisplay(displayId, value, mimeTypes);
    }

    /** The MIME bundle {@code value} would be shown as. */
    public static DisplayData render(Object value) {
        return Engine.current().render(value);
    }

    public static DisplayData render(Object value, String... mimeTypes) {
        return Engine.current().render(value, mimeTypes);
    }

    /** Clears the running cell's output (for progress shown by redrawing). */
    public static void clearOutput() {
        Engine.current().clearOutput(false);
    }

    /** Clears the running cell's output when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        Engine.current().clearOutput(wait);
    }
}
