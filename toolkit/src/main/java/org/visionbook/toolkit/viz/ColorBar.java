package org.visionbook.toolkit.viz;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * A vertical colour bar: the top row is exactly the colour of {@code range.max()}, the bottom row
 * exactly that of {@code range.min()}, with labelled ticks. Without absolute values (each map
 * scaled on its own) the ends carry words instead of numbers.
 */
final class ColorBar {

    static final int BAR_WIDTH = 14;
    static final int TICK = 4;
    static final int LABEL_GAP = 3;

    private final ColorMap map;
    private final ValueRange range;
    private final String lowLabel;
    private final String highLabel;
    private final Font font = Fonts.plain(11f);

    /** A bar with numeric ticks over {@code range}. */
    ColorBar(ColorMap map, ValueRange range) {
        this(map, range, null, null);
    }

    /** A bar whose ends read {@code lowLabel} and {@code highLabel} (no numbers). */
    ColorBar(ColorMap map, String lowLabel, String highLabel) {
        this(map, ValueRange.unit(), lowLabel, highLabel);
    }

    private ColorBar(ColorMap map, ValueRange range, String lowLabel, String highLabel) {
        this.map = map;
        this.range = range;
        this.lowLabel = lowLabel;
        this.highLabel = highLabel;
    }

    /** Width the bar and its labels take. */
    int width(int height) {
        int widest = 0;
        for (Tick t : ticks(height)) {
            widest = Math.max(widest, Canvas.textWidth(font, t.label));
        }
        return BAR_WIDTH + TICK + LABEL_GAP + widest;
    }

    /** Extra room needed above and below the bar so end labels are not clipped. */
    int overhang() {
        return Canvas.lineHeight(font) / 2 + 1;
    }

    void draw(Canvas c, int x, int y, int height) {
        for (int r = 0; r < height; r++) {
            double t = height == 1 ? 1 : 1 - (double) r / (height - 1);
            c.g.setColor(new Color(map.rgb(t)));
            c.g.fillRect(x, y + r, BAR_WIDTH, 1);
        }
        c.frameAround(x, y, BAR_WIDTH, height, 1, Canvas.MUTED);
        for (Tick t : ticks(height)) {
            int ty = y + t.row;
            c.g.setColor(Canvas.INK);
            c.g.fillRect(x + BAR_WIDTH, ty, TICK, 1);
            c.leftAt(t.label, font, Canvas.INK, x + BAR_WIDTH + TICK + LABEL_GAP, ty);
        }
    }

    private record Tick(int row, String label) {
    }

    private List<Tick> ticks(int height) {
        List<Tick> ticks = new ArrayList<>();
        if (lowLabel != null) {
            ticks.add(new Tick(0, highLabel));
            ticks.add(new Tick(height - 1, lowLabel));
            return ticks;
        }
        ticks.add(new Tick(row(range.max(), height), Ticks.format(range.max())));
        ticks.add(new Tick(row(range.min(), height), Ticks.format(range.min())));
        int minGap = Canvas.lineHeight(font);
        int target = Math.max(2, Math.min(6, height / (2 * minGap)));
        for (double v : Ticks.nice(range.min(), range.max(), target)) {
            int row = row(v, height);
            boolean clear = ticks.stream().allMatch(t -> Math.abs(t.row - row) >= minGap);
            if (clear) {
                ticks.add(new Tick(row, Ticks.format(v)));
            }
        }
        return ticks;
    }

    private int row(double value, int height) {
        return (int) Math.round((1 - range.position(value)) * (height - 1));
    }
}
