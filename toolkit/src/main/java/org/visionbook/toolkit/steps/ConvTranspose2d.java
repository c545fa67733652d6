package org.visionbook.toolkit.steps;

/**
 * Transposed convolution ("deconvolution", though nothing is undone): each input pixel stamps a
 * copy of the kernel, scaled by its value, onto a larger output; overlapping stamps add up. It is
 * exactly the backward pass of {@link Conv2d} with respect to its input, which is why it is used to
 * upsample.
 *
 * <ul>
 *   <li>input {@code x}: [N, C, H, W]</li>
 *   <li>weights {@code w}: [C, O, kH, kW] — input channels first: the same tensor a forward
 *       convolution from O to C channels would use (PyTorch's layout, ND4J's weight format 1)</li>
 *   <li>bias {@code b}: [O], or {@code null}</li>
 *   <li>output: [N, O, outH, outW] with outH = {@link Conv2dSpec#transposedHeight(int)}: the size a
 *       forward convolution with the same spec would shrink back to H</li>
 * </ul>
 */
public final class ConvTranspose2d {

    private ConvTranspose2d() {
    }

    /** Scatters x[n][c][i][j] · w[c][o][ky][kx] onto y[n][o][i·s − pad + ky·d][j·s − pad + kx·d], then adds b[o]. */
    public static double[][][][] forward(double[][][][] x, double[][][][] w, double[] b, Conv2dSpec spec) {
        Geometry g = Geometry.of(x, w, b, spec);
        double[][][][] y = new double[g.batch][g.outChannels][g.outH][g.outW];
        for (int n = 0; n < g.batch; n++) {
            for (int c = 0; c < g.inChannels; c++) {
                for (int i = 0; i < g.inH; i++) {
                    for (int j = 0; j < g.inW; j++) {
                        for (int o = 0; o < g.outChannels; o++) {
                            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                                for (int kx = 0; kx < spec.kernelWidth(); kx++) {
                                    int row = g.outputRow(i, ky);
                                    int col = g.outputCol(j, kx);
                                    if (g.inside(row, col)) { // stamps falling on the padding are cut off
                                        y[n][o][row][col] += x[n][c][i][j] * w[c][o][ky][kx];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if (b != null) {
            for (int n = 0; n < g.batch; n++) {
                for (int o = 0; o < g.outChannels; o++) {
                    for (int row = 0; row < g.outH; row++) {
                        for (int col = 0; col < g.outW; col++) {
                            y[n][o][row][col] += b[o];
                        }
                    }
                }
            }
        }
        return y;
    }

    /** Backpropagation through {@link #forward}: dL/dx, dL/dw (layout [C, O, kH, kW]) and dL/db from dL/dy. */
    public static Conv2d.Gradients backward(double[][][][] x, double[][][][] w, double[][][][] dOut,
                                            Conv2dSpec spec) {
        Geometry g = Geometry.of(x, w, null, spec);
        Shape4.of("output gradient dOut", dOut).expect(g.batch, g.outChannels, g.outH, g.outW,
                "the forward output's shape [N, O, outH, outW]");
        double[][][][] dx = new double[g.batch][g.inChannels][g.inH][g.inW];
        double[][][][] dw = new double[g.inChannels][g.outChannels][spec.kernelHeight()][spec.kernelWidth()];
        double[] db = new double[g.outChannels];
        for (int n = 0; n < g.batch; n++) {
            for (int c = 0; c < g.inChannels; c++) {
                for (int i = 0; i < g.inH; i++) {
                    for (int j = 0; j < g.inW; j++) {
                        for (int o = 0; o < g.outChannels; o++) {
                            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                                for (int kx = 0; kx < spec.kernelWidth(); kx++) {
                                    int row = g.outputRow(i, ky);
                                    int col = g.outputCol(j, kx);
                                    if (g.inside(row, col)) {
                                        double grad = dOut[n][o][row][col];
                                        dx[n][c][i][j] += w[c][o][ky][kx] * grad;
                                        dw[c][o][ky][kx] += x[n][c][i][j] * grad;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for (int o = 0; o < g.outChannels; o++) {
                for (double[] row : dOut[n][o]) {
                    for (double grad : row) {
                        db[o] += grad;
                    }
                }
            }
        }
        return new Conv2d.Gradients(dx, dw, db);
    }

    private record Geometry(Conv2dSpec spec, int batch, int inChannels, int inH, int inW, int outChannels,
                            int outH, int outW, int padTop, int padLeft) {

        static Geometry of(double[][][][] x, double[][][][] w, double[] b, Conv2dSpec spec) {
            Shape4 xs = Shape4.of("input x", x);
            Shape4 ws = Shape4.of("weights w", w);
            ws.expect(xs.c(), ws.c(), spec.kernelHeight(), spec.kernelWidth(),
                    "[C, O, kH, kW]: C = " + xs.c() + " channels of input x, kernel "
                            + spec.kernelHeight() + "x" + spec.kernelWidth() + " from the spec");
            if (b != null) {
                Shape4.vector("bias b", b, ws.c(), "one per output channel O = w.length[1]");
            }
            int outH = spec.transposedHeight(xs.h());
            int outW = spec.transposedWidth(xs.w());
            return new Geometry(spec, xs.n(), xs.c(), xs.h(), xs.w(), ws.c(), outH, outW,
                    spec.padRows(outH).before(), spec.padCols(outW).before());
        }

        /** The output row that kernel row ky reaches from input row i: the forward conv's index map, reversed. */
        int outputRow(int i, int ky) {
            return i * spec.strideHeight() - padTop + ky * spec.dilationHeight();
        }

        int outputCol(int j, int kx) {
            return j * spec.strideWidth() - padLeft + kx * spec.dilationWidth();
        }

        boolean inside(int row, int col) {
            return row >= 0 && row < outH && col >= 0 && col < outW;
        }
    }
}
