package org.visionbook.toolkit.attack;

import java.util.Objects;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.visionbook.toolkit.data.MappedBatches;

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
public final class AdversarialBatches extends MappedBatches {
    private static final long serialVersionUID = 1L;

    private final transient Model model;
    private final transient Attack attack;
    private long batch;

    private AdversarialBatches(DataSetIterator base, Model model, Attack attack) {
        super(base);
        this.model = model;
        this.attack = attack;
    }

    public static AdversarialBatches wrap(DataSetIterator base, Model model, Attack attack) {
        return new AdversarialBatches(Objects.requireNonNull(base, "base iterator"), Objects.requireNonNull(model, "model"),
                Objects.requireNonNull(attack, "attack"));
    }

    /** Never asynchronous (see {@link MappedBatches}): the attack must see the weights of the latest update. */
    @Override
    protected DataSet map(DataSet clean) {
        DataSet out = new DataSet(attack.forBatch(batch++).apply(model, clean.getFeatures(), clean.getLabels()),
                clean.getLabels());
        out.setLabelNames(clean.getLabelNamesList());
        return out;
    }

    @Override
    public String toString() {
        return attack.name() + " on " + base();
    }
}
