package org.visionbook.toolkit.train;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cross-entropy against smoothed targets: each one-hot label row {@code y} over {@code K} classes
 * becomes {@code (1 - smoothing) * y + smoothing / K} (Szegedy et al., 2016). DL4J's
 * {@code LossMCXENT} has no smoothing option in 1.0.0-M2.1, so this wraps it: the targets are
 * smoothed, then DL4J's own cross-entropy computes score and gradient.
 *
 * <p>Use it in the output layer: {@code new OutputLayer.Builder(new LabelSmoothingLoss(0.1))}.
 */
public final class LabelSmoothingLoss implements ILossFunction {

    private static final long serialVersionUID = 1L;

    private final double smoothing;
    private final transient LossMCXENT crossEntropy = new LossMCXENT();

    public LabelSmoothingLoss(@JsonProperty("smoothing") double smoothing) {
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + smoothing);
        }
        this.smoothing = smoothing;
    }

    public double getSmoothing() {
        return smoothing;
    }

    /** The targets this loss trains towards: {@code (1 - smoothing) * labels + smoothing / classes}. */
    public INDArray smooth(INDArray labels) {
        if (smoothing == 0) {
            return labels;
        }
        long classes = labels.size(1);
        return labels.castTo(labels.dataType()).mul(1 - smoothing).addi(smoothing / classes);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        return loss().computeScore(smooth(labels), preOutput, activationFn, mask, average);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return loss().computeScoreArray(smooth(labels), preOutput, activationFn, mask);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return loss().computeGradient(smooth(labels), preOutput, activationFn, mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        INDArray target = smooth(labels);
        return new Pair<>(loss().computeScore(target, preOutput, activationFn, mask, average),
                loss().computeGradient(target, preOutput, activationFn, mask));
    }

    /** Java serialisation skips the transient delegate; DL4J's copy is stateless, so make a fresh one. */
    private LossMCXENT loss() {
        return crossEntropy != null ? crossEntropy : new LossMCXENT();
    }

    @Override
    public String name() {
        return "LabelSmoothingLoss(" + smoothing + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSmoothingLoss l && l.smoothing == smoothing;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(smoothing);
    }

    @Override
    public String toString() {
        return name();
    }
}
