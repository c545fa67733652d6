package org.visionbook.toolkit.viz;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One 2-D array as a titled picture: the values as coloured blocks, row and column indices along
 * the axes, and a colour bar saying which colour means which value.
 *
 * <pre>{@code
 * Heatmap.of(kernel).diverging().title("Sobel x").render();          // signed: blue < 0 = white < red
 * Heatmap.of(digit).greys().range(ValueRange.unit()).scale(8).render(); // an MNIST digit
 * }</pre>
 *
 * Immutable: every option returns a new heatmap. Defaults: the sequential map over the data's own
 * range (symmetric about zero for a diverging map), a scale that makes the image about 280 px,
 * axes and colour bar on.
 */
public final class Heatmap {

    static final int MARGIN = 12;
    static final int DEFAULT_TARGET_PIXELS = 280;

    private final float[][] values;
    private final ColorMap map;
    private final ValueRange range;
    private final int scale;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean axes;
    private final boolean colorBar;

    private Heatmap(float[][] values, ColorMap map, ValueRange range, int scale, String title,
                    String xLabel, String yLabel, boolean axes, boolean colorBar) {
        this.values = values;
        this.map = map;
        this.range = range;
        this.scale = scale;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.axes = axes;
        this.colorBar = colorBar;
    }

    /** A heatmap of {@code values} [H][W] (copied). */
    public static Heatmap of(float[][] values) {
        return new Heatmap(Tensors.image(values, "heatmap values"), ColorMap.SEQUENTIAL, null, 0, null, "", "", true, true);
    }

    /** A heatmap of an INDArray [H, W] (or [1, H, W], [1, 1, H, W]). */
    public static Heatmap of(INDArray values) {
        return of(Tensors.image(values, "heatmap values"));
    }

    /** A heatmap of {@code height x width} values stored flat, row by row. */
    public static Heatmap of(float[] values, int height, int width) {
        return of(Tensors.image(values, height, width, "heatmap values"));
    }

    /** A heatmap of any INDArray holding {@code height * width} values, e.g. a [784] MNIST row. */
    public static Heatmap of(INDArray values, int height, int width) {
        return of(Tensors.image(values, height, width, "heatmap values"));
    }

    public Heatmap colorMap(ColorMap newMap) {
        return new Heatmap(values, Objects.requireNonNull(newMap, "colour map"), range, scale, title, xLabel, yLabel, axes, colorBar);
    }

    /** Blue (negative), white (zero), red (positive): for kernels, weights and gradients. */
    public Heatmap diverging() {
        return colorMap(ColorMap.DIVERGING);
    }

    /** Black to white: for images. */
    public Heatmap greys() {
        return colorMap(ColorMap.GREYS);
    }

    /** The values at the map's two ends; without it, the data's own range. */
    public Heatmap range(ValueRange newRange) {
        return new Heatmap(values, map, Objects.requireNonNull(newRange, "range"), scale, title, xLabel, yLabel, axes, colorBar);
    }

    /** Pixels per value along each side (a whole number, nearest-neighbour upscaling). */
    public Heatmap scale(int newScale) {
        return new Heatmap(values, map, range, Raster.checkScale(newScale), title, xLabel, yLabel, axes, colorBar);
    }

    public Heatmap title(String newTitle) {
        return new Heatmap(values, map, range, scale, Objects.requireNonNull(newTitle, "title"), xLabel, yLabel, axes, colorBar);
    }

    /** Names for the horizontal (column) and vertical (row) axes. */
    public Heatmap axisLabels(String x, String y) {
        return new Heatmap(values, map, range, scale, title, Objects.requireNonNull(x, "x label"),
                Objects.requireNonNull(y, "y label"), axes, colorBar);
    }

    /** Whether row and column indices are drawn (on by default). */
    public Heatmap axes(boolean show) {
        return new Heatmap(values, map, range, scale, title, xLabel, yLabel, show, colorBar);
    }

    /** Whether the colour bar is drawn (on by default). */
    public Heatmap colorBar(boolean show) {
        return new Heatmap(values, map, range, scale, title, xLabel, yLabel, axes, show);
    }

    /** The range the colours span: the one given, else fitted to the data. */
    public ValueRange effectiveRange() {
        return range != null ? range : map.fit(values);
    }

    /**
     * The scale given, else one that makes the longer side about 280 px, raised (up to a 1000 px
     * long side) so that a thin array such as a 1 x 100 vector is at least 24 px thick.
     */
    public int effectiveScale() {
        if (scale > 0) {
            return scale;
        }
        int longer = Math.max(values.length, values[0].length);
        int shorter = Math.min(values.length, values[0].length);
        int s = Raster.scaleFor(values.length, values[0].length, DEFAULT_TARGET_PIXELS);
        int thick = (24 + shorter - 1) / shorter;
        return Math.max(s, Math.min(thick, 1000 / longer));
    }

    public String effectiveTitle() {
        return title != null ? title : "Heatmap, " + values.length + " x " + values[0].length;
    }

