package org.visionbook.toolkit.steps;

/**
 * Max, average and global average pooling on plain [N, C, H, W] arrays, with their backward
 * passes. Each channel is pooled on its own; the window slides as a {@link Conv2dSpec} says
 * (its kernel size is the window size).
 *
 * <p>Padding never wins a max: max pooling looks only at input cells. Average pooling divides
 * either by the whole window or by the input cells in it; see {@link AverageOver}.
 */
public final class Pooling {

    private Pooling() {
    }

    /** What an average-pooling window divides its sum by. */
    public enum AverageOver {
        /** kH·kW, padding zeros included (PyTorch's default {@code count_include_pad=True}). */
        WHOLE_WINDOW,
        /** Only the input cells under the window, so a corner window is not darkened by padding. */
        INPUT_CELLS_ONLY
    }

    /** y[n][c][i][j] = the largest input cell under window (i, j). */
    public static double[][][][] max(double[][][][] x, Conv2dSpec spec) {
        Geometry g = Geometry.of(x, spec);
        double[][][][] y = new double[g.batch][g.channels][g.outH][g.outW];
        for (int n = 0; n < g.batch; n++) {
            for (int c = 0; c < g.channels; c++) {
                for (int i = 0; i < g.outH; i++) {
                    for (int j = 0; j < g.outW; j++) {
                        int[] at = g.argmax(x[n][c], i, j);
                        y[n][c][i][j] = x[n][c][at[0]][at[1]];
                    }
                }
            }
        }
        return y;
    }

    /** Average pooling dividing by the whole window, padding included. */
    public static double[][][][] average(double[][][][] x, Conv2dSpec spec) {
        return average(x, spec, AverageOver.WHOLE_WINDOW);
    }

