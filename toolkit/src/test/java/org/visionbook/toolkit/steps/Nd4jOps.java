package org.visionbook.toolkit.steps;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The same operations done by ND4J's native (libnd4j) ops, called by name, in double precision.
 * Integer arguments are, in order: kH, kW, sH, sW, pH, pW, dH, dW, same-mode (1) or not (0),
 * then for pooling the divisor mode, then data format (0 = NCHW), then for convolutions the
 * weight format (1 = [O, I, kH, kW] for conv2d, [I, O, kH, kW] for deconv2d).
 */
final class Nd4jOps {

    private static final int NCHW = 0;
    private static final int WEIGHTS_CHANNELS_FIRST = 1;

    private Nd4jOps() {
    }

    static double[][][][] conv2d(double[][][][] x, double[][][][] w, double[] b, Conv2dSpec spec) {
        INDArray[] out = run("conv2d", convArgs(spec), Tensors.toNd4j(x), Tensors.toNd4j(w), Tensors.toNd4j(b));
        return Tensors.fromNd4j(out[0]);
    }

    static Conv2d.Gradients conv2dBackward(double[][][][] x, double[][][][] w, double[] b, double[][][][] dOut,
                                           Conv2dSpec spec) {
        INDArray[] out = run("conv2d_bp", convArgs(spec), Tensors.toNd4j(x), Tensors.toNd4j(w), Tensors.toNd4j(b),
                Tensors.toNd4j(dOut));
        return new Conv2d.Gradients(Tensors.fromNd4j(out[0]), Tensors.fromNd4j(out[1]), out[2].toDoubleVector());
    }

    static double[][][][] deconv2d(double[][][][] x, double[][][][] w, double[] b, Conv2dSpec spec) {
        INDArray[] out = run("deconv2d", convArgs(spec), Tensors.toNd4j(x), Tensors.toNd4j(w), Tensors.toNd4j(b));
        return Tensors.fromNd4j(out[0]);
    }

    static Conv2d.Gradients deconv2dBackward(double[][][][] x, double[][][][] w, double[] b, double[][][][] dOut,
                                             Conv2dSpec spec) {
        INDArray[] out = run("deconv2d_bp", convArgs(spec), Tensors.toNd4j(x), Tensors.toNd4j(w), Tensors.toNd4j(b),
                Tensors.toNd4j(dOut));
        return new Conv2d.Gradients(Tensors.fromNd4j(out[0]), Tensors.fromNd4j(out[1]), out[2].toDoubleVector());
    }

    static double[][][][] maxPool(double[][][][] x, Conv2dSpec spec) {
        return Tensors.fromNd4j(run("maxpool2d", poolArgs(spec, 0), Tensors.toNd4j(x))[0]);
    }

    static double[][][][] maxPoolBackward(double[][][][] x, double[][][][] dOut, Conv2dSpec spec) {
        return Tensors.fromNd4j(run("maxpool2d_bp", poolArgs(spec, 0), Tensors.toNd4j(x), Tensors.toNd4j(dOut))[0]);
    }

    /** libnd4j's divisor mode: 0 divides by the input cells under the window, 1 by the whole window. */
    static double[][][][] averagePool(double[][][][] x, Conv2dSpec spec, Pooling.AverageOver over) {
        return Tensors.fromNd4j(run("avgpool2d", poolArgs(spec, divisorMode(over)), Tensors.toNd4j(x))[0]);
    }

    static double[][][][] averagePoolBackward(double[][][][] x, double[][][][] dOut, Conv2dSpec spec,
                                              Pooling.AverageOver over) {
        return Tensors.fromNd4j(run("avgpool2d_bp", poolArgs(spec, divisorMode(over)), Tensors.toNd4j(x),
                Tensors.toNd4j(dOut))[0]);
    }

    static double[][] globalAverage(double[][][][] x) {
        return Tensors.toNd4j(x).mean(2, 3).toDoubleMatrix();
    }

    /** Backward of a mean over the spatial axes 2 and 3, by ND4J's reduce_mean_bp. */
    static double[][][][] globalAverageBackward(double[][][][] x, double[][] dOut) {
        INDArray gradO = Nd4j.create(dOut).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        return Tensors.fromNd4j(run("reduce_mean_bp", new int[] {2, 3}, Tensors.toNd4j(x), gradO)[0]);
    }

    private static int divisorMode(Pooling.AverageOver over) {
        return over == Pooling.AverageOver.INPUT_CELLS_ONLY ? 0 : 1;
    }

    private static int[] convArgs(Conv2dSpec spec) {
        return new int[] {spec.kernelHeight(), spec.kernelWidth(), spec.strideHeight(), spec.strideWidth(),
                explicitRows(spec), explicitCols(spec), spec.dilationHeight(), spec.dilationWidth(), sameMode(spec),
                NCHW, WEIGHTS_CHANNELS_FIRST};
    }

    private static int[] poolArgs(Conv2dSpec spec, int divisorMode) {
        return new int[] {spec.kernelHeight(), spec.kernelWidth(), spec.strideHeight(), spec.strideWidth(),
                explicitRows(spec), explicitCols(spec), spec.dilationHeight(), spec.dilationWidth(), sameMode(spec),
                divisorMode, NCHW};
    }

    private static int explicitRows(Conv2dSpec spec) {
        return spec.padding() instanceof Padding.Explicit e ? e.rows() : 0;
    }

    private static int explicitCols(Conv2dSpec spec) {
        return spec.padding() instanceof Padding.Explicit e ? e.cols() : 0;
    }

    private static int sameMode(Conv2dSpec spec) {
        return spec.padding() instanceof Padding.Same ? 1 : 0;
    }

    private static INDArray[] run(String op, int[] intArgs, INDArray... inputs) {
        DynamicCustomOp call = DynamicCustomOp.builder(op).addInputs(inputs).addIntegerArguments(intArgs).build();
        return Nd4j.exec(call);
    }
}
