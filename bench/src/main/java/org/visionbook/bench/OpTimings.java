package org.visionbook.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Locale;

/**
 * The native ops one LeNet-5 training step runs, timed one by one on the step's own shapes
 * (batch 64): median of {@code n} calls after {@code n / 4} warm-up calls, with the toolkit's
 * thread setting. Shows which kernel of the ND4J build on the classpath is slow, independent of
 * DL4J's Java side; also times the toolkit's weight-gradient-as-convolution and the data iterator.
 */
public final class OpTimings {

    private OpTimings() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        org.visionbook.toolkit.perf.Performance.configureThreads();
        System.out.println("# " + org.visionbook.toolkit.perf.Performance.describeRuntime());
        System.out.println("# load at start: " + LeNetBenchmark.loadAverage());
        Nd4j.getRandom().setSeed(1);
        int b = 64;
        // conv1: [64,1,28,28] * [6,1,5,5] -> [64,6,24,24]; conv2: [64,6,12,12] * [16,6,5,5] -> [64,16,8,8]
        conv("conv1", b, 1, 28, 6, n, false);
        conv("conv2", b, 6, 12, 16, n, false);
        conv("conv1", b, 1, 28, 6, n, true);
        conv("conv2", b, 6, 12, 16, n, true);
        weightGradientAsConvolution(b, n);
        pool("pool1", b, 6, 24, n);
        pool("pool2", b, 16, 8, n);
        INDArray x = Nd4j.rand(DataType.FLOAT, b, 256);
        INDArray w = Nd4j.rand(DataType.FLOAT, 256, 120);
        time("mmul 64x256 * 256x120", n, () -> x.mmul(w));
        INDArray small = Nd4j.rand(DataType.FLOAT, b, 84);
        time("relu 64x84 (one tiny element-wise op)", n, () -> Nd4j.exec(DynamicCustomOp.builder("relu")
                .addInputs(small).addOutputs(small.ulike()).addFloatingPointArguments(0.0).build()));
        org.visionbook.toolkit.data.ImageBatches batches = org.visionbook.toolkit.data.Mnist.load(
                org.visionbook.toolkit.data.Split.TRAIN).iterator(64, 1);
        time("ImageBatches.next() (one batch of 64 from the toolkit iterator)", n, () -> {
            if (!batches.hasNext()) {
                batches.reset();
            }
            batches.next();
        });
        float[] buffer = new float[64 * 784];
        time("Nd4j.create(float[64*784], [64,1,28,28])", n, () -> Nd4j.create(buffer, new long[]{64, 1, 28, 28}, DataType.FLOAT));
        time("Nd4j.createFromArray(float[64*784]).reshape", n, () -> Nd4j.createFromArray(buffer).reshape(64, 1, 28, 28));
        System.out.println("# load at end: " + LeNetBenchmark.loadAverage());
    }

    private static void conv(String name, int b, int inC, int side, int outC, int n, boolean nhwc) {
        int k = 5;
        int outSide = side - k + 1;
        INDArray in = nhwc ? Nd4j.rand(DataType.FLOAT, b, side, side, inC) : Nd4j.rand(DataType.FLOAT, b, inC, side, side);
        // NHWC with weights [oC, kH, kW, iC] (format 2), NCHW with [oC, iC, kH, kW] (format 1, DL4J's)
        INDArray w = nhwc ? Nd4j.rand(DataType.FLOAT, outC, k, k, inC) : Nd4j.rand(DataType.FLOAT, outC, inC, k, k);
        INDArray bias = Nd4j.rand(DataType.FLOAT, outC);
        INDArray out = nhwc ? Nd4j.create(DataType.FLOAT, b, outSide, outSide, outC) : Nd4j.create(DataType.FLOAT, b, outC, outSide, outSide);
        INDArray delta = Nd4j.rand(DataType.FLOAT, out.shape());
        INDArray gIn = in.ulike();
        INDArray gW = w.ulike();
        INDArray gB = bias.ulike();
        int[] iargs = {k, k, 1, 1, 0, 0, 1, 1, 0, nhwc ? 1 : 0, nhwc ? 2 : 1}; // kernel, stride, pad, dilation, same=0, data format, weight format
        name = name + (nhwc ? " NHWC" : " NCHW");
        String shape = Arrays.toString(in.shape()) + "*" + Arrays.toString(w.shape());
        time(name + " conv2d     " + shape, n, () -> Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(in, w, bias).addOutputs(out).addIntegerArguments(iargs).build()));
        time(name + " conv2d_bp  " + shape, n, () -> Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(in, w, bias, delta).addOutputs(gIn, gW, gB).addIntegerArguments(iargs).build()));
    }

    /**
     * conv1's weight and bias gradients without its input gradient: the weight gradient of a
     * stride-1, unpadded convolution is itself a convolution (the input, batch as channels, with
     * the output gradient as kernel).
     */
    private static void weightGradientAsConvolution(int b, int n) {
        INDArray x = Nd4j.rand(DataType.FLOAT, b, 1, 28, 28);
        INDArray delta = Nd4j.rand(DataType.FLOAT, b, 6, 24, 24);
        INDArray gW = Nd4j.create(DataType.FLOAT, 1, 6, 5, 5);
        int[] iargs = {24, 24, 1, 1, 0, 0, 1, 1, 0, 0, 1};
        time("conv1 weight+bias grad as conv2d [1,64,28,28]*[6,64,24,24]", n, () -> {
            INDArray xT = x.permute(1, 0, 2, 3).dup();
            INDArray dT = delta.permute(1, 0, 2, 3).dup();
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(xT, dT).addOutputs(gW).addIntegerArguments(iargs).build());
            delta.sum(0, 2, 3);
        });
        int[] nhwcArgs = {24, 24, 1, 1, 0, 0, 1, 1, 0, 1, 2};
        time("conv1 weight+bias grad as NHWC conv2d [1,28,28,64]*[6,24,24,64]", n, () -> {
            INDArray xT = x.permute(1, 2, 3, 0).dup();
            INDArray dT = delta.permute(1, 2, 3, 0).dup();
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(xT, dT).addOutputs(Nd4j.create(DataType.FLOAT, 1, 5, 5, 6))
                    .addIntegerArguments(nhwcArgs).build());
            delta.sum(0, 2, 3);
        });
        INDArray xN = x.permute(1, 2, 3, 0).dup();
        INDArray dN = delta.permute(1, 2, 3, 0).dup();
        INDArray gN = Nd4j.create(DataType.FLOAT, 1, 5, 5, 6);
        time("  NHWC conv2d alone", n, () -> Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(xN, dN).addOutputs(gN)
                .addIntegerArguments(nhwcArgs).build()));
        time("  delta.permute(1,2,3,0).dup()", n, () -> delta.permute(1, 2, 3, 0).dup());
        time("  delta.sum(0,2,3)", n, () -> delta.sum(0, 2, 3));
        INDArray col = Nd4j.create(DataType.FLOAT, b, 1, 5, 5, 24, 24);
        time("conv1 weight+bias grad as im2col + batched matmul", n, () -> {
            Nd4j.exec(DynamicCustomOp.builder("im2col").addInputs(x).addOutputs(col)
                    .addIntegerArguments(5, 5, 1, 1, 0, 0, 1, 1, 0).addFloatingPointArguments(0.0).build());
            INDArray perImage = Nd4j.matmul(delta.reshape(b, 6, 576), col.reshape(b, 25, 576), false, true, false);
            perImage.sum(0).reshape(6, 1, 5, 5);
            delta.sum(0, 2, 3);
        });
        time("  im2col alone [64,1,28,28] -> [64,1,5,5,24,24]", n, () -> Nd4j.exec(DynamicCustomOp.builder("im2col").addInputs(x).addOutputs(col)
                .addIntegerArguments(5, 5, 1, 1, 0, 0, 1, 1, 0).addFloatingPointArguments(0.0).build()));
        time("  batched matmul [64,6,576] x [64,25,576]^T", n, () -> Nd4j.matmul(delta.reshape(b, 6, 576), col.reshape(b, 25, 576), false, true, false));
        INDArray flatDelta = delta.permute(1, 0, 2, 3).dup().reshape(6, b * 576);
        time("  one gemm [6,36864] x [36864,25] (col permuted)", n, () -> flatDelta.mmul(col.reshape(b, 25, 576).permute(0, 2, 1).dup().reshape(b * 576, 25)));
    }

    private static void pool(String name, int b, int c, int side, int n) {
        INDArray in = Nd4j.rand(DataType.FLOAT, b, c, side, side);
        INDArray out = Nd4j.create(DataType.FLOAT, b, c, side / 2, side / 2);
        INDArray eps = Nd4j.rand(DataType.FLOAT, b, c, side / 2, side / 2);
        INDArray gIn = in.ulike();
        int[] iargs = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0}; // kernel, stride, pad, dilation, same=0, extra=0, NCHW
        String shape = Arrays.toString(in.shape());
        time(name + " maxpool2d    " + shape, n, () -> Nd4j.exec(DynamicCustomOp.builder("maxpool2d")
                .addInputs(in).addOutputs(out).addIntegerArguments(iargs).build()));
        time(name + " maxpool2d_bp " + shape, n, () -> Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp")
                .addInputs(in, eps).addOutputs(gIn).addIntegerArguments(iargs).build()));
    }

    private static void time(String what, int n, Runnable op) {
        for (int i = 0; i < Math.max(5, n / 4); i++) {
            op.run();
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            op.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("%-60s median %8.3f ms  p10 %8.3f ms%n", what, nanos[n / 2] / 1e6, nanos[n / 10] / 1e6);
    }
}
