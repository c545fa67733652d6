package org.visionbook.toolkit.data;

import java.util.List;
import java.util.Objects;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The batches of another iterator, each changed on the way out by {@link #map} (augmentation, an
 * adversarial attack). Everything else is the base iterator's. Never asynchronous: the mapping may
 * depend on state that changes between batches (a random stream, the model's latest weights).
 */
public abstract class MappedBatches implements DataSetIterator {
    private static final long serialVersionUID = 1L;

    private final DataSetIterator base;

    protected MappedBatches(DataSetIterator base) {
        this.base = Objects.requireNonNull(base, "base iterator");
    }

    /** The iterator whose batches are mapped. */
    public DataSetIterator base() {
        return base;
    }

    /** The batch this iterator hands out in place of {@code batch}. */
    protected abstract DataSet map(DataSet batch);

    @Override
    public DataSet next(int num) {
        return map(base.next(num));
    }

    @Override
    public DataSet next() {
        return map(base.next());
    }

    @Override
    public boolean hasNext() {
        return base.hasNext();
    }

    @Override
    public int inputColumns() {
        return base.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return base.totalOutcomes();
    }

    @Override
    public boolean resetSupported() {
        return base.resetSupported();
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        base.reset();
    }

    @Override
    public int batch() {
        return base.batch();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        base.setPreProcessor(preProcessor);
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return base.getPreProcessor();
    }

    @Override
    public List<String> getLabels() {
        return base.getLabels();
    }
}
