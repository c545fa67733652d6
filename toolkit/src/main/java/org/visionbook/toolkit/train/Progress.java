package org.visionbook.toolkit.train;

import java.util.Locale;

/**
 * The running figures of one {@code fit} call, updated by the trainer after every batch (plain
 * counters, no array work) and read by whichever view shows progress.
 */
final class Progress {

    final String modelName;
    final History history;
    final int firstEpoch;
    final int lastEpoch;
    final long startNanos = System.nanoTime();

    int epoch;
    int batch;
    int expectedBatches;
    long epochExamples;
    double epochTrainSeconds;
    double runTrainSeconds;
    long runBatches;
    double lastValidationSeconds;
    double lossSum;
    int lossCount;
    long correct;
    long counted;
    String status = "";
    /** True once the current epoch's validation (if any) is done. */
    boolean epochClosed;

    Progress(String modelName, History history, int firstEpoch, int lastEpoch) {
        this.modelName = modelName;
        this.history = history;
        this.firstEpoch = firstEpoch;
        this.lastEpoch = lastEpoch;
    }

    void startEpoch(int number, int expected) {
        epoch = number;
        batch = 0;
        expectedBatches = expected;
        epochExamples = 0;
        epochTrainSeconds = 0;
        lossSum = 0;
        lossCount = 0;
        correct = 0;
        counted = 0;
        epochClosed = false;
    }

    void batchDone(long examples, double seconds, double loss, int batchCorrect, int batchCounted) {
        batch++;
        runBatches++;
        epochExamples += examples;
        epochTrainSeconds += seconds;
        runTrainSeconds += seconds;
        if (Double.isFinite(loss)) {
            lossSum += loss;
            lossCount++;
        }
        correct += batchCorrect;
        counted += batchCounted;
    }

    double runningLoss() {
        return lossCount == 0 ? Double.NaN : lossSum / lossCount;
    }

    double runningAccuracy() {
        return counted == 0 ? Double.NaN : correct / (double) counted;
    }

    double examplesPerSecond() {
        return epochTrainSeconds <= 0 ? Double.NaN : epochExamples / epochTrainSeconds;
    }

    int epochsInRun() {
        return lastEpoch - firstEpoch + 1;
    }

    /** Fraction of this run done, 0..1 (epochs done plus the current epoch's share when its length is known). */
    double fractionDone() {
        double epochsDone = epoch - firstEpoch;
        if (expectedBatches > 0) {
            epochsDone += Math.min(1.0, batch / (double) expectedBatches);
        }
        return Math.max(0, Math.min(1, epochsDone / epochsInRun()));
    }

    /** Seconds left in this run, NaN while the epoch length is unknown. */
    double etaSeconds() {
        if (expectedBatches <= 0 || runBatches == 0) {
            return Double.NaN;
        }
        double perBatch = runTrainSeconds / runBatches;
        int remainingInEpoch = Math.max(0, expectedBatches - batch);
        int remainingEpochs = lastEpoch - epoch;
        return remainingInEpoch * perBatch + (epochClosed ? 0 : lastValidationSeconds)
                + remainingEpochs * (expectedBatches * perBatch + lastValidationSeconds);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** "epoch 3/10 · batch 45/125" with this run's epoch count. */
    String position() {
        String e = "epoch " + epoch + "/" + lastEpoch;
        if (batch == 0 && epoch == 0) {
            return "starting";
        }
        return e + "  batch " + batch + (expectedBatches > 0 ? "/" + expectedBatches : "");
    }

    /** One compact line: position, speed, ETA, running loss and accuracy. */
    String line() {
        StringBuilder sb = new StringBuilder(position());
        double speed = examplesPerSecond();
        if (!Double.isNaN(speed)) {
            sb.append(String.format(Locale.ROOT, "  %,.0f ex/s", speed));
        }
        double eta = etaSeconds();
        if (!Double.isNaN(eta)) {
            sb.append("  ETA ").append(clock(eta));
        }
        double loss = runningLoss();
        if (!Double.isNaN(loss)) {
            sb.append(String.format(Locale.ROOT, "  loss %.4f", loss));
        }
        double acc = runningAccuracy();
        if (!Double.isNaN(acc)) {
            sb.append(String.format(Locale.ROOT, "  acc %.4f", acc));
        }
        return sb.toString();
    }

    /** The summary line of a finished epoch. */
    static String epochLine(EpochRecord r, int lastEpoch) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f", r.epoch(), lastEpoch,
                r.trainLoss()));
        if (!Double.isNaN(r.trainAccuracy())) {
            sb.append(String.format(Locale.ROOT, " acc %.4f", r.trainAccuracy()));
        }
        if (!Double.isNaN(r.validationLoss()) || !Double.isNaN(r.validationAccuracy())) {
            sb.append(String.format(Locale.ROOT, " | val loss %.4f", r.validationLoss()));
            if (!Double.isNaN(r.validationAccuracy())) {
                sb.append(String.format(Locale.ROOT, " acc %.4f", r.validationAccuracy()));
            }
        }
        if (!Double.isNaN(r.learningRate())) {
            sb.append(String.format(Locale.ROOT, " | lr %.2e", r.learningRate()));
        }
        sb.append(String.format(Locale.ROOT, " | %.1f s", r.seconds()));
        return sb.toString();
    }

    /** 75 -> "1:15", 3725 -> "1:02:05". */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
