package org.visionbook.toolkit.data;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;

/**
 * Mini-batches of a {@link LabelledImages} set for DL4J's {@code fit}: features
 * {@code [batch, 1, height, width]} (or {@code [batch, height * width]} when flattened) in
 * [0, 1], labels one-hot {@code [batch, classes]}.
 *
 * <p>With a seed, each epoch visits the images in a new random order; the sequence of
 * orders depends only on the seed, so a run can be repeated exactly. {@link #reset()} starts
 * the next epoch. Without a seed the images come in their stored order every epoch.
 */
public final class ImageBatches implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final LabelledImages images;
    private final int batchSize;
    private final Long seed;
    private final boolean flatten;
    private final transient Random random;
    private DataSetPreProcessor preProcessor;
    private int[] order;
    private int cursor;
    private int epoch;

    private ImageBatches(Builder b) {
        this.images = b.images;
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.flatten = b.flatten;
        this.random = seed == null ? null : new Random(seed);
        startEpoch();
    }

    /** Starts configuring batches over {@code images}. */
    public static Builder over(LabelledImages images) {
        return new Builder(images);
    }

    /** Configuration of an {@link ImageBatches}: batch size (default 64), shuffling, shape. */
    public static final class Builder {
        private final LabelledImages images;
        private int batchSize = 64;
        private Long seed;
        private boolean flatten;

        private Builder(LabelledImages images) {
            this.images = Objects.requireNonNull(images, "images");
        }

        /** Images per batch; the last batch of an epoch may be smaller. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Reshuffle every epoch, in orders fixed by {@code seed}. */
        public Builder shuffle(long seed) {
            this.seed = seed;
            return this;
        }

        /** Keep the stored order (the default). */
        public Builder inOrder() {
            this.seed = null;
            return this;
        }

        /** Features {@code [batch, height * width]} for dense layers instead of {@code [batch, 1, h, w]}. */
        public Builder flatten(boolean flatten) {
            this.flatten = flatten;
            return this;
        }

        public ImageBatches build() {
            return new ImageBatches(this);
        }
    }

    /** The images these batches are drawn from. */
    public LabelledImages images() {
        return images;
    }

    /** Epochs started so far, counting the current one from 1. */
    public int epoch() {
        return epoch;
    }

    /** The order the current epoch visits the images in (a copy). */
    public int[] epochOrder() {
        return order.clone();
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " of " + images.name() + " is over; call reset()");
        }
        int[] chosen = Arrays.copyOfRange(order, cursor, Math.min(order.length, cursor + num));
        cursor += chosen.length;
        DataSet ds = new DataSet(images.features(chosen, flatten), images.oneHot(chosen));
        ds.setLabelNames(images.classNames());
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public int inputColumns() {
        return images.pixelsPerImage();
    }

    @Override
    public int totalOutcomes() {
        return images.numClasses();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** Batches are cheap to make, so DL4J needs no prefetch thread (and runs stay single-threaded here). */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Starts the next epoch (reshuffled when a seed was given). */
    @Override
    public void reset() {
        startEpoch();
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return images.classNames();
    }

    @Override
    public String toString() {
        return String.format("batches of %d from %s, %s, features %s", batchSize, images,
                seed == null ? "in order" : "shuffled (seed " + seed + ")",
                flatten ? "[batch, " + images.pixelsPerImage() + "]" : "[batch, 1, " + images.height() + ", " + images.width() + "]");
    }

    private void startEpoch() {
        order = random == null ? identity(images.size()) : LabelledImages.permutation(images.size(), random);
        cursor = 0;
        epoch++;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
