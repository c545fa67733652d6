package org.visionbook.toolkit.train;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What one {@link Trainer#fit} call did.
 *
 * @param reason         why it returned
 * @param epochsRun      epochs finished in this call
 * @param lastEpoch      number of the last finished epoch (0 when none ever finished)
 * @param batchesInLastEpoch batches trained in the epoch that was running when training stopped
 *                       (the unfinished epoch after an interrupt; the full count otherwise)
 * @param monitored      the metric used for early stopping and the best checkpoint
 * @param bestEpoch      the epoch with the best value of {@code monitored} (-1 if never measured)
 * @param bestValue      that value
 * @param bestRestored   true when the model's parameters were reset to the best epoch's
 * @param bestCheckpoint the best model's file, or null without a checkpoint folder
 * @param seconds        wall-clock time of the call
 * @param history        the trainer's history (the same object, still growing with later calls)
 */
public record TrainingResult(StopReason reason, int epochsRun, int lastEpoch, int batchesInLastEpoch, Metric monitored,
                             int bestEpoch, double bestValue, boolean bestRestored, Path bestCheckpoint, double seconds,
                             History history) {

    public boolean interrupted() {
        return reason == StopReason.INTERRUPTED;
    }

    /** One line saying how it ended. */
    public String summary() {
        String best = bestEpoch < 0 ? "" : String.format(Locale.ROOT, "; best %s %.4f at epoch %d%s", monitored.column(),
                bestValue, bestEpoch, bestRestored ? " (parameters restored)" : "");
        return switch (reason) {
            case COMPLETED -> String.format(Locale.ROOT, "done: %d epoch(s) in %s%s", epochsRun, Progress.clock(seconds), best);
            case EARLY_STOPPED -> String.format(Locale.ROOT, "stopped early after epoch %d: %s stopped improving%s", lastEpoch,
                    monitored.column(), best);
            case INTERRUPTED -> String.format(Locale.ROOT,
                    "interrupted in epoch %d after %d batch(es); the model keeps what it learned and the history keeps %d finished epoch(s)%s",
                    lastEpoch + 1, batchesInLastEpoch, history.size(), best);
        };
    }

    @Override
    public String toString() {
        return summary();
    }
}