    /** y[n][c][i][j] = the sum of the cells under window (i, j), divided as {@code over} says. */
    public static double[][][][] average(double[][][][] x, Conv2dSpec spec, AverageOver over) {
        Geometry g = Geometry.of(x, spec);
        double[][][][] y = new double[g.batch][g.channels][g.outH][g.outW];
        for (int n = 0; n < g.batch; n++) {
            for (int c = 0; c < g.channels; c++) {
                for (int i = 0; i < g.outH; i++) {
                    for (int j = 0; j < g.outW; j++) {
                        double sum = 0;
                        for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                            for (int kx = 0; kx < spec.kernelWidth(); kx++) {
                                int row = g.inputRow(i, ky);
                                int col = g.inputCol(j, kx);
                                if (g.inside(row, col)) {
                                    sum += x[n][c][row][col];
                                }
                            }
                        }
                        y[n][c][i][j] = sum / g.divisor(i, j, over);
                    }
                }
            }
        }
        return y;
    }

    /** One number per channel: the mean of its whole map. Returns [N, C]. */
    public static double[][] globalAverage(double[][][][] x) {
        Shape4 s = Shape4.of("input x", x);
        double[][] y = new double[s.n()][s.c()];
        for (int n = 0; n < s.n(); n++) {
            for (int c = 0; c < s.c(); c++) {
                double sum = 0;
                for (double[] row : x[n][c]) {
                    for (double value : row) {
                        sum += value;
                    }
                }
                y[n][c] = sum / (s.h() * s.w());
            }
        }
        return y;
    }

    /** Each window's gradient goes to the one cell that won the max (the first, on ties); the others get 0. */
    public static double[][][][] maxBackward(double[][][][] x, double[][][][] dOut, Conv2dSpec spec) {
        Geometry g = Geometry.of(x, spec);
        g.checkOutputGradient(dOut);
        double[][][][] dx = new double[g.batch][g.channels][g.inH][g.inW];
        for (int n = 0; n < g.batch; n++) {
            for (int c = 0; c < g.channels; c++) {
                for (int i = 0; i < g.outH; i++) {
                    for (int j = 0; j < g.outW; j++) {
                        int[] at = g.argmax(x[n][c], i, j);
                        dx[n][c][at[0]][at[1]] += dOut[n][c][i][j];
                    }
                }
            }
        }
        return dx;
    }

    /** Backward of {@link #average(double[][][][], Conv2dSpec)} (whole-window divisor). */
    public static double[][][][] averageBackward(double[][][][] x, double[][][][] dOut, Conv2dSpec spec) {
        return averageBackward(x, dOut, spec, AverageOver.WHOLE_WINDOW);
    }

    /** Each input cell under a window receives that window's gradient divided by the window's divisor. */
    public static double[][][][] averageBackward(double[][][][] x, double[][][][] dOut, Conv2dSpec spec,
                                                 AverageOver over) {
        Geometry g = Geometry.of(x, spec);
        g.checkOutputGradient(dOut);
        double[][][][] dx = new double[g.batch][g.channels][g.inH][g.inW];
        for (int n = 0; n < g.batch; n++) {
            for (int c = 0; c < g.channels; c++) {
                for (int i = 0; i < g.outH; i++) {
                    for (int j = 0; j < g.outW; j++) {
                        double share = dOut[n][c][i][j] / g.divisor(i, j, over);
                        for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                            for (int kx = 0; kx < spec.kernelWidth(); kx++) {
                                int row = g.inputRow(i, ky);
                                int col = g.inputCol(j, kx);
                                if (g.inside(row, col)) {
                                    dx[n][c][row][col] += share;
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }

    /** Every cell of a map gets an equal share, dOut[n][c] / (H·W). {@code dOut} is [N, C]. */
    public static double[][][][] globalAverageBackward(double[][][][] x, double[][] dOut) {
        Shape4 s = Shape4.of("input x", x);
        int[] ds = Shape4.of2d("output gradient dOut", dOut);
        if (ds[0] != s.n() || ds[1] != s.c()) {
            throw new IllegalArgumentException("output gradient dOut: expected shape [" + s.n() + ", " + s.c()
                    + "] (the forward output [N, C]) but got [" + ds[0] + ", " + ds[1] + "]");
        }
        double[][][][] dx = new double[s.n()][s.c()][s.h()][s.w()];
        for (int n = 0; n < s.n(); n++) {
            for (int c = 0; c < s.c(); c++) {
                double share = dOut[n][c] / (s.h() * s.w());
                for (double[] row : dx[n][c]) {
                    java.util.Arrays.fill(row, share);
                }
            }
        }
        return dx;
    }

    private record Geometry(Conv2dSpec spec, int batch, int channels, int inH, int inW, int outH, int outW,
                            int padTop, int padLeft) {

        static Geometry of(double[][][][] x, Conv2dSpec spec) {
            Shape4 s = Shape4.of("input x", x);
            return new Geometry(spec, s.n(), s.c(), s.h(), s.w(),
                    spec.height(s.h()).value(), spec.width(s.w()).value(),
                    spec.padRows(s.h()).before(), spec.padCols(s.w()).before());
        }

        void checkOutputGradient(double[][][][] dOut) {
            Shape4.of("output gradient dOut", dOut).expect(batch, channels, outH, outW,
                    "the forward output's shape [N, C, outH, outW]");
        }

        int inputRow(int i, int ky) {
            return i * spec.strideHeight() - padTop + ky * spec.dilationHeight();
        }

        int inputCol(int j, int kx) {
            return j * spec.strideWidth() - padLeft + kx * spec.dilationWidth();
        }

        boolean inside(int row, int col) {
            return row >= 0 && row < inH && col >= 0 && col < inW;
        }

        /** Row and column of the largest input cell under window (i, j); first one wins ties. */
        int[] argmax(double[][] map, int i, int j) {
            int[] best = null;
            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                for (int kx = 0; kx < spec.kernelWidth(); kx++) {
                    int row = inputRow(i, ky);
                    int col = inputCol(j, kx);
                    if (inside(row, col) && (best == null || map[row][col] > map[best[0]][best[1]])) {
                        best = new int[] {row, col};
                    }
                }
            }
            if (best == null) {
                throw new IllegalArgumentException(windowOnlyOnPadding(i, j));
            }
            return best;
        }

        double divisor(int i, int j, AverageOver over) {
            if (over == AverageOver.WHOLE_WINDOW) {
                return spec.kernelHeight() * spec.kernelWidth();
            }
            int count = 0;
            for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                for (int kx = 0; kx < spec.kernelWidth(); kx++) {
                    if (inside(inputRow(i, ky), inputCol(j, kx))) {
                        count++;
                    }
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException(windowOnlyOnPadding(i, j));
            }
            return count;
        }

        private String windowOnlyOnPadding(int i, int j) {
            return "the pooling window for output (" + i + ", " + j + ") covers only padding (" + spec
                    + ", input " + inH + "x" + inW + "); use less padding than the window size";
        }
    }
}
