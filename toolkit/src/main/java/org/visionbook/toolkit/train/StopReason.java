package org.visionbook.toolkit.train;

/** Why a call to {@link Trainer#fit} returned. */
public enum StopReason {
    /** Every requested epoch ran. */
    COMPLETED,
    /** The watched metric stopped improving (see {@link EarlyStopping}). */
    EARLY_STOPPED,
    /** The thread was interrupted; training stopped at a batch boundary. */
    INTERRUPTED
}
