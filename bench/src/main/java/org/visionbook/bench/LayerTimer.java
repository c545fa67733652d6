package org.visionbook.bench;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * One training step done layer by layer, as {@code MultiLayerNetwork} does it, with a clock
 * around each layer's forward and backward call and around the Adam update. Workspaces are off
 * here (every array is a fresh allocation), so the total is a little above a real {@code fit};
 * the split between layers is what it is for.
 */
final class LayerTimer {

    private final MultiLayerNetwork net;
    private final Layer[] layers;
    private final long[] forwardNanos;
    private final long[] backwardNanos;
    private long updateNanos;
    private long steps;
    private int iteration;

    LayerTimer(MultiLayerNetwork net) {
        this.net = net;
        net.initGradientsView(); // fit() does this lazily; the layers write their gradients into these views
        this.layers = net.getLayers();
        this.forwardNanos = new long[layers.length];
        this.backwardNanos = new long[layers.length];
    }

    void step(INDArray features, INDArray labels) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        int batch = (int) features.size(0);
        net.setInputMiniBatchSize(batch);
        INDArray x = features;
        for (int i = 0; i < layers.length; i++) {
            long t0 = System.nanoTime();
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                x = pre.preProcess(x, batch, mgr);
            }
            x = layers[i].activate(x, true, mgr);
            forwardNanos[i] += System.nanoTime() - t0;
        }
        ((IOutputLayer) layers[layers.length - 1]).setLabels(labels);

        Gradient gradient = new DefaultGradient(net.getFlattenedGradients());
        Deque<Map.Entry<String, INDArray>> collected = new ArrayDeque<>();
        INDArray eps = null;
        for (int i = layers.length - 1; i >= 0; i--) {
            long t0 = System.nanoTime();
            Pair<Gradient, INDArray> p = layers[i].backpropGradient(eps, mgr);
            for (Map.Entry<String, INDArray> e : p.getFirst().gradientForVariable().entrySet()) {
                collected.push(Map.entry(i + "_" + e.getKey(), e.getValue()));
            }
            eps = p.getSecond();
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null && eps != null) {
                eps = pre.backprop(eps, batch, mgr);
            }
            backwardNanos[i] += System.nanoTime() - t0;
        }
        for (Map.Entry<String, INDArray> e : collected) {
            gradient.setGradientFor(e.getKey(), e.getValue());
        }

        long t0 = System.nanoTime();
        net.getUpdater(true).update(net, gradient, iteration, 0, batch, mgr);
        net.params().subi(net.getFlattenedGradients().reshape(net.params().shape()));
        updateNanos += System.nanoTime() - t0;
        iteration++;
        steps++;
    }

    void print(PrintStream out) {
        out.printf("# per step, mean over %d steps (ms):%n", steps);
        out.printf("# %-3s %-22s %9s %9s%n", "#", "layer", "forward", "backward");
        double total = 0;
        for (int i = 0; i < layers.length; i++) {
            double f = forwardNanos[i] / 1e6 / steps;
            double b = backwardNanos[i] / 1e6 / steps;
            total += f + b;
            out.printf("# %-3d %-22s %9.3f %9.3f%n", i, layers[i].getClass().getSimpleName(), f, b);
        }
        double u = updateNanos / 1e6 / steps;
        total += u;
        out.printf("# %-3s %-22s %9.3f%n", "", "Adam update + step", u);
        out.printf("# %-3s %-22s %9.3f%n", "", "total", total);
    }
}
