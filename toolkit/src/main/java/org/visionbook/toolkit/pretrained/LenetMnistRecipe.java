package org.visionbook.toolkit.pretrained;

import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.data.Split;
import org.visionbook.toolkit.models.LeNet5;
import org.visionbook.toolkit.train.Augmentation;

/**
 * {@code lenet-mnist}: the course's LeNet-5 trained on the 8,000 shipped MNIST training digits as
 * chapter 04 trains it (20 epochs, batch 64, Adam with a cosine learning rate 2e-3 to 1e-5, shifts of
 * up to 2 pixels and rotations of up to 10 degrees). Chapter 09 attacks it.
 */
public final class LenetMnistRecipe {

    private LenetMnistRecipe() {
    }

    public static ImageClassifierRecipe create() {
        return new ImageClassifierRecipe("MNIST (datasets/mnist)", () -> Mnist.load(Split.TRAIN),
                () -> Mnist.load(Split.TEST), LeNet5::build, 42, 20, 64, 2e-3, 1e-5,
                Augmentation.seeded(7).shift(2).rotate(10), 0);
    }
}
