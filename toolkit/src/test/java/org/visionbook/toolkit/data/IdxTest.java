package org.visionbook.toolkit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxTest {

    /** Two 2x3 images with pixel values 0..11 and 200..211. */
    static byte[] twoImages() {
        ByteBuffer b = ByteBuffer.allocate(16 + 12);
        b.putInt(0x00000803).putInt(2).putInt(2).putInt(3);
        for (int i = 0; i < 6; i++) b.put((byte) i);
        for (int i = 0; i < 6; i++) b.put((byte) (200 + i));
        return b.array();
    }

    static byte[] labels(int... values) {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length);
        b.putInt(0x00000801).putInt(values.length);
        for (int v : values) b.put((byte) v);
        return b.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void readsDimensionsAndUnsignedValues() {
        Idx idx = Idx.parse(twoImages(), "tiny.idx");
        assertArrayEquals(new int[]{2, 2, 3}, idx.dimensions());
        assertEquals(5, idx.unsigned(5));
        assertEquals(205, idx.unsigned(11));
    }

    @Test
    void gzippedAndPlainFilesGiveTheSameValues(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny-idx3-ubyte.gz");
        Files.write(file, gzip(twoImages()));
        Idx idx = Idx.read(file);
        assertArrayEquals(Idx.parse(twoImages(), "plain").data(), idx.data());
        assertEquals(file.toString(), idx.source());
    }

    @Test
    void badMagicNamesTheFile() {
        byte[] bytes = twoImages();
        bytes[0] = 0x50; // e.g. a PNG or text file given by mistake
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.parse(bytes, "digits.idx"));
        assertTrue(e.getMessage().contains("digits.idx") && e.getMessage().contains("bad magic"), e.getMessage());
    }

    @Test
    void truncatedDataNamesTheFileAndTheShortfall() {
        byte[] bytes = Arrays.copyOf(twoImages(), 20);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.parse(bytes, "cut.idx"));
        assertTrue(e.getMessage().contains("cut.idx") && e.getMessage().contains("truncated")
                && e.getMessage().contains("need 12") && e.getMessage().contains("only 4"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsCaught() {
        byte[] bytes = Arrays.copyOf(twoImages(), 10);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.parse(bytes, "head.idx"));
        assertTrue(e.getMessage().contains("head.idx") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsCaught() throws IOException {
        byte[] gz = gzip(twoImages());
        byte[] cut = Arrays.copyOf(gz, gz.length - 10);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.parse(cut, "cut.gz"));
        assertTrue(e.getMessage().contains("cut.gz") && e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void extraBytesAfterTheDataAreCaught() {
        byte[] bytes = Arrays.copyOf(twoImages(), 30);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.parse(bytes, "long.idx"));
        assertTrue(e.getMessage().contains("long.idx") && e.getMessage().contains("need 12")
                && e.getMessage().contains("14 follow"), e.getMessage());
    }

    @Test
    void nonByteElementTypesAreRefusedByName() {
        byte[] bytes = twoImages();
        bytes[2] = 0x0D; // float
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.parse(bytes, "floats.idx"));
        assertTrue(e.getMessage().contains("floats.idx") && e.getMessage().contains("0xd"), e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        Idx images = Idx.parse(twoImages(), "images.idx");
        Idx threeLabels = Idx.parse(labels(1, 0, 1), "labels.idx");
        DatasetException e = assertThrows(DatasetException.class,
                () -> LabelledImages.fromIdx("tiny", images, threeLabels, List.of("a", "b")));
        assertTrue(e.getMessage().contains("images.idx") && e.getMessage().contains("labels.idx")
                && e.getMessage().contains("2 images") && e.getMessage().contains("3 labels"), e.getMessage());
    }

    @Test
    void labelsOutsideTheClassesAreCaught() {
        Idx images = Idx.parse(twoImages(), "images.idx");
        Idx badLabels = Idx.parse(labels(1, 7), "labels.idx");
        DatasetException e = assertThrows(DatasetException.class,
                () -> LabelledImages.fromIdx("tiny", images, badLabels, List.of("a", "b")));
        assertTrue(e.getMessage().contains("labels.idx") && e.getMessage().contains("label 7"), e.getMessage());
    }

    @Test
    void labelsFileGivenAsImagesIsCaught() {
        Idx notImages = Idx.parse(labels(1, 0), "labels.idx");
        DatasetException e = assertThrows(DatasetException.class,
                () -> LabelledImages.fromIdx("tiny", notImages, notImages, List.of("a", "b")));
        assertTrue(e.getMessage().contains("labels.idx") && e.getMessage().contains("images"), e.getMessage());
    }

    @Test
    void pairedFilesBecomeLabelledImagesInZeroToOne() {
        LabelledImages set = LabelledImages.fromIdx("tiny", Idx.parse(twoImages(), "i"), Idx.parse(labels(1, 0), "l"),
                List.of("a", "b"));
        assertEquals(2, set.size());
        assertEquals(2, set.height());
        assertEquals(3, set.width());
        assertEquals("b", set.className(0));
        assertEquals(5 / 255f, set.pixel(0, 1, 2));
        assertEquals(200 / 255f, set.image(1)[0]);
    }
}
