package org.visionbook.toolkit.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Checks a hand-written gradient against central differences: nudge one number up and down by
 * h, watch the loss, and compare (L(θ+h) − L(θ−h)) / 2h with what backpropagation said.
 *
 * <p>The relative error of one entry is |a − n| / max(|a| + |n|, 1e-8) for analytic a and numeric
 * n (the floor keeps two exact zeros from dividing by zero). A correct double-precision
 * backward pass usually scores below 1e-7; a wrong one scores near 1.
 *
 * <p>The loss is recomputed by {@code loss.getAsDouble()} while the parameter array is changed in
 * place, one entry at a time; every entry is restored exactly afterwards.
 *
 * @param maxRelativeError the worst entry's relative error
 * @param worstEntry       where it was, e.g. {@code [0][1][2][2]}
 * @param analytic         the gradient you computed there
 * @param numeric          the central-difference estimate there
 * @param entriesChecked   how many numbers were nudged
 */
public record GradientCheck(double maxRelativeError, String worstEntry, double analytic, double numeric,
                            int entriesChecked) {

    /** Step h: small enough that curvature does not matter, large enough that rounding does not either. */
    public static final double DEFAULT_STEP = 1e-5;

    public static GradientCheck of(double[][][][] parameter, double[][][][] analytic, DoubleSupplier loss) {
        return of(parameter, analytic, loss, DEFAULT_STEP);
    }

    public static GradientCheck of(double[][][][] parameter, double[][][][] analytic, DoubleSupplier loss,
                                   double step) {
        Shape4 p = Shape4.of("parameter", parameter);
        Shape4.of("analytic gradient", analytic).expect(p.n(), p.c(), p.h(), p.w(), "the parameter's shape");
        List<double[]> rows = new ArrayList<>();
        List<double[]> gradRows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int n = 0; n < p.n(); n++) {
            for (int c = 0; c < p.c(); c++) {
                for (int h = 0; h < p.h(); h++) {
                    rows.add(parameter[n][c][h]);
                    gradRows.add(analytic[n][c][h]);
                    names.add("[" + n + "][" + c + "][" + h + "]");
                }
            }
        }
        return compare(rows, gradRows, names, loss, step);
    }

    public static GradientCheck of(double[][] parameter, double[][] analytic, DoubleSupplier loss) {
        int[] p = Shape4.of2d("parameter", parameter);
        int[] a = Shape4.of2d("analytic gradient", analytic);
        if (p[0] != a[0] || p[1] != a[1]) {
            throw new IllegalArgumentException("analytic gradient: expected the parameter's shape [" + p[0] + ", "
                    + p[1] + "] but got [" + a[0] + ", " + a[1] + "]");
        }
        List<String> names = new ArrayList<>();
        for (int r = 0; r < p[0]; r++) {
            names.add("[" + r + "]");
        }
        return compare(List.of(parameter), List.of(analytic), names, loss, DEFAULT_STEP);
    }

    public static GradientCheck of(double[] parameter, double[] analytic, DoubleSupplier loss) {
        Objects.requireNonNull(parameter, "parameter");
        Shape4.vector("analytic gradient", analytic, parameter.length, "the parameter's length");
        List<double[]> rows = new ArrayList<>();
        rows.add(parameter);
        List<double[]> gradRows = new ArrayList<>();
        gradRows.add(analytic);
        return compare(rows, gradRows, List.of(""), loss, DEFAULT_STEP);
    }

    /** True when the worst entry is below {@code tolerance}. */
    public boolean passes(double tolerance) {
        return maxRelativeError < tolerance;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "max relative error %.2e over %d entries (worst at %s: analytic %.6g, "
                + "numeric %.6g)", maxRelativeError, entriesChecked, worstEntry, analytic, numeric);
    }

    private static GradientCheck compare(List<double[]> rows, List<double[]> gradRows, List<String> names,
                                         DoubleSupplier loss, double h) {
        Objects.requireNonNull(loss, "loss");
        if (!(h > 0)) {
            throw new IllegalArgumentException("step h must be positive; got " + h);
        }
        double worst = -1;
        String where = "";
        double worstAnalytic = 0;
        double worstNumeric = 0;
        int checked = 0;
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            for (int k = 0; k < row.length; k++) {
                double original = row[k];
                row[k] = original + h;
                double up = loss.getAsDouble();
                row[k] = original - h;
                double down = loss.getAsDouble();
                row[k] = original;
                double numeric = (up - down) / (2 * h);
                double analytic = gradRows.get(r)[k];
                double error = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8);
                checked++;
                if (error > worst) {
                    worst = error;
                    where = names.get(r) + "[" + k + "]";
                    worstAnalytic = analytic;
                    worstNumeric = numeric;
                }
            }
        }
        return new GradientCheck(worst, where, worstAnalytic, worstNumeric, checked);
    }
}
