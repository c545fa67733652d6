package org.visionbook.toolkit.steps;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One position of a sliding window in a {@link Trace}: which input cells it covered, what it
 * multiplied or compared, and the output value it produced.
 *
 * @param index    0-based position in the trace (row-major over the output)
 * @param outRow   output row this step fills
 * @param outCol   output column this step fills
 * @param window   the cells under the window, row-major over the kernel; cells in the padding
 *                 have coordinates outside the input and value 0
 * @param weights  the kernel weights, row-major (empty for pooling)
 * @param products window value × weight for a convolution; for pooling the window values, with NaN for
 *                 padding cells that max pooling ignores
 * @param sum      Σ products for convolution and average pooling; the maximum for max pooling
 * @param bias     added after the sum (convolution only; 0 otherwise)
 * @param divisor  what the sum is divided by (average pooling; 1 otherwise)
 * @param output   the value written to the output cell
 * @param chosen   for max pooling, the index in {@code window} of the winning cell; −1 otherwise
 */
public record Step(int index, int outRow, int outCol, List<Cell> window, List<Double> weights,
                   List<Double> products, double sum, double bias, double divisor, double output, int chosen) {

    /** An input position under the window. Padding cells lie outside the input and hold 0. */
    public record Cell(int row, int col, boolean padding, double value) {
    }

    public Step {
        window = List.copyOf(Objects.requireNonNull(window, "window"));
        weights = List.copyOf(Objects.requireNonNull(weights, "weights"));
        products = List.copyOf(Objects.requireNonNull(products, "products"));
    }

    /**
     * The arithmetic of this step in plain text, e.g. {@code 1*0.5 + 2*(-1) + 0*0.25 = -1.5; + bias 0.1 = -1.4}
     * (up to 3 decimals), or {@code max(0.1, 0.7, 0.3, 0.2) = 0.7}, or {@code (1 + 2 + 3 + 4) / 4 = 2.5}.
     */
    public String arithmetic() {
        if (!weights.isEmpty()) {
            String terms = IntStream.range(0, window.size())
                    .mapToObj(k -> term(window.get(k).value()) + "*" + term(weights.get(k)))
                    .collect(Collectors.joining(" + "));
            String text = terms + " = " + Numbers.format(sum, 3);
            return bias == 0 ? text : text + "; + bias " + term(bias) + " = " + Numbers.format(output, 3);
        }
        // padding takes part in an average only when the divisor counts the whole window
        boolean withPadding = chosen < 0 && divisor == window.size();
        List<String> values = IntStream.range(0, window.size())
                .filter(k -> withPadding || !window.get(k).padding())
                .mapToObj(k -> term(products.get(k)))
                .toList();
        if (chosen >= 0) {
            return "max(" + String.join(", ", values) + ") = " + Numbers.format(output, 3);
        }
        return "(" + String.join(" + ", values) + ") / " + Numbers.format(divisor, 3) + " = "
                + Numbers.format(output, 3);
    }

    private static String term(double value) {
        String text = Numbers.format(value, 3);
        return value < 0 && !text.equals("0") ? "(" + text + ")" : text;
    }
}
