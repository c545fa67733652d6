package org.visionbook.toolkit.steps;

/**
 * A 2-D convolution written as plainly as possible: nested loops over plain arrays, in NCHW layout.
 *
 * <ul>
 *   <li>input {@code x}: [N, C, H, W] (batch, channels, rows, columns)</li>
 *   <li>weights {@code w}: [O, C, kH, kW] (one C×kH×kW kernel per output channel)</li>
 *   <li>bias {@code b}: [O], or {@code null} for none</li>
 *   <li>output: [N, O, outH, outW], sizes from {@link Conv2dSpec#height} and {@link Conv2dSpec#width}</li>
 * </ul>
 *
 * <p>Like every deep-learning library this computes cross-correlation: the kernel is not flipped.
 * It is slow on purpose: each line is one idea. Use ND4J for real work.
 */
public final class Conv2d {

    private Conv2d() {
    }

    /** What {@link #backward} returns: the loss gradient for the input, the weights and the bias. */
    public record Gradients(double[][][][] input, double[][][][] weights, double[] bias) {
    }

    /** y[n][o][i][j] = b[o] + Σ_c Σ_ky Σ_kx x[n][c][i·s − pad + ky·d][j·s − pad + kx·d] · w[o][c][ky][kx]. */
    public static double[][][][] forward(double[][][][] x, double[][][][] w, double[] b, Conv2dSpec spec) {
        Geometry g = Geometry.of(x, w, b, spec);
        double[][][][] y = new double[g.batch][g.outChannels][g.outH][g.outW];
        for (int n = 0; n < g.batch; n++) {
            for (int o = 0; o < g.outChannels; o++) {
                for (int i = 0; i < g.outH; i++) {
                    for (int j = 0; j < g.outW; j++) {
                        double sum = b == null ? 0 : b[o];
                        for (int c = 0; c < g.inChannels; c++) {
                            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                                for (int kx = 0; kx < spec.kernelWidth(); kx++) {
                                    int row = g.inputRow(i, ky);
                                    int col = g.inputCol(j, kx);
                                    if (g.inside(row, col)) { // outside lies padding: zeros add nothing
                                        sum += x[n][c][row][col] * w[o][c][ky][kx];
                                    }
                                }
                            }
                        }
                        y[n][o][i][j] = sum;
                    }
                }
            }
        }
        return y;
    }

    /**
     * Backpropagation through {@link #forward}: given dL/dy ({@code dOut}, the forward output's
     * shape), returns dL/dx, dL/dw and dL/db. Each product x·w in the forward pass sends the
     * output's gradient back to both factors; the bias collects every output gradient of its
     * channel.
     */
    public static Gradients backward(double[][][][] x, double[][][][] w, double[][][][] dOut, Conv2dSpec spec) {
        Geometry g = Geometry.of(x, w, null, spec);
        Shape4.of("output gradient dOut", dOut).expect(g.batch, g.outChannels, g.outH, g.outW,
                "the forward output's shape [N, O, outH, outW]");
        double[][][][] dx = new double[g.batch][g.inChannels][g.inH][g.inW];
        double[][][][] dw = new double[g.outChannels][g.inChannels][spec.kernelHeight()][spec.kernelWidth()];
        double[] db = new double[g.outChannels];
        for (int n = 0; n < g.batch; n++) {
            for (int o = 0; o < g.outChannels; o++) {
                for (int i = 0; i < g.outH; i++) {
                    for (int j = 0; j < g.outW; j++) {
                        double grad = dOut[n][o][i][j];
                        db[o] += grad;
                        for (int c = 0; c < g.inChannels; c++) {
                            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                                for (int kx = 0; kx < spec.kernelWidth(); kx++) {
                                    int row = g.inputRow(i, ky);
                                    int col = g.inputCol(j, kx);
                                    if (g.inside(row, col)) {
                                        dx[n][c][row][col] += w[o][c][ky][kx] * grad;
                                        dw[o][c][ky][kx] += x[n][c][row][col] * grad;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new Gradients(dx, dw, db);
    }

    /** Sizes and index arithmetic shared by forward and backward, checked once. */
    private record Geometry(Conv2dSpec spec, int batch, int inChannels, int inH, int inW, int outChannels,
                            int outH, int outW, int padTop, int padLeft) {

        static Geometry of(double[][][][] x, double[][][][] w, double[] b, Conv2dSpec spec) {
            Shape4 xs = Shape4.of("input x", x);
            Shape4 ws = Shape4.of("weights w", w);
            ws.expect(ws.n(), xs.c(), spec.kernelHeight(), spec.kernelWidth(),
                    "[O, C, kH, kW]: C = " + xs.c() + " channels of input x, kernel "
                            + spec.kernelHeight() + "x" + spec.kernelWidth() + " from the spec");
            if (b != null) {
                Shape4.vector("bias b", b, ws.n(), "one per output channel O of weights w");
            }
            return new Geometry(spec, xs.n(), xs.c(), xs.h(), xs.w(), ws.n(),
                    spec.height(xs.h()).value(), spec.width(xs.w()).value(),
                    spec.padRows(xs.h()).before(), spec.padCols(xs.w()).before());
        }

        /** The input row that kernel row ky touches when the window sits at output row i. */
        int inputRow(int i, int ky) {
            return i * spec.strideHeight() - padTop + ky * spec.dilationHeight();
        }

        int inputCol(int j, int kx) {
            return j * spec.strideWidth() - padLeft + kx * spec.dilationWidth();
        }

        boolean inside(int row, int col) {
            return row >= 0 && row < inH && col >= 0 && col < inW;
        }
    }
}
