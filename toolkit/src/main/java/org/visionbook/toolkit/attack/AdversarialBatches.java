package org.visionbook.toolkit.attack;

import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Adversarial training as an iterator stage: every batch of the base iterator is replaced by its
 * adversarial version against the model <em>as it is now</em>, so the network trains on the
 * examples that currently fool it most (Madry et al. 2018). Hand it to the Trainer like any other
 * batches:
 *
 * <pre>{@code
 * Attack fast = Pgd.linf(0.1).steps(1).stepSize(0.125).seed(3);   // fast FGSM, random start
 * trainer.fit(AdversarialBatches.wrap(train.iterator(64, 42), net, fast));
 * }</pre>
 *
 * Each batch costs the attack's gradient passes on top of the training step (one for fast FGSM,
 * so about twice a normal epoch). Batch {@code b} (counted across epochs) uses
 * {@code attack.forBatch(b)}, so random starts differ from batch to batch yet repeat from run to run.
 */
public final class AdversarialBatches implements DataSetIterator {
    private static final long serialVersionUID = 1L;

    private final DataSetIterator base;
    private final transient Model model;
    private final transient Attack attack;
    private long batch;

    private AdversarialBatches(DataSetIterator base, Model model, Attack attack) {
        this.base = base;
        this.model = model;
        this.attack = attack;
    }

    public static AdversarialBatches wrap(DataSetIterator base, Model model, Attack attack) {
        return new AdversarialBatches(Objects.requireNonNull(base, "base iterator"), Objects.requireNonNull(model, "model"),
                Objects.requireNonNull(attack, "attack"));
    }

    private DataSet attacked(DataSet clean) {
        DataSet out = new DataSet(attack.forBatch(batch++).apply(model, clean.getFeatures(), clean.getLabels()),
                clean.getLabels());
        out.setLabelNames(clean.getLabelNamesList());
        return out;
    }

    @Override
    public DataSet next(int num) {
        return attacked(base.next(num));
    }

    @Override
    public DataSet next() {
        return attacked(base.next());
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

    /** Never asynchronous: the attack must see the weights of the latest update. */
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

    @Override
    public String toString() {
        return attack.name() + " on " + base;
    }
}
