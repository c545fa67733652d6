package org.visionbook.kernel.engine;

/** Lets a test see that a cell has started running (cells call {@link #started()}). */
public final class CellProbe {
    static volatile boolean started;

    private CellProbe() {
    }

    public static void started() {
        started = true;
    }
}
