package org.visionbook.toolkit.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What shape flows out of every layer of a network for a given input, worked out from the
 * configuration alone (no arrays are computed). The trainer uses it to reject data that does not
 * fit a network with a message naming both shapes, before DL4J fails deep inside a layer; the
 * model summary uses it for its "output shape" column.
 *
 * <p>A step that cannot take what it is given (a dense layer built for 256 inputs receiving 400, a
 * 5x5 kernel on a 3x3 map, a residual addition of two different shapes) raises a
 * {@link ShapeMismatchException} naming the layer.
 */
public final class LayerShapes {

    /** One layer (or graph vertex): its name, kind, output shape and parameter count. */
    public record Step(int index, String name, String type, InputType output, long parameters) {
        /** The output shape without the batch dimension, e.g. {@code [6, 24, 24]} or {@code [120]}. */
        public String shape() {
            return describe(output);
        }
    }

    private LayerShapes() {
    }

    /** Every step of {@code model} (a MultiLayerNetwork or a single-input ComputationGraph) for {@code input}. */
    public static List<Step> trace(Model model, InputType input) {
        Objects.requireNonNull(input, "input type");
        if (model instanceof MultiLayerNetwork net) {
            return trace(net, input);
        }
        if (model instanceof ComputationGraph graph) {
            return trace(graph, input);
        }
        throw new IllegalArgumentException("expected a MultiLayerNetwork or a ComputationGraph, got "
                + (model == null ? "null" : model.getClass().getName()));
    }

