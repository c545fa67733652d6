package org.visionbook.toolkit.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Reads boxes out of the activations of DL4J's {@code Yolo2OutputLayer}: an array
 * {@code [images, B * (5 + C), cells, cells]} holding, for each prior b (channels
 * {@code b * (5 + C)} onwards) and cell (row, col): x and y of the box centre within the cell
 * (0..1, after a sigmoid), width and height in grid units (the prior times e to the raw output),
 * the confidence that the box holds an object (sigmoid), and C class probabilities (softmax).
 *
 * <p>We decode it ourselves: DL4J M2.1's {@code getPredictedObjects} does no suppression and its
 * confidence and probability accessors read the wrong channels. Each (cell, prior) gives one
 * detection of its most probable class, scored {@code confidence x probability} (YOLOv2's
 * class-specific confidence), in pixels, clipped to the image.
 */
public final class YoloDecoder {

    private final double[][] priors;
    private final YoloGrid grid;

    /** {@code priors[b] = {width, height}} in grid units, as given to the output layer. */
    public YoloDecoder(double[][] priors, YoloGrid grid) {
        Objects.requireNonNull(priors, "priors");
        this.grid = Objects.requireNonNull(grid, "grid");
        if (priors.length == 0) {
            throw new IllegalArgumentException("a YOLO decoder needs at least one prior box");
        }
        this.priors = new double[priors.length][];
        for (int b = 0; b < priors.length; b++) {
            if (priors[b].length != 2 || !(priors[b][0] > 0) || !(priors[b][1] > 0)) {
                throw new IllegalArgumentException("prior " + b + " must be {width, height} > 0, got "
                        + Arrays.toString(priors[b]));
            }
            this.priors[b] = priors[b].clone();
        }
    }

    /** A decoder for {@code net}, whose last layer is a {@code Yolo2OutputLayer} (the priors are read from it). */
    public static YoloDecoder of(MultiLayerNetwork net, YoloGrid grid) {
        Objects.requireNonNull(net, "network");
        Layer last = net.getLayerWiseConfigurations().getConf(net.getnLayers() - 1).getLayer();
        if (!(last instanceof Yolo2OutputLayer yolo)) {
            throw new IllegalArgumentException("the network's last layer is a " + last.getClass().getSimpleName()
                    + ", not a Yolo2OutputLayer");
        }
        return new YoloDecoder(yolo.getBoundingBoxes().castTo(DataType.DOUBLE).toDoubleMatrix(), grid);
    }

    /** The priors {width, height} in grid units (a copy). */
    public double[][] priors() {
        double[][] copy = new double[priors.length][];
        for (int i = 0; i < priors.length; i++) {
            copy[i] = priors[i].clone();
        }
        return copy;
    }

    public YoloGrid grid() {
        return grid;
    }

    /**
     * Runs {@code net} on {@code images} {@code [n, 3, H, W]} (100 at a time, inference mode) and
     * decodes every box scoring at least {@code minScore}; image numbers start at {@code firstImage}.
     */
    public List<Detection> predict(MultiLayerNetwork net, INDArray images, int firstImage, double minScore) {
        List<Detection> out = new ArrayList<>();
        long n = images.size(0);
        for (long from = 0; from < n; from += 100) {
            long to = Math.min(n, from + 100);
            INDArray batch = images.get(NDArrayIndex.interval(from, to));
            out.addAll(decode(net.output(batch, false), firstImage + (int) from, minScore));
        }
        return out;
    }

    /**
     * The detections in {@code output} scoring at least {@code minScore}; image numbers start at
     * {@code firstImage} (the position of the batch in its dataset).
     */
    public List<Detection> decode(INDArray output, int firstImage, double minScore) {
        Objects.requireNonNull(output, "network output");
        long[] shape = output.shape();
        int b = priors.length;
        int s = grid.cells();
        if (shape.length != 4 || shape[2] != s || shape[3] != s || shape[1] % b != 0 || shape[1] / b < 6) {
            throw new IllegalArgumentException("expected Yolo2OutputLayer activations [images, " + b
                    + " * (5 + classes), " + s
                    + ", " + s + "], got " + Arrays.toString(shape));
        }
        int n = (int) shape[0];
        int perBox = (int) (shape[1] / b);
        int classes = perBox - 5;
        float[] v = output.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int plane = s * s;
        double cell = grid.cellSize();
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b; k++) {
                int base = (i * b + k) * perBox * plane;
                for (int row = 0; row < s; row++) {
                    for (int col = 0; col < s; col++) {
                        int at = base + row * s + col;
                        double confidence = v[at + 4 * plane];
                        int best = 0;
                        double bestP = -1;
                        for (int c = 0; c < classes; c++) {
                            double p = v[at + (5 + c) * plane];
                            if (p > bestP) {
                                bestP = p;
                                best = c;
                            }
                        }
                        double score = confidence * bestP;
                        if (score < minScore) {
                            continue;
                        }
                        double cx = (col + v[at]) * cell;
                        double cy = (row + v[at + plane]) * cell;
                        double w = v[at + 2 * plane] * cell;
                        double h = v[at + 3 * plane] * cell;
                        Box box = Box.centred(cx, cy, w, h).clipped(grid.imageSize(), grid.imageSize());
                        out.add(new Detection(firstImage + i, best, score, box));
                    }
                }
            }
        }
        return out;
    }
}
