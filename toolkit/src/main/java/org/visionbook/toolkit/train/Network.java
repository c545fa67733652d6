package org.visionbook.toolkit.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;
import org.visionbook.toolkit.perf.Performance;

/**
 * One face for the two DL4J network kinds the trainer accepts, so the training loop is written
 * once. ComputationGraphs must have one input and one output (as {@code fit(DataSet)} requires).
 */
final class Network {

    private final MultiLayerNetwork mln;
    private final ComputationGraph graph;

    private Network(MultiLayerNetwork mln, ComputationGraph graph) {
        this.mln = mln;
        this.graph = graph;
    }

    static Network of(Model model) {
        Objects.requireNonNull(model, "model");
        if (model instanceof MultiLayerNetwork m) {
            requireInit(m.isInitCalled());
            return new Network(m, null);
        }
        if (model instanceof ComputationGraph g) {
            requireInit(g.getConfiguration() != null && g.params() != null);
            if (g.getNumInputArrays() != 1 || g.getNumOutputArrays() != 1) {
                throw new IllegalArgumentException("the trainer handles graphs with one input and one output; this graph has inputs "
                        + g.getConfiguration().getNetworkInputs() + " and outputs " + g.getConfiguration().getNetworkOutputs());
            }
            return new Network(null, g);
        }
        throw new IllegalArgumentException("the trainer takes a MultiLayerNetwork or a ComputationGraph, got "
                + model.getClass().getName());
    }

    private static void requireInit(boolean done) {
        if (!done) {
            throw new IllegalArgumentException("the network has no parameters yet: call init() on it before training");
        }
    }

    Model model() {
        return mln != null ? mln : graph;
    }

    String kind() {
        return mln != null ? "MultiLayerNetwork" : "ComputationGraph";
    }

    /** Applies {@link Performance#accelerate} to the network (idempotent). */
    void accelerate() {
        if (mln != null) {
            Performance.accelerate(mln);
        } else {
            Performance.accelerate(graph);
        }
    }

    void fit(DataSet batch) {
        if (mln != null) {
            mln.fit(batch);
        } else {
            graph.fit(batch);
        }
    }

    /** The loss DL4J computed during the last {@code fit} (regularisation included); no extra work. */
    double lastScore() {
        return model().score();
    }

    /** Predictions in inference mode (dropout off, batch norm with running statistics). */
    INDArray output(INDArray features) {
        return mln != null ? mln.output(features, false) : graph.outputSingle(false, features);
    }

    double score(DataSet batch) {
        return mln != null ? mln.score(batch, false) : graph.score(batch, false);
    }

    int iterationCount() {
        return mln != null ? mln.getIterationCount() : graph.getIterationCount();
    }

    int epochCount() {
        return mln != null ? mln.getEpochCount() : graph.getEpochCount();
    }

    void incrementEpochCount() {
        if (mln != null) {
            mln.incrementEpochCount();
        } else {
            graph.incrementEpochCount();
        }
    }

    void clearLayerStates() {
        if (mln != null) {
            mln.clearLayersStates();
        } else {
            graph.clearLayersStates();
        }
    }

    INDArray params() {
        return model().params();
    }

    void setParams(INDArray params) {
        model().setParams(params);
    }

    Collection<TrainingListener> listeners() {
        Collection<TrainingListener> l = mln != null ? mln.getListeners() : graph.getListeners();
        return l == null ? List.of() : new ArrayList<>(l);
    }

    void setListeners(Collection<TrainingListener> listeners) {
        if (mln != null) {
            mln.setListeners(listeners);
        } else {
            graph.setListeners(listeners);
        }
    }

    /** The configured layers in order (graph: layer vertices in insertion order). */
    List<Layer> layerConfs() {
        List<Layer> layers = new ArrayList<>();
        if (mln != null) {
            mln.getLayerWiseConfigurations().getConfs().forEach(c -> layers.add(c.getLayer()));
        } else {
            for (GraphVertex v : graph.getConfiguration().getVertices().values()) {
                if (v instanceof LayerVertex lv) {
                    layers.add(lv.getLayerConf().getLayer());
                }
            }
        }
        return layers;
    }

    Layer outputLayerConf() {
        if (mln != null) {
            List<Layer> layers = layerConfs();
            return layers.get(layers.size() - 1);
        }
        String out = graph.getConfiguration().getNetworkOutputs().get(0);
        GraphVertex v = graph.getConfiguration().getVertices().get(out);
        return v instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
    }

    /**
     * The learning rate the first trainable layer used at the last update (NaN when no layer has
     * one). Schedules are evaluated at the last iteration of the current epoch.
     */
    double learningRate() {
        int iteration = Math.max(0, iterationCount() - 1);
        int epoch = epochCount();
        for (Layer l : layerConfs()) {
            if (l instanceof BaseLayer b && b.getIUpdater() != null) {
                IUpdater u = b.getIUpdater();
                if (u.hasLearningRate()) {
                    return u.getLearningRate(iteration, epoch);
                }
            }
        }
        return Double.NaN;
    }

    /**
     * False for output layers whose output is not one class per example (DL4J's YOLO detection
     * layer): the trainer then reports no accuracy, only the loss.
     */
    boolean classifies() {
        return !(outputLayerConf() instanceof org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer);
    }

    /**
     * True when the output is a softmax under a cross-entropy loss, so a validation loss can be
     * computed from the predicted probabilities alone (one forward pass instead of two).
     */
    boolean outputsClassProbabilities() {
        Layer out = outputLayerConf();
        if (!(out instanceof BaseOutputLayer o)) {
            return false;
        }
        ILossFunction loss = o.getLossFn();
        boolean crossEntropy = loss instanceof LossMCXENT || loss instanceof LossNegativeLogLikelihood
                || loss instanceof LabelSmoothingLoss;
        return crossEntropy && o.getActivationFn() instanceof ActivationSoftmax;
    }

    /**
     * Rejects a batch whose features or labels do not fit the network, with a message naming the
     * data's shape and the shape the network expects, before DL4J fails inside a layer.
     */
    void checkFits(DataSet batch, String where) {
        INDArray features = batch.getFeatures();
        INDArray labels = batch.getLabels();
        if (features == null || labels == null) {
            throw new IllegalArgumentException(where + ": a batch without " + (features == null ? "features" : "labels"));
        }
        String dataShape = Arrays.toString(features.shape());
        InputType given;
        try {
            given = LayerShapes.ofFeatures(features);
        } catch (ShapeMismatchException e) {
            throw new ShapeMismatchException(where + ": " + e.getMessage(), e);
        }
        try {
            LayerShapes.trace(model(), given);
        } catch (ShapeMismatchException e) {
            String expected = LayerShapes.expectedShape(model(), given);
            String wanted = expected == null ? "a different shape" : expected;
            throw new ShapeMismatchException(where + ": the data does not fit the network. Features have shape " + dataShape
                    + " but the " + kind() + " expects " + wanted + ". In detail: " + e.getMessage(), e);
        }
        Layer out = outputLayerConf();
        if (out instanceof FeedForwardLayer ff && ff.getNOut() > 0 && labels.rank() == 2 && labels.size(1) != ff.getNOut()) {
            throw new ShapeMismatchException(where + ": the labels have shape " + Arrays.toString(labels.shape()) + " ("
                    + labels.size(1) + " classes) but the network's output layer has " + ff.getNOut() + " outputs");
        }
        if (labels.size(0) != features.size(0)) {
            throw new ShapeMismatchException(where + ": " + features.size(0) + " feature rows but " + labels.size(0)
                    + " label rows");
        }
    }
}
