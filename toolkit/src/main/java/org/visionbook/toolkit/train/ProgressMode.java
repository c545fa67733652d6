package org.visionbook.toolkit.train;

/** How a {@link Trainer} reports progress. */
public enum ProgressMode {
    /** {@link #DASHBOARD} where pictures are seen (a notebook), else {@link #TEXT}. */
    AUTO,
    /** One display updated in place: progress bar, speed, ETA, loss and accuracy charts. */
    DASHBOARD,
    /** A line per epoch and an occasional line within a long epoch. */
    TEXT,
    /** Nothing. */
    NONE
}
