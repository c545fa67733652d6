package org.visionbook.toolkit.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The channels of one activation tensor [C, H, W] side by side, e.g. the 6 maps a LeNet's first
 * convolution makes of one digit.
 *
 * <pre>{@code
 * FeatureMapGrid.of(activations.slice(0)).title("conv1 on a 7").render();
 * FeatureMapGrid.of(maps).normalization(Normalization.JOINT).render();   // compare strengths
 * }</pre>
 *
 * Immutable. Defaults: each map over its own range ({@link Normalization#SEPARATE}), the
 * sequential colour map, about 84 px per map, a square-ish number of columns.
 */
public final class FeatureMapGrid {

    private final List<float[][]> maps;
    private final Normalization normalization;
    private final ColorMap map;
    private final ValueRange range;
    private final int scale;
    private final int columns;
    private final String title;

    private FeatureMapGrid(List<float[][]> maps, Normalization normalization, ColorMap map, ValueRange range, int scale,
                           int columns, String title) {
        this.maps = maps;
        this.normalization = normalization;
        this.map = map;
        this.range = range;
        this.scale = scale;
        this.columns = columns;
        this.title = title;
    }

    /** Feature maps [C, H, W], or [1, C, H, W] (one example of a batch). */
    public static FeatureMapGrid of(INDArray featureMaps) {
        return new FeatureMapGrid(Tensors.featureMaps(featureMaps, "feature maps"), Normalization.SEPARATE,
                ColorMap.SEQUENTIAL, null, 0, 0, null);
    }

    /** Feature maps as maps[c][h][w]. */
    public static FeatureMapGrid of(float[][][] featureMaps) {
        if (featureMaps == null || featureMaps.length == 0) {
            throw new IllegalArgumentException("feature maps: expected shape [C, H, W] with C >= 1, got none");
        }
        List<float[][]> copies = new ArrayList<>();
        for (int c = 0; c < featureMaps.length; c++) {
            copies.add(Tensors.image(featureMaps[c], "feature map " + c));
        }
        return new FeatureMapGrid(copies, Normalization.SEPARATE, ColorMap.SEQUENTIAL, null, 0, 0, null);
    }

    /** Feature maps as maps[c][h][w] of doubles (copied as floats). */
    public static FeatureMapGrid of(double[][][] featureMaps) {
        if (featureMaps == null || featureMaps.length == 0) {
            throw new IllegalArgumentException("feature maps: expected shape [C, H, W] with C >= 1, got none");
        }
        float[][][] maps = new float[featureMaps.length][][];
        for (int c = 0; c < featureMaps.length; c++) {
            maps[c] = Tensors.image(featureMaps[c], "feature map " + c);
        }
        return of(maps);
    }

    public int channels() {
        return maps.size();
    }

    public FeatureMapGrid normalization(Normalization n) {
        return new FeatureMapGrid(maps, Objects.requireNonNull(n, "normalization"), map, range, scale, columns, title);
    }

    public FeatureMapGrid colorMap(ColorMap newMap) {
        return new FeatureMapGrid(maps, normalization, Objects.requireNonNull(newMap, "colour map"), range, scale, columns, title);
    }

    /** One stated range for all maps; implies {@link Normalization#JOINT}. */
    public FeatureMapGrid range(ValueRange newRange) {
        return new FeatureMapGrid(maps, Normalization.JOINT, map, Objects.requireNonNull(newRange, "range"), scale, columns, title);
    }

    public FeatureMapGrid scale(int newScale) {
        return new FeatureMapGrid(maps, normalization, map, range, Raster.checkScale(newScale), columns, title);
    }

    public FeatureMapGrid columns(int newColumns) {
        if (newColumns < 1) {
            throw new IllegalArgumentException("columns must be at least 1; got " + newColumns);
        }
        return new FeatureMapGrid(maps, normalization, map, range, scale, newColumns, title);
    }

    public FeatureMapGrid title(String newTitle) {
        return new FeatureMapGrid(maps, normalization, map, range, scale, columns, Objects.requireNonNull(newTitle, "title"));
    }

    public PictureLayout layout() {
        return sheet().layout();
    }

    public Picture render() {
        return sheet().render();
    }

    private TileSheet sheet() {
        int h = maps.get(0).length;
        int w = maps.get(0)[0].length;
        int s = scale > 0 ? scale : Raster.scaleFor(h, w, ImageGrid.DEFAULT_TILE_PIXELS);
        int cols = columns > 0 ? columns : TileSheet.autoColumns(maps.size());
        boolean joint = normalization == Normalization.JOINT;
        ValueRange shared = range != null ? range : map.fit(all());
        List<TileSheet.Tile> tiles = new ArrayList<>();
        for (int c = 0; c < maps.size(); c++) {
            float[][] m = maps.get(c);
            List<TileSheet.Caption> caption = new ArrayList<>(2);
            caption.add(new TileSheet.Caption("ch " + c, Canvas.INK, TileSheet.LABEL_FONT));
            ValueRange r = shared;
            if (!joint) {
                r = map.fit(m);
                caption.add(new TileSheet.Caption(rangeText(r), Canvas.MUTED, TileSheet.SMALL_FONT));
            }
            tiles.add(new TileSheet.Tile(m, r, caption, null));
        }
        String t = title != null ? title
                : maps.size() + " feature maps, " + h + " x " + w;
        String sub = joint ? "all maps on one colour scale" : "each map on its own colour scale (its range under it)";
        ColorBar bar = joint ? new ColorBar(map, shared)
                : map.isDiverging() ? new ColorBar(map, "-max |map|", "+max |map|") : new ColorBar(map, "map min", "map max");
        return new TileSheet(t, sub, map, s, cols, tiles, List.of(), List.of(), bar, true);
    }

    private String rangeText(ValueRange r) {
        if (map.isDiverging()) {
            return Fonts.glyphOr("\u00B1", "+/-") + Ticks.format(r.max());
        }
        return Ticks.format(r.min()) + " .. " + Ticks.format(r.max());
    }

    private float[][] all() {
        List<float[]> rows = new ArrayList<>();
        for (float[][] m : maps) {
            rows.addAll(List.of(m));
        }
        return rows.toArray(new float[0][]);
    }
}
