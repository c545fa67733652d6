package org.visionbook.toolkit.detect;

/**
 * The grid a one-stage detector lays over a square image: {@code cells x cells} cells of
 * {@code imageSize / cells} pixels. Each cell answers for the objects whose centre falls in it.
 */
public record YoloGrid(int imageSize, int cells) {

    public YoloGrid {
        if (cells < 1 || imageSize < cells || imageSize % cells != 0) {
            throw new IllegalArgumentException(
                    "a grid needs at least one cell and an image size that is a multiple of the"
                    + " cell count, got image " + imageSize + " px and " + cells + " cells");
        }
    }

    /** Pixels per cell. */
    public int cellSize() {
        return imageSize / cells;
    }

    /** The cell column (or row) that pixel coordinate {@code v} falls in, clamped to the grid. */
    public int cellOf(double v) {
        return Math.max(0, Math.min(cells - 1, (int) Math.floor(v / cellSize())));
    }
}
