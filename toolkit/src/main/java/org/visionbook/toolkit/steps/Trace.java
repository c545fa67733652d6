package org.visionbook.toolkit.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;

/**
 * A convolution or pooling window sliding over one 2-D input (one channel), recorded step by step:
 * for each output position the window, the kernel, the products, the sum (and bias) and the
 * output value. Immutable.
 *
 * <p>In a notebook a trace shows itself as an interactive {@link StepThrough} widget; {@link #animation()}
 * gives an animated GIF of the same thing.
 * <pre>{@code
 * Trace t = Trace.convolution(image, edgeKernel, Conv2dSpec.kernel(3).withPadding(1));
 * t.step(0).arithmetic();   // "0*1 + 0*0 + ... = 0.25"
 * t                          // the widget
 * }</pre>
 */
public final class Trace implements Displayable {

    /** What slides over the input. */
    public enum Kind {
        CONVOLUTION("convolution"), MAX_POOLING("max pooling"), AVERAGE_POOLING("average pooling");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final double[][] input;
    private final double[][] kernel;
    private final double bias;
    private final Conv2dSpec spec;
    private final OutputSize height;
    private final OutputSize width;
    private final double[][] output;
    private final List<Step> steps;

    private Trace(Kind kind, double[][] input, double[][] kernel, double bias, Conv2dSpec spec,
                  Pooling.AverageOver over) {
        this.kind = kind;
        this.spec = Objects.requireNonNull(spec, "spec");
        int[] in = Shape4.of2d("input", input);
        if (kernel != null) {
            int[] k = Shape4.of2d("kernel", kernel);
            if (k[0] != spec.kernelHeight() || k[1] != spec.kernelWidth()) {
                throw new IllegalArgumentException("kernel: expected " + spec.kernelHeight() + "x"
                        + spec.kernelWidth() + " (from the spec) but got " + k[0] + "x" + k[1]);
            }
        }
        this.input = copy(input);
        this.kernel = kernel == null ? new double[0][0] : copy(kernel);
        this.bias = bias;
        this.height = spec.height(in[0]);
        this.width = spec.width(in[1]);
        this.output = new double[height.value()][width.value()];
        this.steps = List.copyOf(record(over));
    }

    /** A kernel sliding over {@code input}, no bias. */
    public static Trace convolution(double[][] input, double[][] kernel, Conv2dSpec spec) {
        return convolution(input, kernel, 0, spec);
    }

    /** A kernel sliding over {@code input}; {@code bias} is added to every output. */
    public static Trace convolution(double[][] input, double[][] kernel, double bias, Conv2dSpec spec) {
        Objects.requireNonNull(kernel, "kernel");
        return new Trace(Kind.CONVOLUTION, input, kernel, bias, spec, null);
    }

    /** A max-pooling window sliding over {@code input} (its size is the spec's kernel size). */
    public static Trace maxPooling(double[][] input, Conv2dSpec spec) {
        return new Trace(Kind.MAX_POOLING, input, null, 0, spec, null);
    }

    /** An average-pooling window dividing by the whole window. */
    public static Trace averagePooling(double[][] input, Conv2dSpec spec) {
        return averagePooling(input, spec, Pooling.AverageOver.WHOLE_WINDOW);
    }

    public static Trace averagePooling(double[][] input, Conv2dSpec spec, Pooling.AverageOver over) {
        return new Trace(Kind.AVERAGE_POOLING, input, null, 0, spec, Objects.requireNonNull(over, "over"));
    }

    public Kind kind() {
        return kind;
    }

    public Conv2dSpec spec() {
        return spec;
    }

    /** A copy of the input grid. */
    public double[][] input() {
        return copy(input);
    }

    /** A copy of the kernel; empty (0×0) for pooling. */
    public double[][] kernel() {
        return kernel.length == 0 ? new double[0][0] : copy(kernel);
    }

    public double bias() {
        return bias;
    }

    /** A copy of the finished output grid. */
    public double[][] output() {
        return copy(output);
    }

    /** The output-size formula along the height, with the numbers of this trace. */
    public OutputSize outputHeight() {
        return height;
    }

