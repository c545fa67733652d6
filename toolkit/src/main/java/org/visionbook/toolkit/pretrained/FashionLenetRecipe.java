package org.visionbook.toolkit.pretrained;

import org.visionbook.toolkit.data.FashionMnist;
import org.visionbook.toolkit.data.Split;
import org.visionbook.toolkit.models.LeNet5;
import org.visionbook.toolkit.train.Augmentation;

/**
 * {@code fashion-lenet}: the course's LeNet-5 trained on the 30,000 shipped Fashion-MNIST training
 * images (15 epochs, batch 64, Adam with a cosine learning rate 2e-3 to 1e-5, mirror images and
 * shifts of up to 2 pixels). Chapter 07's source network: it takes the same 1 x 28 x 28 input as
 * the digits, so its layers can be reused on them.
 */
public final class FashionLenetRecipe {

    private FashionLenetRecipe() {
    }

    public static ImageClassifierRecipe create() {
        return new ImageClassifierRecipe("Fashion-MNIST (datasets/fashion-mnist)", () -> FashionMnist.load(Split.TRAIN),
                () -> FashionMnist.load(Split.TEST), LeNet5::build, 42, 15, 64, 2e-3, 1e-5,
                Augmentation.seeded(7).horizontalFlip(0.5).shift(2), 0);
    }
}
