package org.visionbook.toolkit.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Objects;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * An optimiser: a DL4J updater plus optional decoupled weight decay. AdamW is Adam with decoupled
 * weight decay, which DL4J expresses as a regularisation ({@code weightDecay}, applied after the
 * updater and scaled by the learning rate) rather than as an updater of its own; so an optimiser
 * is applied to a network configuration builder, not passed as an updater alone.
 *
 * <pre>{@code
 * NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(42);
 * Optimizer.adamW(1e-3, 1e-2).applyTo(b);
 * }</pre>
 *
 * @param name        what a chart legend calls it
 * @param updater     DL4J's updater (learning rate or schedule inside)
 * @param weightDecay decoupled weight decay coefficient, 0 for none
 */
public record Optimizer(String name, IUpdater updater, double weightDecay) {

    public Optimizer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updater, "updater");
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be 0 or more, got " + weightDecay);
        }
    }

    /** Plain stochastic gradient descent. */
    public static Optimizer sgd(double lr) {
        return new Optimizer("SGD", new Sgd(lr), 0);
    }

    public static Optimizer sgd(ISchedule lr) {
        return new Optimizer("SGD", new Sgd(lr), 0);
    }

    /** SGD with momentum; DL4J's momentum updater is Nesterov's variant (it looks ahead before the step). */
    public static Optimizer momentum(double lr, double momentum) {
        return new Optimizer("momentum " + momentum, new Nesterovs(lr, momentum), 0);
    }

    public static Optimizer momentum(ISchedule lr, double momentum) {
        return new Optimizer("momentum " + momentum, new Nesterovs(lr, momentum), 0);
    }

    /** Adam with the usual betas (0.9, 0.999) and epsilon 1e-8. */
    public static Optimizer adam(double lr) {
        return new Optimizer("Adam", new Adam(lr), 0);
    }

    public static Optimizer adam(ISchedule lr) {
        return new Optimizer("Adam", new Adam(lr), 0);
    }

    /** Adam with decoupled weight decay (Loshchilov and Hutter). */
    public static Optimizer adamW(double lr, double weightDecay) {
        return new Optimizer("AdamW", new Adam(lr), weightDecay);
    }

    public static Optimizer adamW(ISchedule lr, double weightDecay) {
        return new Optimizer("AdamW", new Adam(lr), weightDecay);
    }

    /** The same optimiser with decoupled weight decay {@code coefficient}. */
    public Optimizer withWeightDecay(double coefficient) {
        return new Optimizer(name, updater, coefficient);
    }

    /**
     * Sets the updater (and weight decay, if any) as the default for every layer of {@code builder}.
     * With weight decay, pass the built configuration through {@link #fixWeightDecay} before
     * creating the network: DL4J 1.0.0-M2.1 copies a network-wide weight decay into each layer
     * twice, which would double the decay.
     */
    public NeuralNetConfiguration.Builder applyTo(NeuralNetConfiguration.Builder builder) {
        builder.updater(updater.clone());
        if (weightDecay > 0) {
            builder.weightDecay(weightDecay, true);
        }
        return builder;
    }

    /**
     * Removes the duplicate regularisations DL4J 1.0.0-M2.1 puts into each layer when weight decay
     * (or any regulariser other than L1/L2) is set network-wide, so the decay is applied once.
     * Returns {@code conf}, changed in place.
     */
    public static MultiLayerConfiguration fixWeightDecay(MultiLayerConfiguration conf) {
        conf.getConfs().forEach(c -> dedupe(c.getLayer()));
        return conf;
    }

    /** As {@link #fixWeightDecay(MultiLayerConfiguration)}, for a graph. */
    public static ComputationGraphConfiguration fixWeightDecay(ComputationGraphConfiguration conf) {
        for (GraphVertex v : conf.getVertices().values()) {
            if (v instanceof LayerVertex lv) {
                dedupe(lv.getLayerConf().getLayer());
            }
        }
        return conf;
    }

    private static void dedupe(Layer layer) {
        if (layer instanceof BaseLayer b) {
            if (b.getRegularization() != null) {
                b.setRegularization(new ArrayList<>(new LinkedHashSet<>(b.getRegularization())));
            }
            if (b.getRegularizationBias() != null) {
                b.setRegularizationBias(new ArrayList<>(new LinkedHashSet<>(b.getRegularizationBias())));
            }
        }
    }

    @Override
    public String toString() {
        return name + (weightDecay > 0 ? " (weight decay " + weightDecay + ")" : "") + ": " + updater;
    }
}