    public OutputSize outputWidth() {
        return width;
    }

    public Pad padRows() {
        return height.pad();
    }

    public Pad padCols() {
        return width.pad();
    }

    public List<Step> steps() {
        return steps;
    }

    public Step step(int index) {
        if (index < 0 || index >= steps.size()) {
            throw new IndexOutOfBoundsException("step " + index + " of a trace with " + steps.size()
                    + " steps (0 to " + (steps.size() - 1) + ")");
        }
        return steps.get(index);
    }

    public int size() {
        return steps.size();
    }

    /** The interactive widget for this trace, to adjust (title, cell size, speed) before showing. */
    public StepThrough widget() {
        return StepThrough.of(this);
    }

    /** An animated GIF of this trace (one frame per step, at most {@link StepAnimation#DEFAULT_MAX_FRAMES}). */
    public StepAnimation animation() {
        return StepAnimation.of(this);
    }

    @Override
    public MimeBundle toMimeBundle() {
        return widget().toMimeBundle();
    }

    /** E.g. "convolution, kernel 3, stride 1, padding 1, dilation 1: 5x5 input -> 5x5 output in 25 steps". */
    public String summary() {
        return kind.label() + ", " + spec + ": " + input.length + "x" + input[0].length + " input -> "
                + output.length + "x" + output[0].length + " output in " + steps.size() + " steps";
    }

    @Override
    public String toString() {
        return summary();
    }

    private List<Step> record(Pooling.AverageOver over) {
        int rows = input.length;
        int cols = input[0].length;
        int top = height.pad().before();
        int left = width.pad().before();
        List<Step> recorded = new ArrayList<>();
        for (int i = 0; i < output.length; i++) {
            for (int j = 0; j < output[0].length; j++) {
                List<Step.Cell> window = new ArrayList<>();
                List<Double> weights = new ArrayList<>();
                List<Double> products = new ArrayList<>();
                double sum = kind == Kind.MAX_POOLING ? Double.NEGATIVE_INFINITY : 0;
                int chosen = -1;
                int inputCells = 0;
                for (int ky = 0; ky < spec.kernelHeight(); ky++) {
                    for (int kx = 0; kx < spec.kernelWidth(); kx++) {
                        int row = i * spec.strideHeight() - top + ky * spec.dilationHeight();
                        int col = j * spec.strideWidth() - left + kx * spec.dilationWidth();
                        boolean padding = row < 0 || row >= rows || col < 0 || col >= cols;
                        double value = padding ? 0 : input[row][col];
                        window.add(new Step.Cell(row, col, padding, value));
                        inputCells += padding ? 0 : 1;
                        switch (kind) {
                            case CONVOLUTION -> {
                                weights.add(kernel[ky][kx]);
                                products.add(value * kernel[ky][kx]);
                                sum += value * kernel[ky][kx];
                            }
                            case MAX_POOLING -> {
                                products.add(padding ? Double.NaN : value);
                                if (!padding && value > sum) {
                                    sum = value;
                                    chosen = window.size() - 1;
                                }
                            }
                            case AVERAGE_POOLING -> {
                                products.add(value);
                                sum += value;
                            }
                        }
                    }
                }
                double divisor = 1;
                if (kind == Kind.AVERAGE_POOLING) {
                    divisor = over == Pooling.AverageOver.WHOLE_WINDOW ? window.size() : inputCells;
                }
                if (kind != Kind.CONVOLUTION && inputCells == 0) {
                    throw new IllegalArgumentException("the pooling window for output (" + i + ", " + j
                            + ") covers only padding (" + spec + "); use less padding than the window size");
                }
                double value = kind == Kind.CONVOLUTION ? sum + bias : sum / divisor;
                output[i][j] = value;
                recorded.add(new Step(recorded.size(), i, j, window, weights, products, sum,
                        kind == Kind.CONVOLUTION ? bias : 0, divisor, value, chosen));
            }
        }
        return recorded;
    }

    private static double[][] copy(double[][] grid) {
        double[][] copy = new double[grid.length][];
        for (int r = 0; r < grid.length; r++) {
            copy[r] = grid[r].clone();
        }
        return copy;
    }
}
