package org.visionbook.toolkit.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.visionbook.toolkit.detect.Box;
import org.visionbook.toolkit.detect.Detection;
import org.visionbook.toolkit.detect.GroundTruth;

/**
 * Colour canvases in a grid with boxes drawn over them: ground truth, predictions with their
 * scores, or any boxes (priors, an IoU example), optionally with the detector's grid.
 *
 * <pre>{@code
 * BoxGrid.of(test.features(0, 8)).truths(test.truths()).predictions(kept)
 *        .classNames(ShapeScenes.CLASS_NAMES).columns(4).render()
 * }</pre>
 *
 * <p>Canvas {@code k} of the array shows image number {@code firstImage + k} of the dataset:
 * ground truth and detections are matched to canvases by their image number. With predictions,
 * true boxes are drawn as thin white dashed outlines and predictions in their class colour with
 * "class score"; without, true boxes are drawn in their class colour with the class name.
 */
public final class BoxGrid {

    /** A categorical palette that reads on dark and light backgrounds. */
    static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF)};
    private static final Font TAG_FONT = Fonts.bold(10f);
    private static final int GAP = 10;
    private static final int MARGIN = 10;

    /** One box to draw: where, in which colour, how (dashed), with what tag (empty for none). */
    private record Mark(int image, Box box, Color color, boolean dashed, float width, String tag) {
    }

    private final List<BufferedImage> raw;
    private final int firstImage;
    private final int side;
    private List<String> classNames;
    private List<GroundTruth> truths = List.of();
    private List<Detection> predictions;
    private final List<Mark> extra = new ArrayList<>();
    private List<String> captions;
    private int scale = 4;
    private int columns;
    private int cells;
    private String title = "";

    private BoxGrid(List<BufferedImage> raw, int firstImage, int side) {
        this.raw = raw;
        this.firstImage = firstImage;
        this.side = side;
    }

    /** Canvases {@code [n, 3, H, W]} (RGB in [0, 1]) showing images 0 .. n - 1. */
    public static BoxGrid of(INDArray images) {
        return of(images, 0);
    }

    /** Canvases {@code [n, 3, H, W]} showing images {@code firstImage} .. {@code firstImage + n - 1}. */
    public static BoxGrid of(INDArray images, int firstImage) {
        Objects.requireNonNull(images, "images");
        if (images.rank() != 4 || images.size(1) != 3) {
            throw new IllegalArgumentException("a box grid needs RGB canvases [n, 3, H, W], got shape "
                    + Tensors.shape(images.shape()));
        }
        List<BufferedImage> list = new ArrayList<>();
        for (int i = 0; i < images.size(0); i++) {
            list.add(Raster.rgb(images.slice(i), 1));
        }
        return new BoxGrid(list, firstImage, (int) Math.max(images.size(2), images.size(3)));
    }

    /** A single blank (white) canvas of {@code width x height} to draw boxes on, e.g. to explain IoU. */
    public static BoxGrid blank(int count, int width, int height) {
        List<BufferedImage> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    img.setRGB(x, y, 0xF4F4F4);
                }
            }
            list.add(img);
        }
        return new BoxGrid(list, 0, Math.max(width, height));
    }

    public BoxGrid classNames(List<String> names) {
        this.classNames = List.copyOf(names);
        return this;
    }

    /** Ground-truth objects (of any images; those not shown are ignored). */
    public BoxGrid truths(List<GroundTruth> objects) {
        this.truths = List.copyOf(objects);
        return this;
    }

    /** Detections to draw with their class and score (of any images; those not shown are ignored). */
    public BoxGrid predictions(List<Detection> detections) {
        this.predictions = List.copyOf(detections);
        return this;
    }

    /** An extra box on canvas {@code k} (0 = first shown), in colour {@code palette} index, with a tag. */
    public BoxGrid box(int k, Box box, int paletteIndex, String tag) {
        extra.add(new Mark(firstImage + k, Objects.requireNonNull(box, "box"), color(paletteIndex), false, 2f,
                Objects.requireNonNull(tag, "tag")));
        return this;
    }

    /** An extra dashed box on canvas {@code k}, e.g. a prior. */
    public BoxGrid dashedBox(int k, Box box, int paletteIndex, String tag) {
        extra.add(new Mark(firstImage + k, Objects.requireNonNull(box, "box"), color(paletteIndex), true, 2f,
                Objects.requireNonNull(tag, "tag")));
        return this;
    }

    /** A caption under each canvas. */
    public BoxGrid captions(List<String> text) {
        if (text.size() != raw.size()) {
            throw new IllegalArgumentException("captions: expected " + raw.size() + " (one per canvas), got "
                    + text.size());
        }
        this.captions = List.copyOf(text);
        return this;
    }

    /** Draws the detector's grid of {@code n x n} cells over every canvas (0 = none). */
    public BoxGrid grid(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("grid cells must be >= 0, got " + n);
        }
        this.cells = n;
        return this;
    }

    /** Screen pixels per canvas pixel (default 4). */
    public BoxGrid scale(int s) {
        this.scale = Raster.checkScale(s);
        return this;
    }

    public BoxGrid columns(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + n);
        }
        this.columns = n;
        return this;
    }

    public BoxGrid title(String text) {
        this.title = Objects.requireNonNull(text, "title");
        return this;
    }

    public Picture render() {
        int n = raw.size();
        int cols = columns > 0 ? Math.min(columns, n) : TileSheet.autoColumns(n);
        int rows = (n + cols - 1) / cols;
        int tile = side * scale;
        int captionHeight = captions == null ? 0 : Canvas.lineHeight(TileSheet.CAPTION_FONT) + 4;
        int top = MARGIN + (title.isEmpty() ? 0 : Canvas.lineHeight(Heatmap.TITLE_FONT) + 8);
        int width = Math.max(2 * MARGIN + cols * tile + (cols - 1) * GAP, Canvas.textWidth(Heatmap.TITLE_FONT,
                title) + 2 * MARGIN);
        int height = top + rows * (tile + captionHeight) + (rows - 1) * GAP + MARGIN;
        Raster.checkSize(width, height);
        List<Mark> marks = marks();
        try (Canvas c = new Canvas(width, height)) {
            if (!title.isEmpty()) {
                c.centred(title, Heatmap.TITLE_FONT, Canvas.INK, width / 2, MARGIN);
            }
            for (int k = 0; k < n; k++) {
                int x0 = MARGIN + (k % cols) * (tile + GAP);
                int y0 = top + (k / cols) * (tile + captionHeight + GAP);
                BufferedImage img = raw.get(k);
                c.g.drawImage(img, x0, y0, img.getWidth() * scale, img.getHeight() * scale, null);
                if (cells > 0) {
                    drawGrid(c, x0, y0, img.getWidth() * scale, img.getHeight() * scale);
                }
                for (Mark m : marks) {
                    if (m.image() == firstImage + k) {
                        drawMark(c, m, x0, y0, img.getWidth() * scale, img.getHeight() * scale);
                    }
                }
                if (captions != null) {
                    c.centred(Canvas.fit(TileSheet.CAPTION_FONT, captions.get(k), tile + GAP - 2),
                            TileSheet.CAPTION_FONT,
                            Canvas.INK, x0 + tile / 2, y0 + tile + 2);
                }
            }
            return new Picture(c.image, title);
        }
    }

    private List<Mark> marks() {
        List<Mark> marks = new ArrayList<>();
        boolean withPredictions = predictions != null;
        for (GroundTruth t : truths) {
            if (withPredictions) {
                marks.add(new Mark(t.image(), t.box(), Color.WHITE, true, 1.5f, ""));
            } else {
                marks.add(new Mark(t.image(), t.box(), color(t.label()), false, 2f, name(t.label())));
            }
        }
        if (withPredictions) {
            List<Detection> ordered = new ArrayList<>(predictions);
            ordered.sort((a, b) -> Double.compare(a.score(), b.score())); // surest drawn last, on top
            for (Detection d : ordered) {
                marks.add(new Mark(d.image(), d.box(), color(d.label()), false, 2f,
                        String.format(Locale.ROOT, "%s %.2f", name(d.label()), d.score())));
            }
        }
        marks.addAll(extra);
        return marks;
    }

    private void drawGrid(Canvas c, int x0, int y0, int w, int h) {
        c.g.setColor(new Color(255, 255, 255, 90));
        for (int i = 1; i < cells; i++) {
            int x = x0 + i * w / cells;
            int y = y0 + i * h / cells;
            c.g.drawLine(x, y0, x, y0 + h - 1);
            c.g.drawLine(x0, y, x0 + w - 1, y);
        }
    }

    private void drawMark(Canvas c, Mark m, int x0, int y0, int w, int h) {
        int x1 = x0 + (int) Math.round(m.box().x1() * scale);
        int y1 = y0 + (int) Math.round(m.box().y1() * scale);
        int x2 = x0 + (int) Math.round(m.box().x2() * scale);
        int y2 = y0 + (int) Math.round(m.box().y2() * scale);
        java.awt.Shape clip = c.g.getClip();
        c.g.setClip(x0, y0, w, h);
        Stroke saved = c.g.getStroke();
        c.g.setStroke(m.dashed() ? new BasicStroke(m.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f) : new BasicStroke(m.width()));
        if (m.dashed() && m.color().equals(Color.WHITE)) { // a dark halo keeps white outlines visible on light canvases
            c.g.setColor(new Color(0, 0, 0, 120));
            c.g.drawRect(x1 + 1, y1 + 1, x2 - x1, y2 - y1);
        }
        c.g.setColor(m.color());
        c.g.drawRect(x1, y1, x2 - x1, y2 - y1);
        c.g.setStroke(saved);
        if (!m.tag().isEmpty()) {
            int tw = Canvas.textWidth(TAG_FONT, m.tag()) + 4;
            int th = Canvas.lineHeight(TAG_FONT);
            int tx = Math.min(Math.max(x1, x0), x0 + w - tw);
            int ty = y1 - th >= y0 ? y1 - th : Math.min(y2, y0 + h - th);
            c.g.setColor(m.color());
            c.g.fillRect(tx, ty, tw, th);
            c.leftAt(m.tag(), TAG_FONT, Color.WHITE, tx + 2, ty + th / 2);
        }
        c.g.setClip(clip);
    }

    private String name(int label) {
        return classNames != null && label < classNames.size() ? classNames.get(label) : Integer.toString(label);
    }

    static Color color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }
}
