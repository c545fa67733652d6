package org.visionbook.toolkit.perf;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The native convolution helper for a network's first layer, which during a training step
 * skips the gradient with respect to the network's input: DL4J computes it for every layer and
 * then throws the first layer's away, and for a one-channel image it is the single most
 * expensive op of a LeNet step (see {@code bench/README.md}).
 *
 * <p>Only a backward pass that {@code MultiLayerNetwork.fit} runs (through
 * {@code computeGradientAndScore}) is shortened, and only when the convolution is one this class
 * can do without the input gradient (stride 1, no padding, no dilation, NCHW, float). Every
 * other caller, e.g. {@code calculateGradients} for an adversarial attack or a saliency map,
 * gets the full backward pass with the input gradient.
 */
final class FirstLayerConvHelper extends ConvHelper {

    private static final StackWalker STACK = StackWalker.getInstance();

    private long shortenedSteps;

    FirstLayerConvHelper(DataType dataType) {
        super(dataType);
    }

    /** Training steps whose input gradient was skipped so far. */
    long shortenedSteps() {
        return shortenedSteps;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
                                                     int[] kernel, int[] strides, int[] pad, INDArray biasGradView,
                                                     INDArray weightGradView, IActivation afn,
                                                     ConvolutionLayer.AlgoMode mode, ConvolutionLayer.BwdFilterAlgo bwdFilterAlgo,
                                                     ConvolutionLayer.BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode,
                                                     int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        boolean inputGradientUnused = calledByFit();
        if (!inputGradientUnused || !weightGradientAsConvolutionApplies(input, weights, delta, strides, pad, dilation,
                convolutionMode, format)) {
            return super.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView, weightGradView,
                    afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format, workspaceMgr);
        }
        weightGradView.assign(weightGradient(input, delta));
        Gradient g = new DefaultGradient();
        if (biasGradView != null) {
            biasGradView.assign(delta.sum(0, 2, 3).reshape(biasGradView.shape()));
            g.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        g.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
        shortenedSteps++;
        return new Pair<>(g, null);
    }

    /**
     * True when the network's backward pass was started by a training step. DL4J's
     * {@code calcBackpropGradients} serves both training and callers that want the input
     * gradient; which one it is shows in the next frame of the network's own code.
     */
    static boolean calledByFit() {
        return STACK.walk(frames -> frames
                .filter(f -> f.getClassName().equals(MultiLayerNetwork.class.getName()))
                .dropWhile(f -> !f.getMethodName().equals("calcBackpropGradients"))
                .skip(1)
                .findFirst()
                .map(f -> f.getMethodName().equals("computeGradientAndScore"))
                .orElse(false));
    }

    /**
     * The weight gradient of a stride-1, unpadded convolution is itself a convolution: the
     * input with the batch as channels, filtered by the output gradient. As NHWC for oneDNN:
     * input {@code [inC, H, W, batch]}, filters {@code [outC, outH, outW, batch]}, result
     * {@code [inC, kH, kW, outC]}, returned as DL4J's {@code [outC, inC, kH, kW]}.
     */
    static INDArray weightGradient(INDArray input, INDArray delta) {
        long inC = input.size(1);
        long outC = delta.size(1);
        long kH = input.size(2) - delta.size(2) + 1;
        long kW = input.size(3) - delta.size(3) + 1;
        INDArray x = input.permute(1, 2, 3, 0).dup('c');
        INDArray filters = delta.permute(1, 2, 3, 0).dup('c');
        INDArray out = Nd4j.create(input.dataType(), inC, kH, kW, outC);
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(x, filters)
                .addOutputs(out)
                // kernel, stride, padding, dilation, same mode, data format NHWC, weights [oC, kH, kW, iC]
                .addIntegerArguments((int) delta.size(2), (int) delta.size(3), 1, 1, 0, 0, 1, 1, 0, 1, 2)
                .build());
        return out.permute(3, 0, 1, 2);
    }

    private static boolean weightGradientAsConvolutionApplies(INDArray input, INDArray weights, INDArray delta,
                                                              int[] strides, int[] pad, int[] dilation,
                                                              ConvolutionMode mode, CNN2DFormat format) {
        return format == CNN2DFormat.NCHW
                && mode != ConvolutionMode.Same
                && input.dataType() == DataType.FLOAT && weights.dataType() == DataType.FLOAT
                && delta.dataType() == DataType.FLOAT
                && input.rank() == 4 && delta.rank() == 4
                && strides[0] == 1 && strides[1] == 1
                && pad[0] == 0 && pad[1] == 0
                && dilation[0] == 1 && dilation[1] == 1;
    }
}
