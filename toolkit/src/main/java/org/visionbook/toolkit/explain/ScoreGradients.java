package org.visionbook.toolkit.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The gradient of one class's score (the output layer's value before the softmax, the "logit")
 * with respect to a layer's output or to the input, in inference mode. DL4J only back-propagates
 * a loss and only in training mode, so this walks the layers itself: a forward pass with
 * {@code training = false}, then each layer's own {@code backpropGradient} from the top down.
 * Two layers need care: batch normalisation in inference mode is a fixed per-channel affine map
 * (its backward pass is written here), and dropout is switched off for the walk (DL4J's backward
 * pass would otherwise draw a new mask).
 */
final class ScoreGradients {

    /** Outputs of every layer for one forward pass, and the gradient at the layer asked for. */
    record Result(List<INDArray> activations, INDArray gradient) {
    }

    private ScoreGradients() {
    }

    /**
     * @param downTo the layer whose OUTPUT the gradient is taken at; -1 for the network's input
     */
    static Result of(MultiLayerNetwork net, INDArray images, int[] classes, int downTo) {
        Objects.requireNonNull(net, "network");
        int layers = net.getnLayers();
        Layer top = net.getLayer(layers - 1);
        if (!(top.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.OutputLayer)) {
            throw new IllegalArgumentException("class-score gradients need a dense OutputLayer on top, this network ends with "
                    + top.conf().getLayer().getClass().getSimpleName());
        }
        if (classes.length != images.size(0)) {
            throw new IllegalArgumentException(classes.length + " classes given for " + images.size(0) + " images");
        }
        long numClasses = top.getParam("W").size(1);
        for (int c : classes) {
            if (c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("class " + c + " is not one of the network's 0.." + (numClasses - 1));
            }
        }
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();   // a network restored without its updater has nowhere to put gradients yet
        }
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        int batch = (int) images.size(0);
        IDropout[] dropouts = new IDropout[layers];
        try {
            for (int i = 0; i < layers; i++) {
                dropouts[i] = net.getLayer(i).conf().getLayer().getIDropout();
                net.getLayer(i).conf().getLayer().setIDropout(null);
            }
            List<INDArray> activations = new ArrayList<>();
            INDArray a = images.castTo(net.params().dataType());
            for (int i = 0; i < layers - 1; i++) {
                InputPreProcessor pre = conf.getInputPreProcess(i);
                if (pre != null) {
                    a = pre.preProcess(a, batch, mgr);
                }
                a = net.getLayer(i).activate(a, false, mgr);
                activations.add(a);
            }
            // d logit_c / d (input of the output layer) is column c of its weights W [nIn, nOut]
            INDArray weights = top.getParam("W");
            INDArray epsilon = weights.transpose().getRows(classes).dup();
            InputPreProcessor topPre = conf.getInputPreProcess(layers - 1);
            if (topPre != null) {
                epsilon = topPre.backprop(epsilon, batch, mgr);
            }
            for (int i = layers - 2; i > downTo; i--) {
                epsilon = backprop(net.getLayer(i), epsilon, mgr);
                InputPreProcessor pre = conf.getInputPreProcess(i);
                if (pre != null) {
                    epsilon = pre.backprop(epsilon, batch, mgr);
                }
            }
            return new Result(activations, downTo < 0 ? epsilon.reshape(images.shape()) : epsilon);
        } finally {
            for (int i = 0; i < layers; i++) {
                net.getLayer(i).conf().getLayer().setIDropout(dropouts[i]);
            }
            net.clearLayersStates();
        }
    }

    private static INDArray backprop(Layer layer, INDArray epsilon, LayerWorkspaceMgr mgr) {
        if (layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization bn) {
            return batchNormBackprop(layer, bn, epsilon);
        }
        return layer.backpropGradient(epsilon, mgr).getSecond();
    }

    /** Inference-mode batch norm is y = gamma (x - mean) / std + beta per channel, so dy/dx = gamma / std. */
    private static INDArray batchNormBackprop(Layer layer, org.deeplearning4j.nn.conf.layers.BatchNormalization bn,
                                              INDArray epsilon) {
        INDArray std;
        if (bn.isUseLogStd()) {
            INDArray log10 = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            std = Transforms.exp(log10.mul(Math.log(10)), false);
        } else {
            std = Transforms.sqrt(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).add(bn.getEps()), false);
        }
        INDArray gamma = bn.isLockGammaBeta() ? Nd4j.valueArrayOf(std.shape(), bn.getGamma(), std.dataType())
                : layer.getParam(BatchNormalizationParamInitializer.GAMMA);
        INDArray scale = gamma.reshape(-1).div(std.reshape(-1).castTo(gamma.dataType()));
        long channels = scale.length();
        long[] shape = new long[epsilon.rank()];
        java.util.Arrays.fill(shape, 1);
        shape[1] = channels;
        return epsilon.mul(scale.reshape(shape).broadcast(epsilon.shape()));
    }
}
