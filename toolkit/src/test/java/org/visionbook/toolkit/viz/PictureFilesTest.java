package org.visionbook.toolkit.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class PictureFilesTest {

    @TempDir
    Path dir;

    @Test
    void aPictureWrittenAsPngReadsBackPixelForPixel() throws IOException {
        Picture p = Heatmap.of(new float[][] {{-1, 0}, {1, 0.5f}}).diverging().title("small").scale(5).render();
        Path file = p.savePng(dir.resolve("sub/heatmap.png"));
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(p.width(), back.getWidth());
        assertEquals(p.height(), back.getHeight());
        for (int y = 0; y < p.height(); y += 3) {
            for (int x = 0; x < p.width(); x += 3) {
                assertEquals(p.image().getRGB(x, y), back.getRGB(x, y), "(" + x + ", " + y + ")");
            }
        }
        assertEquals(List.of("heatmap.png"), names(dir.resolve("sub")), "no temp file left behind");
    }

    @Test
    void aChartWritesAsPngAndAsSvgOfTheSameSize() throws IOException {
        XYChart chart = LineChart.titled("Loss curve").axes("iteration", "loss").series("train", new double[] {3, 2, 1}).build();
        PictureFiles.writePng(chart, dir.resolve("loss.png"));
        PictureFiles.writeSvg(chart, dir.resolve("loss.svg"));

        BufferedImage png = ImageIO.read(dir.resolve("loss.png").toFile());
        assertEquals(chart.getWidth(), png.getWidth());
        assertEquals(chart.getHeight(), png.getHeight());
        String svg = Files.readString(dir.resolve("loss.svg"));
        assertTrue(svg.contains("<svg"), "an SVG document");
        assertTrue(svg.contains("viewBox=\"0 0 640 400\""), "the chart's size");
        // XChart's encoder writes text as glyph outlines, so it looks the same without the font
        assertTrue(svg.contains("<path"), "vector shapes");
        assertTrue(svg.contains("rgb(31,119,180)"), "the first series colour");
        assertEquals(List.of("loss.png", "loss.svg"), names(dir));
    }

    @Test
    void writtenFilesAreReadableByOthersAsTheUmaskAllows() throws IOException {
        Path file = dir.resolve("shared.png");
        PictureFiles.writePng(Raster.grey(new float[][] {{1}}, ValueRange.unit(), 1), file);
        Path plain = Files.createFile(dir.resolve("plain.bin"));
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions only");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "same permissions as any new file, not a temp file's private ones");
    }

    @Test
    void aPlainBufferedImageCanBeWrittenToo() throws IOException {
        BufferedImage img = Raster.grey(new float[][] {{0, 1}}, ValueRange.unit(), 4);
        PictureFiles.writePng(img, dir.resolve("raw.png"));
        BufferedImage back = ImageIO.read(dir.resolve("raw.png").toFile());
        assertArrayEquals(img.getRGB(0, 0, 8, 4, null, 0, 8), back.getRGB(0, 0, 8, 4, null, 0, 8));
    }

    @Test
    void writingReplacesAnExistingFileWhole() throws IOException {
        Path file = dir.resolve("p.png");
        Files.writeString(file, "old contents that are not a PNG");
        PictureFiles.writePng(Raster.grey(new float[][] {{1}}, ValueRange.unit(), 3), file);
        assertEquals(3, ImageIO.read(file.toFile()).getWidth());
        assertEquals(List.of("p.png"), names(dir));
    }

    @Test
    void aFailedWriteNamesTheFileAndLeavesNothingBehind() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        IOException e = assertThrows(IOException.class,
                () -> PictureFiles.writePng(Raster.grey(new float[][] {{1}}, ValueRange.unit(), 1), blocker.resolve("p.png")));
        assertTrue(e.getMessage().contains("not-a-folder"), e.getMessage());
        assertEquals(List.of("not-a-folder"), names(dir));
        assertEquals("x", Files.readString(blocker));
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
