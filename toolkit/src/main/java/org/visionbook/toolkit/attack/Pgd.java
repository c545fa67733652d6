package org.visionbook.toolkit.attack;

import java.util.Objects;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Projected gradient descent under an L∞ budget (Madry et al., "Towards Deep Learning Models
 * Resistant to Adversarial Attacks", 2018): start at a random point of the ε-ball around the
 * image, then repeat a signed gradient step of size {@code stepSize}, each time projecting back
 * into the ball ({@code |x' - x| ≤ ε} per pixel) and into the valid pixel range. FGSM is its
 * one-step special case; with a random start and a step of 1.25 ε it is the "fast FGSM" of
 * Wong, Rice and Kolter ("Fast is better than free", 2020), which adversarial training uses.
 *
 * <pre>{@code
 * Attack pgd = Pgd.linf(0.3).steps(20).stepSize(0.03).seed(7);
 * }</pre>
 *
 * <p>Immutable. The random start is drawn from {@code seed} (and the batch number, see
 * {@link #forBatch}), so a run is reproducible.
 */
public record Pgd(double epsilon, double stepSize, int steps, boolean randomStart, boolean toTarget, long seed,
                  PixelRange range) implements Attack {

    public Pgd {
        checkEpsilon(epsilon);
        if (!(stepSize >= 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("PGD's step size must be a finite number >= 0, got " + stepSize);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("PGD needs at least 1 step, got " + steps);
        }
        Objects.requireNonNull(range, "range");
    }

    /** PGD with budget {@code epsilon}: 10 steps of ε/4, random start, seed 0, pixels in [0, 1]. */
    public static Pgd linf(double epsilon) {
        return new Pgd(epsilon, epsilon / 4, 10, true, false, 0, PixelRange.UNIT);
    }

    public Pgd steps(int newSteps) {
        return new Pgd(epsilon, stepSize, newSteps, randomStart, toTarget, seed, range);
    }

    public Pgd stepSize(double newStepSize) {
        return new Pgd(epsilon, newStepSize, steps, randomStart, toTarget, seed, range);
    }

    public Pgd randomStart(boolean on) {
        return new Pgd(epsilon, stepSize, steps, on, toTarget, seed, range);
    }

    public Pgd targeted() {
        return new Pgd(epsilon, stepSize, steps, randomStart, true, seed, range);
    }

    public Pgd seed(long newSeed) {
        return new Pgd(epsilon, stepSize, steps, randomStart, toTarget, newSeed, range);
    }

    public Pgd range(PixelRange newRange) {
        return new Pgd(epsilon, stepSize, steps, randomStart, toTarget, seed, newRange);
    }

    @Override
    public Pgd forBatch(long batch) {
        return seed(mix(seed, batch));
    }

    @Override
    public INDArray apply(Model model, INDArray images, INDArray labels) {
        INDArray adversarial = randomStart ? range.clipInPlace(uniform(images.shape(), epsilon, seed).addi(images))
                : images.dup();
        for (int s = 0; s < steps; s++) {
            INDArray gradient = InputGradients.of(model, adversarial, labels);
            if (toTarget) {
                gradient.negi();
            }
            INDArray next = Fgsm.step(adversarial, gradient, stepSize, range);
            PixelRange.release(gradient, adversarial);
            adversarial = projectInPlace(next, images, epsilon, range);
        }
        return adversarial;
    }

    /**
     * The projection onto the attack's budget: every pixel of {@code adversarial} pulled back to
     * within {@code epsilon} of the same pixel of {@code original}, then into the pixel range.
     * A new array.
     */
    public static INDArray project(INDArray adversarial, INDArray original, double epsilon, PixelRange range) {
        return projectInPlace(adversarial.dup(), original, epsilon, range);
    }

    /** {@link #project}, writing into {@code adversarial} and returning it. */
    static INDArray projectInPlace(INDArray adversarial, INDArray original, double epsilon, PixelRange range) {
        checkEpsilon(epsilon);
        if (!java.util.Arrays.equals(adversarial.shape(), original.shape())) {
            throw new IllegalArgumentException("the adversarial images' shape " + java.util.Arrays.toString(adversarial.shape())
                    + " differs from the originals' " + java.util.Arrays.toString(original.shape()));
        }
        INDArray delta = adversarial.sub(original);
        Transforms.min(Transforms.max(delta, -epsilon, false), epsilon, false);
        adversarial.assign(original).addi(delta);
        PixelRange.release(delta);
        return range.clipInPlace(adversarial);
    }

    /** Values drawn uniformly from [-epsilon, epsilon], from {@code seed}. */
    static INDArray uniform(long[] shape, double epsilon, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(shapeLength(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (epsilon * (2 * random.nextDouble() - 1));
        }
        return Nd4j.create(values, shape);
    }

    static long shapeLength(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /** A seed for batch {@code batch} of a run seeded with {@code seed} (a SplitMix64 step: nearby inputs, unrelated outputs). */
    static long mix(long seed, long batch) {
        long z = seed + 0x9E3779B97F4A7C15L * (batch + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static void checkEpsilon(double epsilon) {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon (the most any pixel may change) must be a finite number >= 0, got "
                    + epsilon);
        }
    }

    static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.3g", value).replaceAll("\\.?0+$", "");
    }

    @Override
    public String name() {
        return (toTarget ? "targeted PGD-" : "PGD-") + steps + " eps=" + format(epsilon);
    }
}
