package org.visionbook.toolkit.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;

/**
 * A finished picture (a grid, a heatmap) and its title. A notebook shows it as a PNG; {@link #image()}
 * is the plain BufferedImage for anything that wants one.
 */
public record Picture(BufferedImage image, String title) implements Displayable {

    public Picture {
        Objects.requireNonNull(image, "image");
        title = title == null ? "" : title;
    }

    /** A chart drawn at its own size, e.g. to save next to pictures or to compose. */
    public static Picture of(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return new Picture(BitmapEncoder.getBufferedImage(chart), title);
    }

    /** {@code image} with {@code caption} written centred under it, e.g. to label the pictures of a {@link #row}. */
    public static Picture captioned(BufferedImage image, String caption) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(caption, "caption");
        int width = Math.max(image.getWidth(), Canvas.textWidth(CAPTION_FONT, caption));
        int height = image.getHeight() + 4 + Canvas.lineHeight(CAPTION_FONT);
        Raster.checkSize(width, height);
        try (Canvas c = new Canvas(width, height)) {
            c.g.drawImage(image, (width - image.getWidth()) / 2, 0, null);
            c.centred(caption, CAPTION_FONT, Canvas.INK, width / 2, image.getHeight() + 4);
            return new Picture(c.image, caption);
        }
    }

    private static final java.awt.Font CAPTION_FONT = Fonts.plain(13f);

    /**
     * Several pictures side by side, left to right, top-aligned, under an optional {@code title}
     * (empty for none): e.g. a photo next to what a filter made of it.
     */
    public static Picture row(String title, Picture... pictures) {
        Objects.requireNonNull(title, "title");
        if (pictures.length == 0) {
            throw new IllegalArgumentException("a row needs at least one picture");
        }
        int width = 2 * ROW_MARGIN - ROW_GAP;
        int tallest = 0;
        for (int i = 0; i < pictures.length; i++) {
            Objects.requireNonNull(pictures[i], "picture " + i + " of the row");
            width += pictures[i].width() + ROW_GAP;
            tallest = Math.max(tallest, pictures[i].height());
        }
        int top = ROW_MARGIN + (title.isEmpty() ? 0 : Canvas.lineHeight(Heatmap.TITLE_FONT) + 8);
        width = Math.max(width, Canvas.textWidth(Heatmap.TITLE_FONT, title) + 2 * ROW_MARGIN);
        int height = top + tallest + ROW_MARGIN;
        Raster.checkSize(width, height);
        try (Canvas c = new Canvas(width, height)) {
            if (!title.isEmpty()) {
                c.centred(title, Heatmap.TITLE_FONT, Canvas.INK, width / 2, ROW_MARGIN);
            }
            int x = ROW_MARGIN;
            for (Picture p : pictures) {
                c.g.drawImage(p.image(), x, top, null);
                x += p.width() + ROW_GAP;
            }
            return new Picture(c.image, title);
        }
    }

    private static final int ROW_MARGIN = 8;
    private static final int ROW_GAP = 16;

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The picture encoded as PNG. */
    public byte[] pngBytes() {
        try {
            return PictureFiles.pngBytes(image);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode picture '" + title + "' as PNG", e);
        }
    }

    /** Writes the picture as PNG (atomically: a temp file, then a move) and returns {@code file}. */
    public Path savePng(Path file) throws IOException {
        PictureFiles.writePng(this, file);
        return file;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of(toString()).withPng(pngBytes());
    }

    @Override
    public String toString() {
        return (title.isEmpty() ? "picture" : title) + " (" + width() + " x " + height() + " px)";
    }
}