    static List<Step> trace(MultiLayerNetwork net, InputType input) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<Step> steps = new ArrayList<>();
        InputType current = input;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            String name = layerName(layer, i);
            InputPreProcessor pre = conf.getInputPreProcess(i);
            current = through(pre, current, i, name);
            checkNIn(layer, current, i, name);
            current = outputOf(layer, i, current, name);
            long params = net.isInitCalled() ? net.getLayer(i).numParams() : 0;
            steps.add(new Step(i, name, layer.getClass().getSimpleName(), current, params));
        }
        return steps;
    }

    static List<Step> trace(ComputationGraph graph, InputType input) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        if (conf.getNetworkInputs().size() != 1) {
            throw new IllegalArgumentException("shape tracing handles graphs with one input; this one has "
                    + conf.getNetworkInputs());
        }
        String inputName = conf.getNetworkInputs().get(0);
        Map<String, GraphVertex> vertices = conf.getVertices();
        Map<String, List<String>> inputsOf = conf.getVertexInputs();
        Map<String, InputType> outputs = new java.util.HashMap<>();
        outputs.put(inputName, input);
        List<Step> steps = new ArrayList<>();
        int layerIndex = 0;
        int index = 0;
        for (int v : graph.topologicalSortOrder()) {
            String name = graph.getVertices()[v].getVertexName();
            if (name.equals(inputName)) {
                continue;
            }
            GraphVertex vertex = vertices.get(name);
            List<String> ins = inputsOf.getOrDefault(name, List.of());
            InputType[] given = ins.stream().map(outputs::get).toArray(InputType[]::new);
            InputType out;
            String type;
            long params = 0;
            if (vertex instanceof LayerVertex lv) {
                Layer layer = lv.getLayerConf().getLayer();
                type = layer.getClass().getSimpleName();
                InputType in = through(lv.getPreProcessor(), given[0], index, name);
                checkNIn(layer, in, index, name);
                out = outputOf(layer, layerIndex, in, name);
                layerIndex++;
                if (graph.getLayer(name) != null) {
                    params = graph.getLayer(name).numParams();
                }
            } else {
                type = vertex.getClass().getSimpleName();
                try {
                    out = vertex.getOutputType(layerIndex, given);
                } catch (RuntimeException e) {
                    throw new ShapeMismatchException("vertex " + quoted(name) + " (" + type + ") cannot combine its inputs "
                            + ins + " of shapes " + Arrays.stream(given).map(LayerShapes::describe).collect(Collectors.toList())
                            + ": " + e.getMessage(), e);
                }
            }
            outputs.put(name, out);
            steps.add(new Step(index++, name, type, out, params));
        }
        return steps;
    }

    /**
     * The input a network was built for, inferred from its configuration, or null when the
     * configuration does not pin it down (a fully convolutional network takes many sizes). For
     * convolutional networks this is the smallest square image size that fits every layer, with
     * the first layer's channel count (or {@code hint}'s when the layer does not say).
     */
    public static InputType expectedInput(Model model, InputType hint) {
        Layer first = firstLayer(model);
        InputPreProcessor pre = model instanceof MultiLayerNetwork net ? net.getLayerWiseConfigurations().getInputPreProcess(0)
                : null;
        if (pre instanceof FeedForwardToCnnPreProcessor ff) {
            return InputType.convolutional(ff.getInputHeight(), ff.getInputWidth(), ff.getNumChannels());
        }
        if (pre instanceof CnnToFeedForwardPreProcessor cnn && cnn.getInputHeight() > 0) {
            // a dense first layer that flattens images itself (an MLP built for image input)
            return InputType.convolutional(cnn.getInputHeight(), cnn.getInputWidth(), cnn.getNumChannels());
        }
        if (first instanceof ConvolutionLayer conv) {
            long channels = channels(conv, hint);
            if (fits(model, InputType.convolutional(MAX_SIDE, MAX_SIDE, channels))) {
                return null; // large images fit as well as small ones: the size is free
            }
            // Pooling rounds down, so several sizes often fit (24 to 31 all reach a VGG's 3 x 3):
            // the course's own image sizes win, then the smallest size that fits.
            for (int side : COURSE_SIDES) {
                InputType candidate = InputType.convolutional(side, side, channels);
                if (fits(model, candidate)) {
                    return candidate;
                }
            }
            for (int side = 1; side < MAX_SIDE; side++) {
                InputType candidate = InputType.convolutional(side, side, channels);
                if (fits(model, candidate)) {
                    return candidate;
                }
            }
            return null;
        }
        if (first instanceof FeedForwardLayer ff && ff.getNIn() > 0) {
            return InputType.feedForward(ff.getNIn());
        }
        return null;
    }

    /**
     * The expected input in words for an error message: {@code [batch, 1, 28, 28]}, or
     * {@code [batch, 3, height, width]} when any size fits, or null when unknown.
     */
    public static String expectedShape(Model model, InputType hint) {
        InputType expected = expectedInput(model, hint);
        if (expected != null) {
            return "[batch, " + describe(expected).substring(1);
        }
        if (firstLayer(model) instanceof ConvolutionLayer conv) {
            return "[batch, " + channels(conv, hint) + ", height, width]";
        }
        return null;
    }

    private static final int MAX_SIDE = 512;
    /** The sides of the course's images: MNIST and Fashion-MNIST (28), CIFAR-style pictures (32). */
    private static final int[] COURSE_SIDES = {28, 32};

    private static long channels(ConvolutionLayer conv, InputType hint) {
        return conv.getNIn() > 0 ? conv.getNIn() : hint instanceof InputType.InputTypeConvolutional c ? c.getChannels() : 1;
    }

    private static boolean fits(Model model, InputType candidate) {
        try {
            trace(model, candidate);
            return true;
        } catch (RuntimeException tooSmallOrWrong) {
            return false;
        }
    }

    /** The input type a batch of {@code features} presents: [N, F] feed-forward, [N, C, H, W] images. */
    public static InputType ofFeatures(INDArray features) {
        long[] s = features.shape();
        return switch (s.length) {
            case 2 -> InputType.feedForward(s[1]);
            case 3 -> InputType.recurrent(s[1], s[2]);
            case 4 -> InputType.convolutional(s[2], s[3], s[1]);
            default -> throw new ShapeMismatchException("features of shape " + Arrays.toString(s)
                    + " are neither [batch, features] nor [batch, channels, height, width]");
        };
    }

    /** A readable shape without the batch dimension: {@code [1, 28, 28]}, {@code [784]}. */
    public static String describe(InputType type) {
        if (type == null) {
            return "?";
        }
        if (type instanceof InputType.InputTypeConvolutionalFlat flat) {
            return "[" + flat.getFlattenedSize() + "] (flat " + flat.getDepth() + "x" + flat.getHeight() + "x"
                    + flat.getWidth() + ")";
        }
        return Arrays.toString(type.getShape(false));
    }

    static Layer firstLayer(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            return net.getLayerWiseConfigurations().getConf(0).getLayer();
        }
        if (model instanceof ComputationGraph graph) {
            ComputationGraphConfiguration conf = graph.getConfiguration();
            String in = conf.getNetworkInputs().get(0);
            for (Map.Entry<String, List<String>> e : conf.getVertexInputs().entrySet()) {
                if (e.getValue().contains(in) && conf.getVertices().get(e.getKey()) instanceof LayerVertex lv) {
                    return lv.getLayerConf().getLayer();
                }
            }
            return null;
        }
        throw new IllegalArgumentException("expected a MultiLayerNetwork or a ComputationGraph, got " + model);
    }

    private static InputType through(InputPreProcessor pre, InputType in, int index, String name) {
        if (pre == null) {
            return in;
        }
        try {
            return pre.getOutputType(in);
        } catch (RuntimeException e) {
            throw new ShapeMismatchException("layer " + index + " " + quoted(name) + " reshapes its input with "
                    + pre.getClass().getSimpleName() + ", which cannot take " + describe(in) + ": " + e.getMessage(), e);
        }
    }

    private static InputType outputOf(Layer layer, int index, InputType in, String name) {
        try {
            return layer.getOutputType(index, in);
        } catch (RuntimeException e) {
            throw new ShapeMismatchException("layer " + index + " " + quoted(name) + " (" + layer.getClass().getSimpleName()
                    + ") cannot take an input of shape " + describe(in) + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static void checkNIn(Layer layer, InputType in, int index, String name) {
        if (!(layer instanceof FeedForwardLayer ff) || ff.getNIn() <= 0) {
            return;
        }
        long given;
        String what;
        if (in instanceof InputType.InputTypeFeedForward f) {
            given = f.getSize();
            what = given + " inputs";
        } else if (in instanceof InputType.InputTypeConvolutional c) {
            given = c.getChannels();
            what = given + " channel(s) of " + c.getHeight() + "x" + c.getWidth();
        } else if (in instanceof InputType.InputTypeConvolutionalFlat flat) {
            given = flat.getFlattenedSize();
            what = given + " inputs";
        } else if (in instanceof InputType.InputTypeRecurrent r) {
            given = r.getSize();
            what = given + " inputs per step";
        } else {
            return;
        }
        if (given != ff.getNIn()) {
            String unit = layer instanceof ConvolutionLayer || in instanceof InputType.InputTypeConvolutional
                    ? " input channels" : " inputs";
            throw new ShapeMismatchException("layer " + index + " " + quoted(name) + " (" + layer.getClass().getSimpleName()
                    + ") was built for " + ff.getNIn() + unit + " but receives " + what + " (shape " + describe(in) + ")");
        }
    }

    private static String layerName(Layer layer, int index) {
        String n = layer.getLayerName();
        return n == null || n.isBlank() ? "layer" + index : n;
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