    /** Where the image and colour bar will lie in the rendered picture. */
    public PictureLayout layout() {
        return geometry().layout();
    }

    /** Draws the picture. */
    public Picture render() {
        Geometry geo = geometry();
        ValueRange r = effectiveRange();
        int s = effectiveScale();
        int h = values.length;
        int w = values[0].length;
        try (Canvas c = new Canvas(geo.width, geo.height)) {
            if (!geo.title.isEmpty()) {
                c.centred(geo.title, TITLE_FONT, Canvas.INK, geo.width / 2, MARGIN);
            }
            c.g.drawImage(Raster.draw(values, map, r, s), geo.imageX, geo.imageY, null);
            if (axes) {
                int rowStep = Ticks.indexStep(s, Canvas.lineHeight(TICK_FONT) + 2);
                for (int row = 0; row < h; row += rowStep) {
                    int cy = geo.imageY + row * s + s / 2;
                    c.g.setColor(Canvas.INK);
                    c.g.fillRect(geo.imageX - ColorBar.TICK, cy, ColorBar.TICK, 1);
                    c.rightAt(Integer.toString(row), TICK_FONT, Canvas.INK, geo.imageX - ColorBar.TICK - 3, cy);
                }
                int colStep = Ticks.indexStep(s, Canvas.textWidth(TICK_FONT, Integer.toString(w)) + 8);
                int imageBottom = geo.imageY + h * s;
                for (int col = 0; col < w; col += colStep) {
                    int cx = geo.imageX + col * s + s / 2;
                    c.g.setColor(Canvas.INK);
                    c.g.fillRect(cx, imageBottom, 1, ColorBar.TICK);
                    c.centred(Integer.toString(col), TICK_FONT, Canvas.INK, cx, imageBottom + ColorBar.TICK + 1);
                }
            }
            if (!xLabel.isEmpty()) {
                c.centred(xLabel, LABEL_FONT, Canvas.INK, geo.imageX + w * s / 2, geo.xLabelTop);
            }
            if (!yLabel.isEmpty()) {
                c.vertical(yLabel, LABEL_FONT, Canvas.INK, MARGIN + Canvas.lineHeight(LABEL_FONT) / 2, geo.imageY + h * s / 2);
            }
            geo.colorBar.ifPresent(box -> new ColorBar(map, r).draw(c, box.x(), box.y(), box.height()));
            return new Picture(c.image, geo.title);
        }
    }

    static final Font TITLE_FONT = Fonts.bold(15f);
    static final Font TICK_FONT = Fonts.plain(11f);
    static final Font LABEL_FONT = Fonts.plain(12f);

    private record Geometry(int width, int height, int imageX, int imageY, int imageW, int imageH, int xLabelTop,
                            String title, Optional<PictureLayout.Box> colorBar) {
        PictureLayout layout() {
            return new PictureLayout(width, height, List.of(new PictureLayout.Box(imageX, imageY, imageW, imageH)), colorBar);
        }
    }

    private Geometry geometry() {
        int s = effectiveScale();
        int h = values.length;
        int w = values[0].length;
        Raster.checkSize((long) w * s, (long) h * s);
        int imageW = w * s;
        int imageH = h * s;
        String t = effectiveTitle();
        ColorBar bar = new ColorBar(map, effectiveRange());

        int top = MARGIN + (t.isEmpty() ? bar.overhang() : Canvas.lineHeight(TITLE_FONT) + 8);
        int left = MARGIN;
        if (!yLabel.isEmpty()) {
            left += Canvas.lineHeight(LABEL_FONT) + 4;
        }
        if (axes) {
            left += Canvas.textWidth(TICK_FONT, Integer.toString(h - 1)) + ColorBar.TICK + 3;
        }
        int bottom = top + imageH;
        if (axes) {
            bottom += ColorBar.TICK + 1 + Canvas.lineHeight(TICK_FONT);
        }
        int xLabelTop = bottom + 2;
        if (!xLabel.isEmpty()) {
            bottom = xLabelTop + Canvas.lineHeight(LABEL_FONT);
        }
        int barH = Math.max(imageH, 64);
        int right = left + imageW + (colorBar ? 14 + bar.width(barH) : 0);
        int width = Math.max(right + MARGIN, Canvas.textWidth(TITLE_FONT, t) + 2 * MARGIN);
        // A title wider than the content: centre the content under it.
        int shift = (width - (right + MARGIN)) / 2;
        left += shift;
        Optional<PictureLayout.Box> barBox = Optional.empty();
        if (colorBar) {
            barBox = Optional.of(new PictureLayout.Box(left + imageW + 14, top, ColorBar.BAR_WIDTH, barH));
            bottom = Math.max(bottom, top + barH + bar.overhang());
        }
        int height = bottom + MARGIN;
        Raster.checkSize(width, height);
        return new Geometry(width, height, left, top, imageW, imageH, xLabelTop, t, barBox);
    }
}
