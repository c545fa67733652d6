package org.visionbook.toolkit.data;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.visionbook.toolkit.detect.YoloGrid;
import org.visionbook.toolkit.detect.YoloLabels;

/**
 * Mini-batches of a {@link SceneSet} for a YOLO-style detector: features {@code [batch, 3, size,
 * size]} in [0, 1], labels {@code [batch, 4 + classes, cells, cells]} (see {@link YoloLabels}).
 * Shuffled anew every epoch from the seed, or in canvas order.
 */
public final class SceneBatches implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final SceneSet scenes;
    private final int batchSize;
    private final boolean inOrder;
    private final YoloGrid grid;
    private final transient Random random;
    private DataSetPreProcessor preProcessor;
    private int[] order;
    private int cursor;

    SceneBatches(SceneSet scenes, int batchSize, long seed, boolean inOrder, YoloGrid grid) {
        this.scenes = Objects.requireNonNull(scenes, "scenes");
        this.grid = Objects.requireNonNull(grid, "grid");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (grid.imageSize() != scenes.imageSize()) {
            throw new IllegalArgumentException("the grid is for " + grid.imageSize() + " px images but " + scenes.name()
                    + " has " + scenes.imageSize() + " px canvases");
        }
        this.batchSize = batchSize;
        this.inOrder = inOrder;
        this.random = inOrder ? null : new Random(seed);
        reset();
    }

    public SceneSet scenes() {
        return scenes;
    }

    /** Batches per epoch. */
    public int batchesPerEpoch() {
        return (scenes.count() + batchSize - 1) / batchSize;
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
            throw new NoSuchElementException("the epoch over " + scenes.name() + " is over; call reset()");
        }
        int[] chosen = Arrays.copyOfRange(order, cursor, Math.min(order.length, cursor + num));
        cursor += chosen.length;
        DataSet ds = new DataSet(scenes.features(chosen),
                YoloLabels.encode(scenes.truthsOf(chosen), 0, chosen.length, scenes.numClasses(), grid));
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public int inputColumns() {
        return 3 * scenes.imageSize() * scenes.imageSize();
    }

    @Override
    public int totalOutcomes() {
        return scenes.numClasses();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        int n = scenes.count();
        order = SceneSet.range(0, n);
        if (!inOrder) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        cursor = 0;
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
        return scenes.classNames();
    }
}
