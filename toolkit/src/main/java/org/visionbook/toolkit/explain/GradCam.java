package org.visionbook.toolkit.explain;

import java.util.Objects;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Grad-CAM (Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via
 * Gradient-based Localization", 2017): which places in a convolution layer's feature maps the
 * score of a class relies on. Each map {@code A_k} gets a weight {@code α_k}, the mean over its
 * positions of {@code ∂ score_c / ∂ A_k}; the heatmap is {@code ReLU(Σ_k α_k A_k)}, as coarse as
 * the layer (8 x 8 for LeNet's {@code conv2}), then drawn over the image: each position of the map is
 * put at the centre of the input pixels it sees (for LeNet's {@code conv2}, position {@code i} sees
 * rows {@code 2i .. 2i+13}, centred on {@code 2i + 6.5}), the values in between are interpolated
 * bilinearly, and beyond the outermost centres the map fades out (see {@link #place}). Simply
 * stretching 8 positions over 28 pixels would shift the map outwards by up to 5 pixels, because
 * unpadded convolutions lose the image's border.
 *
 * <pre>{@code
 * INDArray heat = GradCam.of(net).layer("conv2").maps(digits, predicted);   // [n, 28, 28]
 * }</pre>
 */
public final class GradCam {

    private final MultiLayerNetwork net;
    private final int layer;

    private GradCam(MultiLayerNetwork net, int layer) {
        this.net = net;
        this.layer = layer;
    }

    /** Grad-CAM on the network's last convolution stage (the last non-pooling layer with image-shaped output). */
    public static GradCam of(MultiLayerNetwork net) {
        Objects.requireNonNull(net, "network");
        int chosen = -1;
        for (int i = 0; i < net.getnLayers(); i++) {
            Object conf = net.getLayer(i).conf().getLayer();
            if (conf instanceof ConvolutionLayer) {
                chosen = i;
            } else if (chosen == i - 1 && chosen >= 0 && !(conf instanceof SubsamplingLayer)
                    && (conf instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization
                    || conf instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer)) {
                chosen = i;   // the ReLU after a batch-normalised convolution
            }
        }
        if (chosen < 0) {
            throw new IllegalArgumentException("Grad-CAM needs a convolution layer, and this network has none");
        }
        return new GradCam(net, chosen);
    }

    /** Grad-CAM on the output of the layer named {@code name}. */
    public GradCam layer(String name) {
        for (int i = 0; i < net.getnLayers() - 1; i++) {
            if (name.equals(net.getLayer(i).conf().getLayer().getLayerName())) {
                return new GradCam(net, i);
            }
        }
        throw new IllegalArgumentException("no hidden layer named '" + name + "'; the layers are " + layerNames());
    }

    /** The name of the layer whose maps are weighed. */
    public String layerName() {
        return net.getLayer(layer).conf().getLayer().getLayerName();
    }

    /** Heatmaps at the layer's own resolution, {@code [n, h, w]}, ≥ 0. */
    public INDArray coarse(INDArray images, int... classes) {
        Saliency.requireImages(images);
        ScoreGradients.Result r = ScoreGradients.of(net, images, classes, layer);
        INDArray maps = r.activations().get(layer);
        INDArray gradient = r.gradient();
        if (maps.rank() != 4) {
            throw new IllegalArgumentException("layer '" + layerName() + "' gives shape " + java.util.Arrays.toString(maps.shape())
                    + ", not feature maps [n, channels, h, w]");
        }
        INDArray alpha = gradient.mean(2, 3);                                  // [n, channels]
        INDArray weighted = maps.mul(alpha.reshape(alpha.size(0), alpha.size(1), 1, 1).broadcast(maps.shape()));
        return Transforms.relu(weighted.sum(1), false);
    }

    /** Heatmaps over the images, {@code [n, height, width]}, ≥ 0 (see the class notes on how positions are placed). */
    public INDArray maps(INDArray images, int... classes) {
        INDArray coarse = coarse(images, classes);
        double[] where = geometry(images);
        if (where == null) {
            return resize(coarse, (int) images.size(2), (int) images.size(3));
        }
        return place(coarse, where, (int) images.size(2), (int) images.size(3));
    }

    /**
     * Where the chosen layer's map lies on the input: position {@code (i, j)} is centred on input
     * pixel {@code (offsetY + strideY · i, offsetX + strideX · j)}; {@code {offsetY, strideY, offsetX,
     * strideX}}, or null when a layer on the way is not a convolution, pooling or size-keeping layer.
     */
    double[] geometry(INDArray images) {
        double[] g = {0, 1, 0, 1};
        long[] in = {images.size(2), images.size(3)};
        for (int l = 0; l <= layer; l++) {
            Object conf = net.getLayer(l).conf().getLayer();
            int[] kernel;
            int[] stride;
            int[] padding;
            int[] dilation;
            org.deeplearning4j.nn.conf.ConvolutionMode mode;
            if (conf instanceof ConvolutionLayer c && c.getClass() == ConvolutionLayer.class) {
                kernel = c.getKernelSize();
                stride = c.getStride();
                padding = c.getPadding();
                dilation = c.getDilation();
                mode = c.getConvolutionMode();
            } else if (conf instanceof SubsamplingLayer p && p.getClass() == SubsamplingLayer.class) {
                kernel = p.getKernelSize();
                stride = p.getStride();
                padding = p.getPadding();
                dilation = p.getDilation();
                mode = p.getConvolutionMode();
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization
                    || conf instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer
                    || conf instanceof org.deeplearning4j.nn.conf.layers.DropoutLayer) {
                continue;
            } else {
                return null;
            }
            long[] out = new long[2];
            for (int d = 0; d < 2; d++) {
                int k = (kernel[d] - 1) * dilation[d] + 1;
                double top = padding[d];
                if (mode == org.deeplearning4j.nn.conf.ConvolutionMode.Same) {
                    out[d] = (in[d] + stride[d] - 1) / stride[d];
                    top = Math.max(0, (out[d] - 1) * stride[d] + k - in[d]) / 2;
                } else {
                    out[d] = (in[d] + 2L * padding[d] - k) / stride[d] + 1;
                }
                g[2 * d] += g[2 * d + 1] * ((k - 1) / 2.0 - top);
                g[2 * d + 1] *= stride[d];
            }
            in = out;
        }
        return g;
    }

    /**
     * Each map drawn over the input: position {@code i} adds its value times a tent, 1 at its centre
     * pixel and falling linearly to 0 one stride away. Between centres that is bilinear
     * interpolation; beyond the outermost centres the map fades out within one stride rather than
     * smearing its edge values over the image's border.
     */
    static INDArray place(INDArray maps, double[] geometry, int height, int width) {
        int n = (int) maps.size(0);
        int h = (int) maps.size(1);
        int w = (int) maps.size(2);
        double[] in = maps.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] rowWeights = tents(h, height, geometry[0], geometry[1]);
        double[][] colWeights = tents(w, width, geometry[2], geometry[3]);
        double[] out = new double[n * height * width];
        for (int k = 0; k < n; k++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int i = 0; i < h; i++) {
                        if (rowWeights[y][i] == 0) {
                            continue;
                        }
                        for (int j = 0; j < w; j++) {
                            sum += in[(k * h + i) * w + j] * rowWeights[y][i] * colWeights[x][j];
                        }
                    }
                    out[(k * height + y) * width + x] = sum;
                }
            }
        }
        return Nd4j.create(out, new long[] {n, height, width}, DataType.DOUBLE).castTo(maps.dataType());
    }

    /** weights[pixel][position]: the tent of each map position (centre offset + stride · i) at each input pixel. */
    private static double[][] tents(int positions, int pixels, double offset, double stride) {
        double[][] weights = new double[pixels][positions];
        for (int p = 0; p < pixels; p++) {
            for (int i = 0; i < positions; i++) {
                weights[p][i] = Math.max(0, 1 - Math.abs(p - (offset + stride * i)) / stride);
            }
        }
        return weights;
    }

    /** Plain bilinear resizing of {@code [n, h, w]} maps to {@code [n, height, width]} (pixel centres aligned), for layers of unknown geometry. */
    static INDArray resize(INDArray maps, int height, int width) {
        int n = (int) maps.size(0);
        int h = (int) maps.size(1);
        int w = (int) maps.size(2);
        double[] in = maps.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] out = new double[n * height * width];
        for (int k = 0; k < n; k++) {
            for (int y = 0; y < height; y++) {
                double sy = Math.min(Math.max((y + 0.5) * h / height - 0.5, 0), h - 1);
                int y0 = (int) Math.floor(sy);
                int y1 = Math.min(y0 + 1, h - 1);
                double fy = sy - y0;
                for (int x = 0; x < width; x++) {
                    double sx = Math.min(Math.max((x + 0.5) * w / width - 0.5, 0), w - 1);
                    int x0 = (int) Math.floor(sx);
                    int x1 = Math.min(x0 + 1, w - 1);
                    double fx = sx - x0;
                    int base = k * h * w;
                    double top = in[base + y0 * w + x0] * (1 - fx) + in[base + y0 * w + x1] * fx;
                    double bottom = in[base + y1 * w + x0] * (1 - fx) + in[base + y1 * w + x1] * fx;
                    out[(k * height + y) * width + x] = top * (1 - fy) + bottom * fy;
                }
            }
        }
        return Nd4j.create(out, new long[] {n, height, width}, DataType.DOUBLE).castTo(maps.dataType());
    }

    private String layerNames() {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer l = net.getLayer(i);
            names.append(i == 0 ? "" : ", ").append(l.conf().getLayer().getLayerName());
        }
        return "[" + names + "]";
    }
}
