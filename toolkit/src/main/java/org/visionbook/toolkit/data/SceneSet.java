package org.visionbook.toolkit.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.detect.Box;
import org.visionbook.toolkit.detect.GroundTruth;
import org.visionbook.toolkit.detect.YoloGrid;

/**
 * A detection set: square RGB canvases (bytes, 3 planes of {@code size x size}) and the
 * ground-truth objects of each, numbered by canvas. Immutable; {@link ShapeScenes} makes them.
 */
public final class SceneSet {

    private final String name;
    private final int size;
    private final byte[] pixels;
    private final List<GroundTruth> truths;
    private final List<String> classNames;

    SceneSet(String name, int size, byte[] pixels, List<GroundTruth> truths, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.size = size;
        this.pixels = pixels;
        this.truths = List.copyOf(truths);
        this.classNames = List.copyOf(classNames);
    }

    public String name() {
        return name;
    }

    /** Number of canvases. */
    public int count() {
        return pixels.length / (3 * size * size);
    }

    /** Side of a canvas in pixels. */
    public int imageSize() {
        return size;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** Every object of every canvas, by canvas. */
    public List<GroundTruth> truths() {
        return truths;
    }

    /** The objects of canvas {@code i}. */
    public List<GroundTruth> truths(int i) {
        checkIndex(i);
        return truths.stream().filter(t -> t.image() == i).toList();
    }

    /** The boxes of every object (e.g. for k-means priors). */
    public List<Box> boxes() {
        return truths.stream().map(GroundTruth::box).toList();
    }

    /** Canvases {@code from} .. {@code to - 1} as floats in [0, 1], shape {@code [n, 3, size, size]}. */
    public INDArray features(int from, int to) {
        if (from < 0 || to > count() || from >= to) {
            throw new IllegalArgumentException("canvases " + from + " to " + to + " are not a range of " + name
                    + " (0 to "
                    + count() + ")");
        }
        return features(range(from, to));
    }

    /** The chosen canvases as floats in [0, 1], shape {@code [n, 3, size, size]}. */
    public INDArray features(int[] chosen) {
        int per = 3 * size * size;
        float[] v = new float[chosen.length * per];
        for (int k = 0; k < chosen.length; k++) {
            checkIndex(chosen[k]);
            int from = chosen[k] * per;
            for (int p = 0; p < per; p++) {
                v[k * per + p] = (pixels[from + p] & 0xFF) / 255f;
            }
        }
        return Nd4j.create(v, new long[] {chosen.length, 3, size, size}, 'c');
    }

    /** Canvas {@code i} as {@code [3, size, size]}. */
    public INDArray image(int i) {
        return features(new int[] {i}).reshape(3, size, size);
    }

    /** The first {@code n} canvases (all when there are fewer) and their objects. */
    public SceneSet limit(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + n);
        }
        if (n >= count()) {
            return this;
        }
        byte[] kept = java.util.Arrays.copyOf(pixels, n * 3 * size * size);
        return new SceneSet(name, size, kept, truths.stream().filter(t -> t.image() < n).toList(), classNames);
    }

    /** SHA-256 of the pixels and the boxes: two sets with the same digest are the same, byte for byte. */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(pixels);
            for (GroundTruth t : truths) {
                md.update(String.format(java.util.Locale.ROOT, "%d %d %s %s %s %s;", t.image(), t.label(),
                        Double.toHexString(t.box().x1()), Double.toHexString(t.box().y1()),
                        Double.toHexString(t.box().x2()), Double.toHexString(t.box().y2())).getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** A copy of the raw bytes (3 planes per canvas). */
    public byte[] bytes() {
        return pixels.clone();
    }

    /** Mini-batches with YOLO labels on {@code grid}, reshuffled every epoch from {@code seed}. */
    public SceneBatches batches(int batchSize, long seed, YoloGrid grid) {
        return new SceneBatches(this, batchSize, seed, false, grid);
    }

    /** Mini-batches in canvas order (for validation and prediction). */
    public SceneBatches batchesInOrder(int batchSize, YoloGrid grid) {
        return new SceneBatches(this, batchSize, 0, true, grid);
    }

    /** Objects per class. */
    public int[] classCounts() {
        int[] n = new int[classNames.size()];
        truths.forEach(t -> n[t.label()]++);
        return n;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %d canvases of %d x %d, %d objects", name, count(), size, size,
                truths.size());
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count()) {
            throw new IndexOutOfBoundsException("canvas " + i + " is not in " + name + " (0 to " + (count() - 1) + ")");
        }
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    List<GroundTruth> truthsOf(int[] chosen) {
        List<GroundTruth> out = new ArrayList<>();
        for (int k = 0; k < chosen.length; k++) {
            for (GroundTruth t : truths(chosen[k])) {
                out.add(new GroundTruth(k, t.label(), t.box()));
            }
        }
        return out;
    }
}
