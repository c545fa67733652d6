package org.visionbook.toolkit.attack;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fast gradient sign method (Goodfellow, Shlens and Szegedy, "Explaining and Harnessing
 * Adversarial Examples", 2015): one step of size ε along the sign of the input gradient,
 * {@code x' = clip(x + ε · sign(∇x loss(x, y)))}. Every pixel moves by exactly ε (or not at all
 * where the gradient is 0, or less where clipping stops it), so the change is at most ε in the
 * L∞ norm. The targeted version steps <em>down</em> the loss of the wanted class instead.
 *
 * <pre>{@code
 * Attack fgsm = Fgsm.linf(0.1);               // untargeted, pixels kept in [0, 1]
 * Attack toSeven = Fgsm.linf(0.2).targeted(); // labels then name the wanted classes
 * }</pre>
 */
public record Fgsm(double epsilon, boolean toTarget, PixelRange range) implements Attack {

    public Fgsm {
        Pgd.checkEpsilon(epsilon);
        java.util.Objects.requireNonNull(range, "range");
    }

    /** Untargeted FGSM of size {@code epsilon}, pixels clipped to [0, 1]. */
    public static Fgsm linf(double epsilon) {
        return new Fgsm(epsilon, false, PixelRange.UNIT);
    }

    /** The same attack, pushing every image towards the class its label names. */
    public Fgsm targeted() {
        return new Fgsm(epsilon, true, range);
    }

    public Fgsm range(PixelRange newRange) {
        return new Fgsm(epsilon, toTarget, newRange);
    }

    @Override
    public INDArray apply(Model model, INDArray images, INDArray labels) {
        INDArray gradient = InputGradients.of(model, images, labels);
        if (toTarget) {
            gradient.negi();
        }
        INDArray adversarial = step(images, gradient, epsilon, range);
        PixelRange.release(gradient);
        return adversarial;
    }

    /**
     * One signed step: {@code clip(images + epsilon · sign(direction))}, a new array. The FGSM update
     * and every PGD step are this.
     */
    public static INDArray step(INDArray images, INDArray direction, double epsilon, PixelRange range) {
        if (!java.util.Arrays.equals(images.shape(), direction.shape())) {
            throw new IllegalArgumentException("the gradient's shape " + java.util.Arrays.toString(direction.shape())
                    + " differs from the images' " + java.util.Arrays.toString(images.shape()));
        }
        INDArray moved = Transforms.sign(direction, true).muli(epsilon).addi(images);
        return range.clipInPlace(moved);
    }

    @Override
    public String name() {
        return (toTarget ? "targeted FGSM" : "FGSM") + " eps=" + Pgd.format(epsilon);
    }
}
