package org.visionbook.toolkit.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Convolution weights [O, I, kH, kW] as small signed pictures: blue below zero, white at zero,
 * red above. Either one row per output channel (one column per input channel) or all kernels
 * tiled in a square-ish block.
 *
 * <pre>{@code
 * FilterGrid.of(net.getLayer(0).getParam("W")).title("conv1 after training").render();
 * }</pre>
 *
 * Immutable. Defaults: the diverging map on one range symmetric about zero for all kernels,
 * {@link Arrangement#AUTO}, about 120 px per kernel (a 5 x 5 kernel gets 24 px per weight, large enough
 * to see each one).
 */
public final class FilterGrid {

    static final int DEFAULT_TILE_PIXELS = 120;

    /** How kernels are laid out. */
    public enum Arrangement {
        /** {@link #ROWS} when there are 2 to 16 input channels, else {@link #TILED}. */
        AUTO,
        /** One row per output channel, one column per input channel. */
        ROWS,
        /** All kernels in order (output channel major) in a square-ish block. */
        TILED
    }

    private final float[][][][] weights;
    private final Arrangement arrangement;
    private final Normalization normalization;
    private final ColorMap map;
    private final ValueRange range;
    private final int scale;
    private final int columns;
    private final String title;

    private FilterGrid(float[][][][] weights, Arrangement arrangement, Normalization normalization, ColorMap map,
                       ValueRange range, int scale, int columns, String title) {
        this.weights = weights;
        this.arrangement = arrangement;
        this.normalization = normalization;
        this.map = map;
        this.range = range;
        this.scale = scale;
        this.columns = columns;
        this.title = title;
    }

    /** Conv weights [O, I, kH, kW] (DL4J's layout for a 2-D convolution's "W"). */
    public static FilterGrid of(INDArray weights) {
        return new FilterGrid(Tensors.filters(weights, "conv weights"), Arrangement.AUTO, Normalization.JOINT,
                ColorMap.DIVERGING, null, 0, 0, null);
    }

    public int outChannels() {
        return weights.length;
    }

    public int inChannels() {
        return weights[0].length;
    }

    public FilterGrid arrangement(Arrangement a) {
        return new FilterGrid(weights, Objects.requireNonNull(a, "arrangement"), normalization, map, range, scale, columns, title);
    }

    public FilterGrid normalization(Normalization n) {
        return new FilterGrid(weights, arrangement, Objects.requireNonNull(n, "normalization"), map, range, scale, columns, title);
    }

    public FilterGrid colorMap(ColorMap newMap) {
        return new FilterGrid(weights, arrangement, normalization, Objects.requireNonNull(newMap, "colour map"), range, scale,
                columns, title);
    }

    /** One stated range for all kernels; implies {@link Normalization#JOINT}. */
    public FilterGrid range(ValueRange newRange) {
        return new FilterGrid(weights, arrangement, Normalization.JOINT, map, Objects.requireNonNull(newRange, "range"), scale,
                columns, title);
    }

    public FilterGrid scale(int newScale) {
        return new FilterGrid(weights, arrangement, normalization, map, range, Raster.checkScale(newScale), columns, title);
    }

    /** Columns when tiled (ignored for {@link Arrangement#ROWS}). */
    public FilterGrid columns(int newColumns) {
        if (newColumns < 1) {
            throw new IllegalArgumentException("columns must be at least 1; got " + newColumns);
        }
        return new FilterGrid(weights, arrangement, normalization, map, range, scale, newColumns, title);
    }

    public FilterGrid title(String newTitle) {
        return new FilterGrid(weights, arrangement, normalization, map, range, scale, columns,
                Objects.requireNonNull(newTitle, "title"));
    }

    /** The arrangement AUTO resolves to for these weights. */
    public Arrangement effectiveArrangement() {
        if (arrangement != Arrangement.AUTO) {
            return arrangement;
        }
        int in = inChannels();
        return in >= 2 && in <= 16 ? Arrangement.ROWS : Arrangement.TILED;
    }

    public PictureLayout layout() {
        return sheet().layout();
    }

    public Picture render() {
        return sheet().render();
    }

    private TileSheet sheet() {
        int out = outChannels();
        int in = inChannels();
        int kh = weights[0][0].length;
        int kw = weights[0][0][0].length;
        int s = scale > 0 ? scale : Raster.scaleFor(kh, kw, DEFAULT_TILE_PIXELS);
        boolean rows = effectiveArrangement() == Arrangement.ROWS;
        boolean joint = normalization == Normalization.JOINT;
        List<float[][]> kernels = new ArrayList<>(out * in);
        for (float[][][] perOut : weights) {
            kernels.addAll(List.of(perOut));
        }
        ValueRange shared = range != null ? range : map.fit(flatten(kernels));
        List<TileSheet.Tile> tiles = new ArrayList<>(kernels.size());
        for (int k = 0; k < kernels.size(); k++) {
            float[][] kernel = kernels.get(k);
            List<TileSheet.Caption> caption = new ArrayList<>(2);
            if (!rows) {
                String name = in == 1 ? "out " + k / in : "o" + k / in + " i" + k % in;
                caption.add(new TileSheet.Caption(name, Canvas.INK, TileSheet.SMALL_FONT));
            }
            ValueRange r = shared;
            if (!joint) {
                r = map.fit(kernel);
                caption.add(new TileSheet.Caption(map.isDiverging() ? Fonts.glyphOr("\u00B1", "+/-") + Ticks.format(r.max())
                        : Ticks.format(r.min()) + " .. " + Ticks.format(r.max()), Canvas.MUTED, TileSheet.SMALL_FONT));
            }
            tiles.add(new TileSheet.Tile(kernel, r, caption, null));
        }
        List<String> rowLabels = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        int cols;
        if (rows) {
            cols = in;
            for (int o = 0; o < out; o++) {
                rowLabels.add("out " + o);
            }
            for (int i = 0; i < in; i++) {
                headers.add("in " + i);
            }
        } else {
            cols = columns > 0 ? columns : TileSheet.autoColumns(kernels.size());
        }
        String t = title != null ? title
                : in == 1 ? out + " filters, " + kh + " x " + kw
                : out + " x " + in + " filters (out x in), " + kh + " x " + kw;
        String sub = (map.isDiverging() ? "blue < 0 < red; " : "")
                + (joint ? "one colour scale for all" : "each kernel on its own colour scale");
        ColorBar bar = joint ? new ColorBar(map, shared)
                : map.isDiverging() ? new ColorBar(map, "-max |w|", "+max |w|") : new ColorBar(map, "kernel min", "kernel max");
        return new TileSheet(t, sub, map, s, cols, tiles, rowLabels, headers, bar, true);
    }

    private static float[][] flatten(List<float[][]> kernels) {
        List<float[]> rows = new ArrayList<>();
        for (float[][] k : kernels) {
            rows.addAll(List.of(k));
        }
        return rows.toArray(new float[0][]);
    }
}
