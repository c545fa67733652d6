package org.visionbook.toolkit.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
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
    private final String numberFormat; // null: no numbers in the cells
    private final String[][] cellText; // null: the numbers (if any) are the values themselves

    private Heatmap(float[][] values, ColorMap map, ValueRange range, int scale, String title,
                    String xLabel, String yLabel, boolean axes, boolean colorBar, String numberFormat) {
        this(values, map, range, scale, title, xLabel, yLabel, axes, colorBar, numberFormat, null);
    }

    private Heatmap(float[][] values, ColorMap map, ValueRange range, int scale, String title,
                    String xLabel, String yLabel, boolean axes, boolean colorBar, String numberFormat,
                    String[][] cellText) {
        this.values = values;
        this.map = map;
        this.range = range;
        this.scale = scale;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.axes = axes;
        this.colorBar = colorBar;
        this.numberFormat = numberFormat;
        this.cellText = cellText;
    }

    /** A heatmap of {@code values} [H][W] (copied). */
    public static Heatmap of(float[][] values) {
        return new Heatmap(Tensors.image(values, "heatmap values"), ColorMap.SEQUENTIAL, null, 0, null, "", "", true, true, null);
    }

    /** A heatmap of {@code values} [H][W] (copied as floats). */
    public static Heatmap of(double[][] values) {
        return of(Tensors.image(values, "heatmap values"));
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
        return new Heatmap(values, Objects.requireNonNull(newMap, "colour map"), range, scale, title, xLabel,
                yLabel, axes, colorBar, numberFormat, cellText);
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
        return new Heatmap(values, map, Objects.requireNonNull(newRange, "range"), scale, title, xLabel, yLabel,
                axes, colorBar, numberFormat, cellText);
    }

    /** Pixels per value along each side (a whole number, nearest-neighbour upscaling). */
    public Heatmap scale(int newScale) {
        return new Heatmap(values, map, range, Raster.checkScale(newScale), title, xLabel, yLabel, axes, colorBar,
                numberFormat, cellText);
    }

    public Heatmap title(String newTitle) {
        return new Heatmap(values, map, range, scale, Objects.requireNonNull(newTitle, "title"), xLabel, yLabel,
                axes, colorBar, numberFormat, cellText);
    }

    /** Names for the horizontal (column) and vertical (row) axes. */
    public Heatmap axisLabels(String x, String y) {
        return new Heatmap(values, map, range, scale, title, Objects.requireNonNull(x, "x label"),
                Objects.requireNonNull(y, "y label"), axes, colorBar, numberFormat, cellText);
    }

    /** Whether row and column indices are drawn (on by default). */
    public Heatmap axes(boolean show) {
        return new Heatmap(values, map, range, scale, title, xLabel, yLabel, show, colorBar, numberFormat, cellText);
    }

    /** Whether the colour bar is drawn (on by default). */
    public Heatmap colorBar(boolean show) {
        return new Heatmap(values, map, range, scale, title, xLabel, yLabel, axes, show, numberFormat, cellText);
    }

    /**
     * Writes each cell's value in it, formatted with {@code format} (e.g. {@code "%.0f"} or
     * {@code "%.2f"}, always with a dot for decimals), dark on light cells and white on dark ones.
     * The text shrinks to fit its cell; {@link #render()} throws when cells are too small to hold
     * readable numbers.
     */
    public Heatmap numbers(String format) {
        String f = Objects.requireNonNull(format, "number format");
        try {
            String.format(Locale.ROOT, f, 0.5f);
        } catch (IllegalFormatException e) {
            throw new IllegalArgumentException("'" + f + "' is not a format for one number, such as \"%.2f\": " + e.getMessage(), e);
        }
        return new Heatmap(values, map, range, scale, title, xLabel, yLabel, axes, colorBar, f, null);
    }

    /**
     * Writes {@code text[row][col]} in each cell instead of its value, e.g. counts in a confusion
     * matrix whose colours show shares; an empty string leaves a cell blank. Same ink and fitting
     * rules as {@link #numbers(String)}.
     *
     * @throws IllegalArgumentException when {@code text} is not the heatmap's shape
     */
    public Heatmap cellText(String[][] text) {
        Objects.requireNonNull(text, "cell text");
        if (text.length != values.length) {
            throw new IllegalArgumentException("cell text has " + text.length + " rows; the heatmap has "
                    + values.length);
        }
        String[][] copy = new String[text.length][];
        for (int r = 0; r < text.length; r++) {
            if (text[r] == null || text[r].length != values[0].length) {
                throw new IllegalArgumentException("cell text row " + r + " has "
                        + (text[r] == null ? "none (null)" : text[r].length)
                        + " entries; the heatmap has " + values[0].length + " columns");
            }
            copy[r] = text[r].clone();
            for (int c = 0; c < copy[r].length; c++) {
                copy[r][c] = Objects.requireNonNullElse(copy[r][c], "");
            }
        }
        return new Heatmap(values, map, range, scale, title, xLabel, yLabel, axes, colorBar, null, copy);
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
            if (numberFormat != null || cellText != null) {
                drawNumbers(c, r, s, geo.imageX, geo.imageY);
            }
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

    /** Each value written in its cell, in the largest font up to 13 pt that fits the widest number. */
    private void drawNumbers(Canvas c, ValueRange r, int s, int x0, int y0) {
        int h = values.length;
        int w = values[0].length;
        String[][] text = new String[h][w];
        String widest = "";
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                text[row][col] = cellText != null ? cellText[row][col]
                        : withoutNegativeZero(String.format(Locale.ROOT, numberFormat, values[row][col]));
                if (text[row][col].length() > widest.length()) {
                    widest = text[row][col];
                }
            }
        }
        float size = 13f;
        Font font = Fonts.plain(size);
        while (size >= MIN_NUMBER_PT && (Canvas.textWidth(font, widest) > s - 2 || Canvas.lineHeight(font) > s)) {
            size -= 0.5f;
            font = Fonts.plain(size);
        }
        if (size < MIN_NUMBER_PT) {
            throw new IllegalArgumentException("cells of " + s + " px are too small to write numbers such as '" + widest
                    + "' in; use a larger scale(...), fewer decimals in numbers(...), or a smaller part of the array");
        }
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int rgb = map.rgb(values[row][col], r);
                Color ink = luminance(rgb) < 0.5 ? Color.WHITE : Canvas.INK;
                c.centred(text[row][col], font, ink, x0 + col * s + s / 2, y0 + row * s + (s - Canvas.lineHeight(font)) / 2);
            }
        }
    }

    /** "-0.00" (a tiny negative number, or -0.0, rounded) reads as a mistake: write "0.00". */
    static String withoutNegativeZero(String number) {
        return number.matches("-0*\\.?0*(E[+-]?\\d+)?") ? number.substring(1) : number;
    }

    /** Relative brightness 0 (black) to 1 (white), Rec. 601 weights. */
    private static double luminance(int rgb) {
        return (0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF)) / 255.0;
    }

    /** Numbers smaller than this are unreadable. */
    static final float MIN_NUMBER_PT = 6.5f;
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
