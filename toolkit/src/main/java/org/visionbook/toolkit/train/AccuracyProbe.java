package org.visionbook.toolkit.train;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training accuracy almost for free. DL4J's forward pass during {@code fit} stops at the input of
 * the output layer and tells listeners about it; for a dense output layer the class scores are then
 * one small matrix product away ({@code x W + b}, whose arg-max equals the softmax's). This avoids a
 * second forward pass per batch. Where the output layer is of another kind the probe stays silent
 * ({@link #measured()} is false) and the trainer measures on a sample of batches instead.
 */
final class AccuracyProbe extends BaseTrainingListener {

    private INDArray labels;
    private int correct;
    private int counted;
    private boolean measured;

    /** Arms the probe with the labels of the batch about to be fitted. */
    void expect(INDArray batchLabels) {
        labels = batchLabels;
        correct = 0;
        counted = 0;
        measured = false;
    }

    boolean measured() {
        return measured;
    }

    int correct() {
        return correct;
    }

    int counted() {
        return counted;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (labels == null || !(model instanceof MultiLayerNetwork net) || activations.isEmpty()) {
            return;
        }
        int last = net.getnLayers() - 1;
        measure(net.getOutputLayer(), net.getLayerWiseConfigurations().getInputPreProcess(last),
                activations.get(activations.size() - 1));
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        if (labels == null || !(model instanceof ComputationGraph graph)) {
            return;
        }
        String out = graph.getConfiguration().getNetworkOutputs().get(0);
        List<String> inputs = graph.getConfiguration().getVertexInputs().get(out);
        GraphVertex vertex = graph.getConfiguration().getVertices().get(out);
        if (inputs == null || inputs.size() != 1 || !(vertex instanceof LayerVertex lv)) {
            return;
        }
        INDArray x = activations.get(inputs.get(0));
        if (x != null) {
            measure(graph.getOutputLayer(0), lv.getPreProcessor(), x);
        }
    }

    private void measure(Layer outputLayer, InputPreProcessor pre, INDArray x) {
        if (!(outputLayer instanceof OutputLayer) || labels.rank() != 2) {
            return;
        }
        if (pre != null && !(pre instanceof CnnToFeedForwardPreProcessor)) {
            return;
        }
        if (x.rank() == 4 && pre != null) {
            x = x.reshape('c', x.size(0), x.length() / x.size(0));
        }
        INDArray w = outputLayer.getParam("W");
        INDArray b = outputLayer.getParam("b");
        if (x.rank() != 2 || w == null || x.size(1) != w.size(0) || x.size(0) != labels.size(0)) {
            return;
        }
        INDArray scores = x.mmul(w);
        if (b != null) {
            scores.addiRowVector(b);
        }
        INDArray hits = Nd4j.argMax(scores, 1).eq(Nd4j.argMax(labels, 1));
        correct = hits.castTo(DataType.INT32).sumNumber().intValue();
        counted = (int) labels.size(0);
        measured = true;
    }
}
