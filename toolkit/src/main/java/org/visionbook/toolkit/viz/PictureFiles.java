package org.visionbook.toolkit.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.visionbook.toolkit.io.AtomicFiles;

/**
 * Saves pictures and charts as PNG, and charts also as SVG. Every write goes to a temporary file
 * in the target's folder first and is then moved into place, so a failed write never leaves a
 * half-written file or destroys an existing one.
 */
public final class PictureFiles {

    private PictureFiles() {
    }

    public static void writePng(BufferedImage image, Path file) throws IOException {
        Objects.requireNonNull(image, "image");
        writeAtomically(file, pngBytes(image));
    }

    public static void writePng(Picture picture, Path file) throws IOException {
        writePng(Objects.requireNonNull(picture, "picture").image(), file);
    }

    public static void writePng(Chart<?, ?> chart, Path file) throws IOException {
        Objects.requireNonNull(chart, "chart");
        writeAtomically(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }

    /** Writes {@code chart} as an SVG document (vector lines and text, scales without blur). */
    public static void writeSvg(Chart<?, ?> chart, Path file) throws IOException {
        writeAtomically(file, svgText(chart).getBytes(StandardCharsets.UTF_8));
    }

    /** The chart as an SVG document. */
    public static String svgText(Chart<?, ?> chart) throws IOException {
        Objects.requireNonNull(chart, "chart");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return out.toString(StandardCharsets.UTF_8);
    }

    static byte[] pngBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available in this JVM (ImageIO)");
        }
        return out.toByteArray();
    }

    /** Writes {@code bytes} to a temp file beside {@code file}, then moves it over {@code file}. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Objects.requireNonNull(file, "file");
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException | RuntimeException e) {
            throw new IOException("could not write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
