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
