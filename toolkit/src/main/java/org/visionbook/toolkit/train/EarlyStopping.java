package org.visionbook.toolkit.train;

import java.util.Objects;

/**
 * Stop training when {@code metric} has not improved by more than {@code minDelta} for
 * {@code patience} measured epochs in a row. Epochs on which the metric was not measured (NaN,
 * e.g. validation every other epoch) neither count nor reset the wait.
 *
 * <pre>{@code
 * EarlyStopping.on(Metric.VALIDATION_LOSS).patience(3)
 * }</pre>
 */
public record EarlyStopping(Metric metric, int patience, double minDelta) {

    public EarlyStopping {
        Objects.requireNonNull(metric, "metric");
        if (patience < 1) {
            throw new IllegalArgumentException("early stopping: patience must be at least 1 epoch, got " + patience);
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("early stopping: minDelta must be 0 or more, got " + minDelta);
        }
    }

    /** Watches {@code metric} with patience 5 and no minimum improvement. */
    public static EarlyStopping on(Metric metric) {
        return new EarlyStopping(metric, 5, 0);
    }

    public EarlyStopping patience(int epochs) {
        return new EarlyStopping(metric, epochs, minDelta);
    }

    public EarlyStopping minDelta(double delta) {
        return new EarlyStopping(metric, patience, delta);
    }

    /** A fresh tracker for one training run. */
    public Monitor monitor() {
        return new Monitor(metric, patience, minDelta);
    }

    /** What the monitor makes of one epoch's value. */
    public enum Verdict { IMPROVED, WAITING, STOP }

    /**
     * Follows one metric epoch by epoch: the best value, when it was reached and how long ago.
     * Also used without early stopping (patience {@code Integer.MAX_VALUE}) to pick the best
     * checkpoint.
     */
    public static final class Monitor {
        private final Metric metric;
        private final int patience;
        private final double minDelta;
        private double best = Double.NaN;
        private int bestEpoch = -1;
        private int waited;

        public Monitor(Metric metric, int patience, double minDelta) {
            this.metric = Objects.requireNonNull(metric, "metric");
            this.patience = patience;
            this.minDelta = minDelta;
        }

        /** Records epoch {@code epoch}'s value of the metric. */
        public Verdict observe(int epoch, double value) {
            if (Double.isNaN(value)) {
                return Verdict.WAITING;
            }
            if (metric.improves(value, best, minDelta)) {
                best = value;
                bestEpoch = epoch;
                waited = 0;
                return Verdict.IMPROVED;
            }
            waited++;
            return waited >= patience ? Verdict.STOP : Verdict.WAITING;
        }

        /**
         * Takes an epoch from an earlier run (a resumed checkpoint, a previous {@code fit}) into
         * account for the best value, without using up patience.
         */
        public void remember(EpochRecord record) {
            double value = metric.of(record);
            if (metric.improves(value, best, minDelta)) {
                best = value;
                bestEpoch = record.epoch();
            }
        }

        public Verdict observe(EpochRecord record) {
            return observe(record.epoch(), metric.of(record));
        }

        public Metric metric() {
            return metric;
        }

        public double best() {
            return best;
        }

        /** The epoch of the best value so far, -1 before any. */
        public int bestEpoch() {
            return bestEpoch;
        }

        /** Measured epochs since the last improvement. */
        public int waited() {
            return waited;
        }
    }
}
