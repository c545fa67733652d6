package org.visionbook.toolkit.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A set of small greyscale images with a class label each, e.g. the 8,000 MNIST training
 * digits. Immutable: every method that changes the selection returns a new set.
 *
 * <p>Pixels are stored as the bytes the files hold and handed out as floats in [0, 1]
 * (byte / 255), either one image at a time, as plain arrays, or as ND4J arrays and DL4J
 * iterators for training.
 */
public final class LabelledImages {

    private final String name;
    private final int height;
    private final int width;
    private final byte[] pixels; // size * height * width grey levels, image after image, row by row
    private final int[] labels;
    private final List<String> classNames;

    private LabelledImages(String name, int height, int width, byte[] pixels, int[] labels, List<String> classNames) {
        this.name = name;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = classNames;
    }

    /**
     * A set made from raw grey levels (0 to 255, image after image, row by row).
     *
     * @throws IllegalArgumentException when the sizes disagree or a label is not a class index
     */
    public static LabelledImages of(String name, byte[] pixels, int[] labels, int height, int width, List<String> classNames) {
        Objects.requireNonNull(name, "name");
        List<String> classes = List.copyOf(classNames);
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(name + ": image size " + height + "x" + width + " is not positive");
        }
        if ((long) labels.length * height * width != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixels is not " + labels.length
                    + " images of " + height + "x" + width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i
                        + " is not one of the " + classes.size() + " classes");
            }
        }
        return new LabelledImages(name, height, width, pixels.clone(), labels.clone(), classes);
    }

    /** Pairs an IDX image file [n, rows, cols] with an IDX label file [n]. */
    static LabelledImages fromIdx(String name, Idx images, Idx labels, List<String> classNames) {
        images.requireRank(3, "images [count, rows, cols]");
        labels.requireRank(1, "labels [count]");
        int[] dims = images.dimensions();
        int count = labels.dimensions()[0];
        if (dims[0] != count) {
            throw new DatasetException(images.source() + " holds " + dims[0] + " images but " + labels.source()
                    + " holds " + count + " labels; the two files do not belong together");
        }
        byte[] raw = labels.sharedData();
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            classes[i] = raw[i] & 0xFF;
            if (classes[i] >= classNames.size()) {
                throw new DatasetException(labels.source() + ": label " + classes[i] + " at position " + i
                        + " is not one of the " + classNames.size() + " classes");
            }
        }
        return new LabelledImages(name, dims[1], dims[2], images.sharedData(), classes, List.copyOf(classNames));
    }

    /** What this set is, e.g. {@code "MNIST train"}. */
    public String name() {
        return name;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Pixels per image ({@code height * width}). */
    public int pixelsPerImage() {
        return height * width;
    }

    /** The name of each class, by label: {@code classNames().get(label(i))}. */
    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** The class index of image {@code i}. */
    public int label(int i) {
        return labels[checkIndex(i)];
    }

    /** The class name of image {@code i}. */
    public String className(int i) {
        return classNames.get(label(i));
    }

    /** All labels (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** How many images each class has, by label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Pixel ({@code row}, {@code col}) of image {@code i}, in [0, 1]. */
    public float pixel(int i, int row, int col) {
        checkIndex(i);
        if (row < 0 || row >= height || col < 0 || col >= width) {
            throw new IndexOutOfBoundsException("pixel (" + row + ", " + col + ") is outside " + height + "x" + width);
        }
        return (pixels[(i * height + row) * width + col] & 0xFF) / 255f;
    }

    /** Image {@code i} as {@code height * width} values in [0, 1], row by row. */
    public float[] image(int i) {
        checkIndex(i);
        float[] out = new float[pixelsPerImage()];
        int offset = i * out.length;
        for (int p = 0; p < out.length; p++) {
            out[p] = (pixels[offset + p] & 0xFF) / 255f;
        }
        return out;
    }

    /** Image {@code i} as rows: {@code [height][width]} values in [0, 1]. */
    public float[][] imageRows(int i) {
        float[] flat = image(i);
        float[][] rows = new float[height][];
        for (int r = 0; r < height; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return rows;
    }

    /** Every image, flattened: {@code [size][height * width]} values in [0, 1]. */
    public float[][] images() {
        float[][] out = new float[size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = image(i);
        }
        return out;
    }

    /** Image {@code i}'s raw grey levels, 0 to 255. */
    public int[] rawImage(int i) {
        checkIndex(i);
        int[] out = new int[pixelsPerImage()];
        int offset = i * out.length;
        for (int p = 0; p < out.length; p++) {
            out[p] = pixels[offset + p] & 0xFF;
        }
        return out;
    }

    /**
     * At most {@code max} images, keeping the classes as balanced as their sizes allow and the
     * images in their order. Returns this set when it is no larger than {@code max}.
     */
    public LabelledImages limit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + max);
        }
        if (max >= size()) {
            return this;
        }
        int[] quota = balancedQuota(classCounts(), max);
        int[] taken = new int[quota.length];
        int[] chosen = new int[max];
        int n = 0;
        for (int i = 0; i < labels.length && n < max; i++) {
            if (taken[labels[i]] < quota[labels[i]]) {
                taken[labels[i]]++;
                chosen[n++] = i;
            }
        }
        return select(chosen, name + " (" + max + " of " + size() + ")");
    }

    /**
     * Splits this set into images to train on and a validation set held out from them, class by
     * class (stratified): each class gives {@code round(validationFraction * its size)} images to
     * validation, chosen at random from {@code seed}, and at least one to each side. Both parts keep
     * the images in their stored order. The same seed gives the same split; the parts are disjoint
     * and together hold every image of this set once.
     *
     * @param validationFraction the share of each class to hold out, strictly between 0 and 1 (e.g. 0.1)
     * @param seed               fixes which images are held out
     * @throws IllegalArgumentException when the fraction is not strictly between 0 and 1, or a class
     *                                  has a single image (it cannot be on both sides), or the set is empty
     */
    public HoldOut holdOut(double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(name + ": validation fraction " + validationFraction
                    + " is not strictly between 0 and 1; hold out e.g. 0.1 of the training images");
        }
        if (size() == 0) {
            throw new IllegalArgumentException(name + ": has no images to split into train and validation");
        }
        int[] counts = classCounts();
        int[] quota = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 1) {
                throw new IllegalArgumentException(name + ": class '" + classNames.get(c) + "' has a single image,"
                        + " too few to hold one out for validation and keep one to train on");
            }
            if (counts[c] > 1) {
                long rounded = Math.round(validationFraction * counts[c]);
                quota[c] = (int) Math.max(1, Math.min(counts[c] - 1, rounded));
            }
        }
        int[][] byClass = new int[counts.length][];
        int[] filled = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            byClass[c] = new int[counts[c]];
        }
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        Random random = new Random(seed);
        boolean[] heldOut = new boolean[labels.length];
        int validationSize = 0;
        for (int c = 0; c < counts.length; c++) {
            int[] order = permutation(counts[c], random);
            for (int k = 0; k < quota[c]; k++) {
                heldOut[byClass[c][order[k]]] = true;
            }
            validationSize += quota[c];
        }
        int[] trainIdx = new int[labels.length - validationSize];
        int[] validationIdx = new int[validationSize];
        int t = 0;
        int v = 0;
        for (int i = 0; i < labels.length; i++) {
            if (heldOut[i]) {
                validationIdx[v++] = i;
            } else {
                trainIdx[t++] = i;
            }
        }
        String how = ", seed " + seed + ")";
        return new HoldOut(
                select(trainIdx, name + " (train: " + trainIdx.length + " of " + size() + how),
                select(validationIdx, name + " (validation: " + validationIdx.length + " of " + size() + how));
    }

    /** The images at {@code indices}, in that order (an index may repeat). */
    public LabelledImages select(int... indices) {
        return select(indices, name + " (selection)");
    }

    /** The same images in a random order fixed by {@code seed}. */
    public LabelledImages shuffle(long seed) {
        return select(permutation(size(), new Random(seed)), name + " (shuffled, seed " + seed + ")");
    }

    /** Features as {@code [size, 1, height, width]}, the shape convolution layers take. */
    public INDArray features() {
        return features(allIndices(), false);
    }

    /** Features flattened to {@code [size, height * width]}, the shape dense layers take. */
    public INDArray flatFeatures() {
        return features(allIndices(), true);
    }

    /** Labels one-hot: {@code [size, numClasses]}. */
    public INDArray oneHotLabels() {
        return oneHot(allIndices());
    }

    /** The whole set as one DL4J {@link DataSet} ({@link #features()} and {@link #oneHotLabels()}). */
    public DataSet toDataSet() {
        DataSet ds = new DataSet(features(), oneHotLabels());
        ds.setLabelNames(classNames);
        return ds;
    }

    /** Mini-batches of {@code batchSize} for DL4J, reshuffled every epoch from {@code seed}. */
    public ImageBatches iterator(int batchSize, long seed) {
        return batches().batchSize(batchSize).shuffle(seed).build();
    }

    /** Starts configuring a DL4J iterator over this set (batch size, shuffling, shape). */
    public ImageBatches.Builder batches() {
        return ImageBatches.over(this);
    }

    @Override
    public String toString() {
        return String.format("%s: %,d images %dx%d, %d classes", name, size(), height, width, numClasses());
    }

    // ---- package-private helpers shared with ImageBatches

    INDArray features(int[] indices, boolean flatten) {
        int per = pixelsPerImage();
        float[] buffer = new float[indices.length * per];
        for (int b = 0; b < indices.length; b++) {
            int offset = checkIndex(indices[b]) * per;
            for (int p = 0; p < per; p++) {
                buffer[b * per + p] = (pixels[offset + p] & 0xFF) / 255f;
            }
        }
        long[] shape = flatten ? new long[]{indices.length, per} : new long[]{indices.length, 1, height, width};
        return Nd4j.create(buffer, shape, DataType.FLOAT);
    }

    INDArray oneHot(int[] indices) {
        float[] buffer = new float[indices.length * numClasses()];
        for (int b = 0; b < indices.length; b++) {
            buffer[b * numClasses() + labels[checkIndex(indices[b])]] = 1f;
        }
        return Nd4j.create(buffer, new long[]{indices.length, numClasses()}, DataType.FLOAT);
    }

    LabelledImages renamed(String newName) {
        return new LabelledImages(newName, height, width, pixels, labels, classNames);
    }

    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Splits {@code max} over classes as evenly as possible without asking a class for more than it has. */
    static int[] balancedQuota(int[] available, int max) {
        int[] quota = new int[available.length];
        int remaining = max;
        while (remaining > 0) {
            int open = 0;
            for (int c = 0; c < quota.length; c++) {
                if (quota[c] < available[c]) {
                    open++;
                }
            }
            if (open == 0) {
                break;
            }
            int share = Math.max(1, remaining / open);
            for (int c = 0; c < quota.length && remaining > 0; c++) {
                int add = Math.min(share, Math.min(available[c] - quota[c], remaining));
                quota[c] += add;
                remaining -= add;
            }
        }
        return quota;
    }

    private LabelledImages select(int[] indices, String newName) {
        int per = pixelsPerImage();
        byte[] px = new byte[indices.length * per];
        int[] lb = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = checkIndex(indices[k]);
            System.arraycopy(pixels, i * per, px, k * per, per);
            lb[k] = labels[i];
        }
        return new LabelledImages(newName, height, width, px, lb, classNames);
    }

    private int[] allIndices() {
        int[] all = new int[size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException("image " + i + " is outside " + name + " (" + labels.length + " images)");
        }
        return i;
    }
}
