package org.visionbook.toolkit.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Trainer} trains: an immutable snapshot of what its builder was told.
 *
 * @param name               what progress displays call the model
 * @param epochs             epochs per {@code fit} call (capped by {@code VISIONBOOK_EPOCHS})
 * @param seed               seed for ND4J's random numbers (dropout masks) at the start of each
 *                           {@code fit}, or null to leave them alone
 * @param validateEvery      validate after every n-th epoch (and always after the last)
 * @param earlyStopping      when to stop early, or null
 * @param monitor            metric that picks the best epoch (early stopping's metric when set)
 * @param checkpointDir      folder for {@code best.zip} and {@code last.zip}, or null for none
 * @param restoreBest        put the best epoch's parameters back into the model at the end
 * @param progress           how progress is shown
 * @param refresh            least time between two updates of the live display
 * @param chartRefresh       least time between two redraws of the live charts within an epoch
 * @param textLineEvery      least time between two in-epoch lines of text progress
 * @param trainAccuracyEvery for output layers the cheap accuracy probe cannot read: measure
 *                           training accuracy with an extra forward pass on every n-th batch
 * @param accelerate         install the toolkit's CPU speed-ups ({@link org.visionbook.toolkit.perf.Performance#accelerate})
 *                           on the network before training and evaluating; same results up to float rounding
 */
public record TrainingConfig(String name, int epochs, Long seed, int validateEvery, EarlyStopping earlyStopping, Metric monitor,
                             Path checkpointDir, boolean restoreBest, ProgressMode progress, Duration refresh,
                             Duration chartRefresh, Duration textLineEvery, int trainAccuracyEvery, boolean accelerate) {

    public TrainingConfig {
        Objects.requireNonNull(name, "name");
        atLeastOne(epochs, "epochs");
        atLeastOne(validateEvery, "validateEvery");
        atLeastOne(trainAccuracyEvery, "trainAccuracyEvery");
        Objects.requireNonNull(progress, "progress mode");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(chartRefresh, "chartRefresh");
        Objects.requireNonNull(textLineEvery, "textLineEvery");
        if (earlyStopping != null && monitor != null && monitor != earlyStopping.metric()) {
            throw new IllegalArgumentException("early stopping watches " + earlyStopping.metric() + " but the monitor is "
                    + monitor + "; they must be the same metric");
        }
    }

    /**
     * The defaults: 10 epochs, validate every epoch, no early stopping, no checkpoints, automatic
     * progress, CPU speed-ups on.
     */
    public static TrainingConfig defaults(String name) {
        return new TrainingConfig(name, 10, null, 1, null, null, null, false, ProgressMode.AUTO, Duration.ofMillis(300),
                Duration.ofSeconds(2), Duration.ofSeconds(10), 10, true);
    }

    /** The metric that picks the best epoch, given whether validation data is present. */
    public Metric effectiveMonitor(boolean hasValidation) {
        if (earlyStopping != null) {
            return earlyStopping.metric();
        }
        if (monitor != null) {
            return monitor;
        }
        return hasValidation ? Metric.VALIDATION_ACCURACY : Metric.TRAIN_LOSS;
    }

    private static void atLeastOne(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
    }
}
