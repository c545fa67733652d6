package org.visionbook.toolkit.pretrained;

import org.deeplearning4j.nn.api.Model;

/**
 * How a shipped model is trained: everything that decides its weights (data, architecture, seed,
 * epochs, schedule) is fixed in code, so {@code ./visionbook train-model NAME} makes it again.
 * {@link ImageClassifierRecipe} covers an image classifier trained on a shipped dataset.
 */
public interface Recipe {

    /** What it trains on and what it is tested on, in words (for the README and the file's provenance). */
    String data();

    /** Epochs, batch size, optimiser, learning-rate schedule and augmentation, in words. */
    String schedule();

    /** The seed of the initial weights, the batch order and the augmentation. */
    long seed();

    /** Builds the network and trains it; the same recipe gives the same network on the same machine. */
    Model train();

    /** Accuracy of {@code model} on the recipe's test set, in [0, 1]. */
    double testAccuracy(Model model);
}
