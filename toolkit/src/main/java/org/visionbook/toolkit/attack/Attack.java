package org.visionbook.toolkit.attack;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Something that turns a batch of images into adversarial ones for a given network. The network
 * is only read (its weights never change); the images are never modified in place.
 */
public interface Attack {

    /**
     * The adversarial version of {@code images}, same shape.
     *
     * @param model  an initialised MultiLayerNetwork or ComputationGraph (one input, one output)
     * @param images a batch, as the network takes it (e.g. {@code [n, 1, 28, 28]})
     * @param labels one-hot {@code [n, classes]}: the true classes for an untargeted attack, the
     *               classes to push towards for a targeted one
     */
    INDArray apply(Model model, INDArray images, INDArray labels);

    /**
     * This attack for batch number {@code batch} of a longer run: random attacks draw different
     * noise for every batch (still reproducible from their seed); deterministic ones return themselves.
     */
    default Attack forBatch(long batch) {
        return this;
    }

    /** A short description for charts and tables, e.g. {@code PGD-20 eps=0.3}. */
    String name();
}
