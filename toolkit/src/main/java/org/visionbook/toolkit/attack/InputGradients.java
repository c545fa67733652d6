package org.visionbook.toolkit.attack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of the loss with respect to the input pixels: the direction in which each pixel
 * would have to move to raise the network's loss fastest. Every gradient attack starts here.
 *
 * <p><b>Scale.</b> DL4J reports the score as the mean loss over the batch but back-propagates the
 * gradient of the summed loss (the division by the batch size happens later, in the updater).
 * So row {@code i} of the result is the gradient of example {@code i}'s own loss, whatever the
 * batch size: {@code n} times the gradient of the mean. Sign steps (FGSM, PGD) do not care.
 *
 * <p><b>Mode.</b> The forward pass is a training-mode pass (DL4J computes gradients only that way):
 * a network with dropout or batch normalisation gets the gradient of its training-time behaviour.
 * The course's LeNet-5 has neither.
 *
 * <p><b>ComputationGraph.</b> DL4J 1.0.0-M2.1 has no input-gradient call for graphs (its issue
 * 8173). The graph does hand the input vertex its epsilon during back-propagation; a listener
 * reads it in {@code onBackwardPass}. With workspaces on, that array lives in a workspace that is
 * recycled, so this class switches the graph's training and inference workspace modes to
 * {@code NONE} for the call and restores them (and the graph's listeners) afterwards.
 */
public final class InputGradients {

    private InputGradients() {
    }

    /**
     * d loss(example i) / d images(i) for every example, same shape as {@code images}.
     *
     * @param labels one-hot {@code [n, classes]}
     */
    public static INDArray of(Model model, INDArray images, INDArray labels) {
        Objects.requireNonNull(model, "model");
        checkBatch(images, labels);
        if (model instanceof MultiLayerNetwork net) {
            INDArray gradient = net.calculateGradients(images, labels, null, null).getSecond();
            if (!gradient.isAttached() && !gradient.isView() && java.util.Arrays.equals(gradient.shape(), images.shape())) {
                return gradient;
            }
            INDArray copy = gradient.reshape(images.shape()).dup();
            PixelRange.release(gradient);
            return copy;
        }
        if (model instanceof ComputationGraph graph) {
            return ofGraph(graph, images, labels);
        }
        throw new IllegalArgumentException("input gradients need a MultiLayerNetwork or a ComputationGraph, got "
                + model.getClass().getName());
    }

    private static INDArray ofGraph(ComputationGraph graph, INDArray images, INDArray labels) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("input gradients need a graph with one input and one output, this one has "
                    + conf.getNetworkInputs().size() + " inputs and " + conf.getNetworkOutputs().size() + " outputs");
        }
        String input = conf.getNetworkInputs().get(0);
        WorkspaceMode training = conf.getTrainingWorkspaceMode();
        WorkspaceMode inference = conf.getInferenceWorkspaceMode();
        Collection<TrainingListener> listeners = new ArrayList<>(graph.getListeners());
        EpsilonReader reader = new EpsilonReader(input);
        try {
            conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
            conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
            graph.setListeners(List.of(reader));
            graph.setInputs(images);
            graph.setLabels(labels);
            graph.computeGradientAndScore();
        } finally {
            graph.setListeners(listeners);
            conf.setTrainingWorkspaceMode(training);
            conf.setInferenceWorkspaceMode(inference);
            graph.clearLayersStates();
        }
        if (reader.epsilon == null) {
            throw new IllegalStateException("the graph's input vertex '" + input + "' received no gradient");
        }
        return reader.epsilon.reshape(images.shape());
    }

    static void checkBatch(INDArray images, INDArray labels) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (labels.rank() != 2 || labels.size(0) != images.size(0)) {
            throw new IllegalArgumentException("labels must be one-hot [n, classes] with n = " + images.size(0)
                    + " images, got shape " + java.util.Arrays.toString(labels.shape()));
        }
    }

    /** Copies the input vertex's epsilon when the backward pass ends, before anything recycles it. */
    private static final class EpsilonReader extends BaseTrainingListener {
        private final String vertex;
        private INDArray epsilon;

        EpsilonReader(String vertex) {
            this.vertex = vertex;
        }

        @Override
        public void onBackwardPass(Model model) {
            INDArray e = ((ComputationGraph) model).getVertex(vertex).getEpsilon();
            epsilon = e == null ? null : e.dup();
        }
    }
}
