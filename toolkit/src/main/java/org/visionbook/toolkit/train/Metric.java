package org.visionbook.toolkit.train;

/** A number recorded every epoch that early stopping and checkpointing can watch. */
public enum Metric {
    TRAIN_LOSS("train_loss", false),
    TRAIN_ACCURACY("train_acc", true),
    VALIDATION_LOSS("val_loss", false),
    VALIDATION_ACCURACY("val_acc", true);

    private final String column;
    private final boolean higherIsBetter;

    Metric(String column, boolean higherIsBetter) {
        this.column = column;
        this.higherIsBetter = higherIsBetter;
    }

    /** The history table's column holding this metric. */
    public String column() {
        return column;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public boolean needsValidation() {
        return this == VALIDATION_LOSS || this == VALIDATION_ACCURACY;
    }

    /** This metric's value in {@code record} (NaN when it was not measured). */
    public double of(EpochRecord record) {
        return switch (this) {
            case TRAIN_LOSS -> record.trainLoss();
            case TRAIN_ACCURACY -> record.trainAccuracy();
            case VALIDATION_LOSS -> record.validationLoss();
            case VALIDATION_ACCURACY -> record.validationAccuracy();
        };
    }

    /** True when {@code candidate} beats {@code best} by more than {@code minDelta}. */
    public boolean improves(double candidate, double best, double minDelta) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return higherIsBetter ? candidate > best + minDelta : candidate < best - minDelta;
    }
}
