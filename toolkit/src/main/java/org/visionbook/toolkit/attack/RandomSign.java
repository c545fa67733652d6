package org.visionbook.toolkit.attack;

import java.util.SplittableRandom;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The control for an L∞ attack: every pixel moves by ε up or down at random, the same size of
 * change as FGSM but in a direction that ignores the network. If this hurts far less than FGSM,
 * the attack's power comes from its direction, not its size.
 */
public record RandomSign(double epsilon, long seed, PixelRange range) implements Attack {

    public RandomSign {
        Pgd.checkEpsilon(epsilon);
        java.util.Objects.requireNonNull(range, "range");
    }

    /** Random ±ε noise, seed 0, pixels in [0, 1]. */
    public static RandomSign linf(double epsilon) {
        return new RandomSign(epsilon, 0, PixelRange.UNIT);
    }

    public RandomSign seed(long newSeed) {
        return new RandomSign(epsilon, newSeed, range);
    }

    @Override
    public RandomSign forBatch(long batch) {
        return seed(Pgd.mix(seed, batch));
    }

    @Override
    public INDArray apply(Model model, INDArray images, INDArray labels) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] signs = new float[Math.toIntExact(Pgd.shapeLength(images.shape()))];
        for (int i = 0; i < signs.length; i++) {
            signs[i] = random.nextBoolean() ? 1f : -1f;
        }
        INDArray direction = Nd4j.create(signs, images.shape());
        INDArray noisy = Fgsm.step(images, direction, epsilon, range);
        PixelRange.release(direction);
        return noisy;
    }

    @Override
    public String name() {
        return "random sign eps=" + Pgd.format(epsilon);
    }
}
