package org.visionbook.toolkit.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Many small images in a grid, each captioned with its label, e.g. 64 MNIST digits in 8 x 8.
 * Given predictions too, every mistake is framed and captioned in red as "true → predicted".
 *
 * <pre>{@code
 * ImageGrid.of(features)                    // [64, 784], [64, 28, 28] or [64, 1, 28, 28]
 *          .labels(trueLabels)              // int[] or an INDArray of indices / one-hot rows
 *          .predictions(net.output(features)) // scores: the argmax is taken
 *          .title("Test digits").render();
 * }</pre>
 *
 * Immutable: every option returns a new grid. Defaults: black-to-white over [0, 1] when the data
 * lie in it (else the data's own range), about 84 px per image, a square-ish number of columns.
 */
public final class ImageGrid {

    static final int DEFAULT_TILE_PIXELS = 84;

    private final List<float[][]> images;
    private final int[] labels;
    private final int[] predictions;
    private final List<String> classNames;
    private final List<String> captions;
    private final ColorMap map;
    private final ValueRange range;
    private final int scale;
    private final int columns;
    private final String title;
    private final boolean colorBar;
    private final List<String> rowLabels;

    private ImageGrid(List<float[][]> images, int[] labels, int[] predictions, List<String> classNames,
                      List<String> captions, ColorMap map, ValueRange range, int scale, int columns, String title,
                      boolean colorBar, List<String> rowLabels) {
        this.images = images;
        this.labels = labels;
        this.predictions = predictions;
        this.classNames = classNames;
        this.captions = captions;
        this.map = map;
        this.range = range;
        this.scale = scale;
        this.columns = columns;
        this.title = title;
        this.colorBar = colorBar;
        this.rowLabels = rowLabels;
    }

    private static ImageGrid create(List<float[][]> images) {
        for (int i = 1; i < images.size(); i++) {
            float[][] a = images.get(0);
            float[][] b = images.get(i);
            if (a.length != b.length || a[0].length != b[0].length) {
                throw new IllegalArgumentException("images must all have one size: image " + i + " is " + b.length + " x "
                        + b[0].length + ", image 0 is " + a.length + " x " + a[0].length);
            }
        }
        return new ImageGrid(List.copyOf(images), null, null, null, null, ColorMap.GREYS, null, 0, 0, null, false, List.of());
    }

    /** Images from [N, H, W], [N, 1, H, W], or [N, H*W] rows of square images (e.g. [64, 784]). */
    public static ImageGrid of(INDArray images) {
        return create(Tensors.images(images, "images"));
    }

    /** Images of {@code height x width} from [N, height*width] rows (or [N, height, width]). */
    public static ImageGrid of(INDArray images, int height, int width) {
        return create(Tensors.images(images, height, width, "images"));
    }

    /** Images from rows of {@code height * width} values each. */
    public static ImageGrid of(float[][] rows, int height, int width) {
        return create(Tensors.images(rows, height, width, "images"));
    }

    /** Images from rows of {@code height * width} doubles each (copied as floats). */
    public static ImageGrid of(double[][] rows, int height, int width) {
        return of(Tensors.floats(rows, "images"), height, width);
    }

    /** Images given one by one, each [H][W]; all must have the same size. */
    public static ImageGrid of(List<float[][]> images) {
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException("images: expected at least one image");
        }
        List<float[][]> copies = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            copies.add(Tensors.image(images.get(i), "image " + i));
        }
        return create(copies);
    }

    public int size() {
        return images.size();
    }

    /** True labels, one class index per image. */
    public ImageGrid labels(int... trueLabels) {
        return new ImageGrid(images, checkedClasses(trueLabels, "labels"), predictions, classNames, captions, map, range,
                scale, columns, title, colorBar, rowLabels);
    }

    /** True labels as [N] class indices or [N, K] one-hot rows. */
    public ImageGrid labels(INDArray trueLabels) {
        return labels(Tensors.classes(trueLabels, "labels"));
    }

    /** Predicted labels, one class index per image; those that differ from the true labels show in red. */
    public ImageGrid predictions(int... predicted) {
        return new ImageGrid(images, labels, checkedClasses(predicted, "predictions"), classNames, captions, map, range,
                scale, columns, title, colorBar, rowLabels);
    }

    /** Predictions as [N] class indices or [N, K] scores (a network's output; the argmax is taken). */
    public ImageGrid predictions(INDArray predicted) {
        return predictions(Tensors.classes(predicted, "predictions"));
    }

    /** Names to show instead of class indices, e.g. "T-shirt/top", "Trouser", ... */
    public ImageGrid classNames(List<String> names) {
        List<String> copy = List.copyOf(names);
        checkNamed(labels, copy, "labels");
        checkNamed(predictions, copy, "predictions");
        return new ImageGrid(images, labels, predictions, copy, captions, map, range, scale, columns, title, colorBar, rowLabels);
    }

    public ImageGrid classNames(String... names) {
        return classNames(Arrays.asList(names));
    }

    /** Free-text captions, one per image, used when there are no labels. */
    public ImageGrid captions(List<String> text) {
        List<String> copy = List.copyOf(text);
        if (copy.size() != images.size()) {
            throw new IllegalArgumentException("captions: expected " + images.size() + " (one per image), got " + copy.size());
        }
        return new ImageGrid(images, labels, predictions, classNames, copy, map, range, scale, columns, title, colorBar, rowLabels);
    }

    public ImageGrid colorMap(ColorMap newMap) {
        return new ImageGrid(images, labels, predictions, classNames, captions, Objects.requireNonNull(newMap, "colour map"),
                range, scale, columns, title, colorBar, rowLabels);
    }

    /** The values shown black and white (or the map's ends); without it [0, 1], or the data's range if they leave [0, 1]. */
    public ImageGrid range(ValueRange newRange) {
        return new ImageGrid(images, labels, predictions, classNames, captions, map, Objects.requireNonNull(newRange, "range"),
                scale, columns, title, colorBar, rowLabels);
    }

    /** Pixels per value along each side. */
    public ImageGrid scale(int newScale) {
        return new ImageGrid(images, labels, predictions, classNames, captions, map, range, Raster.checkScale(newScale),
                columns, title, colorBar, rowLabels);
    }

    public ImageGrid columns(int newColumns) {
        if (newColumns < 1) {
            throw new IllegalArgumentException("columns must be at least 1; got " + newColumns);
        }
        return new ImageGrid(images, labels, predictions, classNames, captions, map, range, scale, newColumns, title, colorBar, rowLabels);
    }

    public ImageGrid title(String newTitle) {
        return new ImageGrid(images, labels, predictions, classNames, captions, map, range, scale, columns,
                Objects.requireNonNull(newTitle, "title"), colorBar, rowLabels);
    }

    /**
     * A label left of each row, top to bottom (at most one per row), e.g. the name of what was
     * done to the images of that row. Pair it with {@link #columns} so each row holds one group.
     */
    public ImageGrid rowLabels(List<String> labels) {
        List<String> copy = List.copyOf(labels);
        int cols = columns > 0 ? columns : TileSheet.autoColumns(images.size());
        int rows = (images.size() + cols - 1) / cols;
        if (copy.size() > rows) {
            throw new IllegalArgumentException("row labels: " + copy.size() + " given, but " + images.size() + " images in "
                    + cols + " columns make only " + rows + " rows (set columns(...) first)");
        }
        return new ImageGrid(images, this.labels, predictions, classNames, captions, map, range, scale, columns, title, colorBar,
                copy);
    }

    public ImageGrid rowLabels(String... labels) {
        return rowLabels(Arrays.asList(labels));
    }

    /** Whether a colour bar shows the value range (off by default). */
    public ImageGrid colorBar(boolean show) {
        return new ImageGrid(images, labels, predictions, classNames, captions, map, range, scale, columns, title, show, rowLabels);
    }

    /** How many images have a prediction different from the true label (0 without both). */
    public int mistakes() {
        if (labels == null || predictions == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != predictions[i]) {
                n++;
            }
        }
        return n;
    }

    public PictureLayout layout() {
        return sheet().layout();
    }

    public Picture render() {
        return sheet().render();
    }

    private TileSheet sheet() {
        ValueRange r = range != null ? range : defaultRange();
        int h = images.get(0).length;
        int w = images.get(0)[0].length;
        int s = scale > 0 ? scale : Raster.scaleFor(h, w, DEFAULT_TILE_PIXELS);
        int cols = columns > 0 ? columns : TileSheet.autoColumns(images.size());
        String arrow = " " + Fonts.glyphOr("\u2192", "->") + " ";
        List<TileSheet.Tile> tiles = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            List<TileSheet.Caption> caption = new ArrayList<>(2);
            Color frame = null;
            if (labels != null && predictions != null && labels[i] != predictions[i]) {
                frame = Canvas.MISTAKE;
                String both = name(labels[i]) + arrow + name(predictions[i]);
                if (Canvas.textWidth(TileSheet.MISTAKE_FONT, both) <= w * s + TileSheet.GAP_X - 2) {
                    caption.add(new TileSheet.Caption(both, Canvas.MISTAKE, TileSheet.MISTAKE_FONT));
                } else {
                    caption.add(new TileSheet.Caption(name(labels[i]), Canvas.MISTAKE, TileSheet.MISTAKE_FONT));
                    caption.add(new TileSheet.Caption(arrow.strip() + " " + name(predictions[i]), Canvas.MISTAKE, TileSheet.MISTAKE_FONT));
                }
            } else if (labels != null) {
                caption.add(new TileSheet.Caption(name(labels[i]), Canvas.INK, TileSheet.CAPTION_FONT));
            } else if (predictions != null) {
                caption.add(new TileSheet.Caption(name(predictions[i]), Canvas.INK, TileSheet.CAPTION_FONT));
            } else if (captions != null) {
                caption.add(new TileSheet.Caption(captions.get(i), Canvas.INK, TileSheet.CAPTION_FONT));
            }
            tiles.add(new TileSheet.Tile(images.get(i), r, caption, frame));
        }
        return new TileSheet(title != null ? title : defaultTitle(), subtitle(arrow), map, s, cols, tiles, rowLabels, List.of(),
                colorBar ? new ColorBar(map, r) : null, false);
    }

    private ValueRange defaultRange() {
        ValueRange fitted = map.fit(flatten());
        boolean inUnit = fitted.min() >= 0 && fitted.max() <= 1;
        return inUnit && !map.isDiverging() ? ValueRange.unit() : fitted;
    }

    private float[][] flatten() {
        List<float[]> rows = new ArrayList<>();
        for (float[][] img : images) {
            rows.addAll(Arrays.asList(img));
        }
        return rows.toArray(new float[0][]);
    }

    private String defaultTitle() {
        int n = images.size();
        if (labels != null && predictions != null) {
            int wrong = mistakes();
            return (n - wrong) + " of " + n + " right, " + wrong + (wrong == 1 ? " mistake" : " mistakes");
        }
        return n + (n == 1 ? " image" : " images");
    }

    private String subtitle(String arrow) {
        if (labels != null && predictions != null) {
            return "caption: true label; mistakes in red as true" + arrow + "predicted";
        }
        if (labels != null) {
            return "caption: true label";
        }
        if (predictions != null) {
            return "caption: predicted label";
        }
        return "";
    }

    private String name(int cls) {
        return classNames != null ? classNames.get(cls) : Integer.toString(cls);
    }

    private int[] checkedClasses(int[] classes, String what) {
        Objects.requireNonNull(classes, what);
        if (classes.length != images.size()) {
            throw new IllegalArgumentException(what + ": expected " + images.size() + " (one per image), got " + classes.length);
        }
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0) {
                throw new IllegalArgumentException(what + ": class indices must be >= 0; index " + i + " is " + classes[i]);
            }
        }
        checkNamed(classes, classNames, what);
        return classes.clone();
    }

    private static void checkNamed(int[] classes, List<String> names, String what) {
        if (classes == null || names == null) {
            return;
        }
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] >= names.size()) {
                throw new IllegalArgumentException(what + ": class " + classes[i] + " at index " + i + " has no name ("
                        + names.size() + " class names given)");
            }
        }
    }
}
