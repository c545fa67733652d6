package org.visionbook.toolkit.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file, the plain format MNIST-like datasets ship in: two zero bytes, a type byte,
 * the number of dimensions, each dimension as a big-endian int, then the values row-major.
 * Only unsigned bytes (type {@code 0x08}) are read: the type every image and label file uses.
 * Gzipped files are recognised by their first two bytes and unpacked on the fly.
 */
public final class Idx {

    private static final int UNSIGNED_BYTE = 0x08;

    private final String source;
    private final int[] dimensions;
    private final byte[] data;

    private Idx(String source, int[] dimensions, byte[] data) {
        this.source = source;
        this.dimensions = dimensions;
        this.data = data;
    }

    /** Reads an IDX file, gzipped or not. */
    public static Idx read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new DatasetException("IDX file is missing: " + file, e);
        } catch (IOException e) {
            throw new DatasetException("Cannot read IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the bytes of an IDX file, gzipped or not; {@code source} names it in messages.
     *
     * @throws DatasetException naming {@code source} when the bytes are not a complete IDX file
     */
    public static Idx parse(byte[] bytes, String source) {
        byte[] raw = isGzip(bytes) ? gunzip(bytes, source) : bytes;
        if (raw.length < 4) {
            throw new DatasetException(source + " is not an IDX file: it has only " + raw.length + " bytes");
        }
        if (raw[0] != 0 || raw[1] != 0) {
            throw new DatasetException(source + " is not an IDX file: bad magic number 0x" + hex(raw, 4)
                    + " (an IDX file starts with two zero bytes, a type byte and the number of dimensions)");
        }
        int type = raw[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new DatasetException(source + " holds IDX element type 0x" + Integer.toHexString(type)
                    + "; only unsigned bytes (0x08), the type of image and label files, are supported");
        }
        int rank = raw[3] & 0xFF;
        int headerLength = 4 + 4 * rank;
        if (rank == 0 || raw.length < headerLength) {
            throw new DatasetException(source + " is truncated or damaged: its header promises " + rank
                    + " dimensions but the file has only " + raw.length + " bytes");
        }
        int[] dims = new int[rank];
        long expected = 1;
        for (int d = 0; d < rank; d++) {
            int i = 4 + 4 * d;
            dims[d] = ((raw[i] & 0xFF) << 24) | ((raw[i + 1] & 0xFF) << 16) | ((raw[i + 2] & 0xFF) << 8) | (raw[i + 3] & 0xFF);
            if (dims[d] < 0) {
                throw new DatasetException(source + " is damaged: dimension " + d + " is " + Integer.toUnsignedString(dims[d]));
            }
            expected *= dims[d];
        }
        long actual = raw.length - (long) headerLength;
        if (expected > Integer.MAX_VALUE - 16) {
            throw new DatasetException(source + " claims dimensions " + Arrays.toString(dims) + ", too large to load");
        }
        if (actual < expected) {
            throw new DatasetException(source + " is truncated: dimensions " + Arrays.toString(dims) + " need "
                    + expected + " data bytes but only " + actual + " are there");
        }
        if (actual > expected) {
            throw new DatasetException(source + " is damaged: dimensions " + Arrays.toString(dims) + " need "
                    + expected + " data bytes but " + actual + " follow the header");
        }
        return new Idx(source, dims, Arrays.copyOfRange(raw, headerLength, raw.length));
    }

    /** Where the data came from (a path or a resource name). */
    public String source() {
        return source;
    }

    /** The sizes of each dimension, e.g. {@code [10000, 28, 28]} for an image file. */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** Number of dimensions: 3 for images, 1 for labels. */
    public int rank() {
        return dimensions.length;
    }

    /** The values, row-major, as unsigned bytes stored in Java's signed {@code byte} (read with {@code & 0xFF}). */
    public byte[] data() {
        return data.clone();
    }

    /** The value at a flat (row-major) position, 0 to 255. */
    public int unsigned(int flatIndex) {
        return data[flatIndex] & 0xFF;
    }

    byte[] sharedData() {
        return data;
    }

    /** Throws unless this file has {@code rank} dimensions; {@code what} describes the expected content. */
    Idx requireRank(int rank, String what) {
        if (dimensions.length != rank) {
            throw new DatasetException(source + " should hold " + what + " (" + rank + " dimensions) but has dimensions "
                    + Arrays.toString(dimensions));
        }
        return this;
    }

    @Override
    public String toString() {
        return "IDX " + Arrays.toString(dimensions) + " from " + source;
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b;
    }

    private static byte[] gunzip(byte[] bytes, String source) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new DatasetException(source + " is truncated: the gzip stream ends early", e);
        } catch (ZipException e) {
            throw new DatasetException(source + " is a damaged gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetException("Cannot unpack " + source + ": " + e.getMessage(), e);
        }
    }

    private static String hex(byte[] bytes, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(n, bytes.length); i++) {
            s.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return s.toString();
    }
}
