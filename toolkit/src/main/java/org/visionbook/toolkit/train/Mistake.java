package org.visionbook.toolkit.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One wrongly classified example.
 *
 * @param index      position in the order the evaluated iterator delivered the examples (for an
 *                   unshuffled iterator: the index in the dataset)
 * @param actual     the true class
 * @param predicted  the class the model chose
 * @param confidence the probability the model gave its (wrong) choice
 * @param image      the example's features without the batch dimension, e.g. [1, 28, 28] (a copy)
 */
public record Mistake(long index, int actual, int predicted, double confidence, INDArray image) {
}
