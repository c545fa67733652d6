package org.visionbook.toolkit.viz;

import java.util.List;
import java.util.Optional;

/**
 * Where things lie in a rendered picture, in pixels from its top-left corner: the image area of
 * each cell (in input order) and the colour bar, if any. Useful for overlays and for checking a
 * picture pixel by pixel.
 */
public record PictureLayout(int width, int height, List<Box> cells, Optional<Box> colorBar) {

    public PictureLayout {
        cells = List.copyOf(cells);
    }

    public Box cell(int index) {
        return cells.get(index);
    }

    /** An axis-aligned box: {@code x, y} its top-left pixel. */
    public record Box(int x, int y, int width, int height) {

        public boolean contains(int px, int py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }

        public int right() {
            return x + width;
        }

        public int bottom() {
            return y + height;
        }
    }
}
