package org.visionbook.toolkit.viz;

/** How a grid of maps or filters is coloured: all on one scale, or each on its own. */
public enum Normalization {
    /** One range for all: magnitudes compare across cells, one colour bar with values. */
    JOINT,
    /** Each cell over its own range: weak patterns stay visible; each range is written under its cell. */
    SEPARATE
}
